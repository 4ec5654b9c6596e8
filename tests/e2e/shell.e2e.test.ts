import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e({});
  ({ app, page, consoleErrors } = session);
});

afterAll(() => session?.close());

describe('the app shell in Chromium against the HTTP host', () => {
  it('loads the Chinese shell and reaches a real service', async () => {
    await page.goto(app.host.openUrl);
    await page.getByText('指标简报助手').first().waitFor();
    const templates = await app.services.templates.list();
    await page.getByTestId('templates-count').getByText(`已载入 ${templates.length} 套指标体系模板`).waitFor();
    for (const title of ['工作区', '指标体系', '数据填报', '排名亮晒', '简报', '导入', '设置']) {
      await expect(page.getByRole('menuitem', { name: title, exact: true }).count()).resolves.toBe(1);
    }
    expect(await page.textContent('body')).toContain('浏览器预览');
    await screenshot(page, 'shell-start');
  });

  it('takes the token out of the address bar, and reloads by the cookie alone', async () => {
    await expect.poll(() => page.url()).toBe(`${app.host.url}/#/`);
    await page.reload();
    const templates = await app.services.templates.list();
    await page.getByTestId('templates-count').getByText(`已载入 ${templates.length} 套指标体系模板`).waitFor();
    expect(page.url()).not.toContain(app.host.token);
  });

  it('routes to 指标体系 and offers every shipped template, read-only while no workspace is open', async () => {
    await page.getByTestId('nav-systems').click();
    await page.waitForURL(/#\/systems$/);
    const templates = await app.services.templates.list();
    await page.getByTestId('systems-source').getByText('程序自带模板（只读）').waitFor();
    await page.getByTestId('systems-picker').click();
    const options = page.locator('.el-select-dropdown__item:visible');
    await options.first().waitFor();
    expect(await options.count()).toBe(templates.length);
    await page.keyboard.press('Escape');
    await screenshot(page, 'shell-systems');
  });

  it('keeps every route reachable by URL, and logs no errors', async () => {
    for (const route of ['entry', 'rankings', 'briefing', 'import', 'settings']) {
      await page.goto(`${app.host.url}/#/${route}`);
      await page.locator('.page').first().waitFor();
    }
    expect(consoleErrors).toEqual([]);
  });
});
