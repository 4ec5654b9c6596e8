import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './support/browser';
import { startApp, stopApp, type RunningApp } from './support/app-host';

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('status of 400 (Bad Request)')) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
});

afterAll(async () => {
  await browser?.close();
  await stopApp(app);
});

describe('the month: rankings, briefing, export, print, 签发', () => {
  it('opens the sample', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sample-banner').waitFor();
  });

  it('rankings', async () => {
    await page.getByTestId('nav-rankings').click();
    await page.getByTestId('report-table-ranking').waitFor();
    await screenshot(page, 'flow-rankings');
    await page.getByTestId('report-table-ranking').locator('tbody tr').nth(1).locator('.ref-link').first().click();
    await page.getByTestId('provenance').getByText('示例数据生成').first().waitFor();
    await page.waitForTimeout(400);
    await screenshot(page, 'flow-provenance');
    await page.keyboard.press('Escape');
  });

  it('briefing', async () => {
    await page.getByTestId('nav-briefing').click();
    await page.getByTestId('doc-page').first().waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'flow-briefing');
    const pages = page.getByTestId('doc-page');
    const n = await pages.count();
    await page.setViewportSize({ width: 1366, height: 1400 });
    for (let i = 0; i < n; i++) {
      await pages.nth(i).evaluate((el) => el.scrollIntoView({ block: 'end' }));
      await pages.nth(i).screenshot({ path: `test-results/e2e/flow-page-${i + 1}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    console.log('pages', n);
  });

  it('settings', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('document-settings').waitFor();
    await screenshot(page, 'flow-settings');
    expect(consoleErrors).toEqual([]);
  });
});
