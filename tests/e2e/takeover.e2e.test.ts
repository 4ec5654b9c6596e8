import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startApp, stopApp, type RunningApp } from './support/app-host';

let app: RunningApp;
let browser: Browser;
let page: Page;
let dir = '';

beforeAll(async () => {
  app = await startApp({ userName: '孙八' });
  dir = (await app.services.session.openSample()).dir;
  await app.services.session.close();
  // Another PC has the workspace open and is alive (its lock was written just now).
  writeFileSync(
    join(dir, '.lock'),
    JSON.stringify({
      id: 'lock-of-qian-qi',
      pid: 4242,
      host: 'OTHER-PC',
      user: '钱七',
      app: 'desktop',
      acquiredAt: '2023-10-08T01:30:00.000Z',
      heartbeatAt: new Date().toISOString(),
    }),
  );
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await stopApp(app);
});

describe('taking over a workspace another PC holds', () => {
  it('the read-only banner names the holder and offers 接管; the confirmation says who and since when', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('open-sample').click();
    const banner = page.getByTestId('readonly-banner');
    await banner.getByText('钱七（电脑 OTHER-PC）').waitFor();
    await banner.getByTestId('take-over').click();
    const dialog = page.locator('.el-message-box');
    await dialog.getByText('接管工作区').waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('钱七（电脑 OTHER-PC）自 10月8日');
    expect(text).toContain('最近一次活动在刚刚');
    await screenshot(page, 'takeover-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(JSON.parse(readFileSync(join(dir, '.lock'), 'utf8')).user).toBe('钱七');
  });

  it('after confirming, the workspace is writable and the lock is ours; the takeover is audited', async () => {
    await page.getByTestId('readonly-banner').getByTestId('take-over').click();
    await page.locator('.el-message-box').getByRole('button', { name: '确定接管' }).click();
    await page.getByTestId('readonly-banner').waitFor({ state: 'hidden' });
    expect(JSON.parse(readFileSync(join(dir, '.lock'), 'utf8')).user).toBe('孙八');
    const audit = await app.services.session.require().auditLog();
    expect(audit.find((a) => a.action === 'lock.takeover')?.summary).toContain('经确认接管了钱七（电脑 OTHER-PC）');
    await screenshot(page, 'takeover-done');
  });
});
