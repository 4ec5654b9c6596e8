import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';

const SYSTEM = 'hz-mfg-cluster-regional-2023';
let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e({ expectRefusedCalls: true });
  ({ app, page, consoleErrors } = session);
});

afterAll(() => session?.close());

describe('start page and 指标体系 in Chromium against the real services', () => {
  it('shows the templates read-only before any workspace is open', async () => {
    await page.goto(`${app.host.openUrl}`);
    await page.getByTestId('nav-systems').click();
    await page.getByTestId('systems-source').getByText('程序自带模板（只读）').waitFor();
    await page.getByTestId('indicator-detail').waitFor();
    expect(await page.getByTestId('edit-indicator').isDisabled()).toBe(true);
    expect(await page.getByTestId('indicator-detail').textContent()).toContain('只能查看');
  });

  it('says in Chinese why a folder cannot be browsed in the browser preview', async () => {
    await page.getByTestId('nav-start').click();
    await page.getByTestId('choose-folder').click();
    await page.getByTestId('start-error').getByText('浏览器预览中不能浏览文件夹').waitFor();
  });

  it('creates a workspace from the dialog: name, city, systems grouped by document', async () => {
    await page.getByTestId('new-workspace-button').click();
    const dialog = page.getByTestId('new-workspace');
    await dialog.getByText('工作区名称').waitFor();
    await page.getByTestId('new-submit').click();
    await dialog.getByText('请填写工作区名称').waitFor();
    await dialog.getByText('请至少选择一个指标体系').waitFor();
    await page.getByTestId('new-name').fill('测试专班');
    await dialog.getByText('嘉兴', { exact: true }).click();
    await dialog.getByText('湖州', { exact: true }).click();
    await dialog.getByText('主要指标各区县任务分解表').click();
    await dialog.waitFor({ state: 'visible' });
    await screenshot(page, 'start-new-workspace');
    await page.getByTestId('new-submit').click();
    await page.getByTestId('current-workspace').getByText('测试专班', { exact: true }).waitFor();
    expect(await page.getByTestId('sample-banner').count()).toBe(0);
    const info = await app.services.session.require().info();
    expect(info).toMatchObject({ name: '测试专班', city: '湖州', sample: false });
    expect(info.systems.map((s) => s.id)).toEqual([SYSTEM]);
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('start-error').count()).toBe(0);
    await screenshot(page, 'start-created');
  });

  it('browses the workspace copy and edits an indicator; main validates and stores it', async () => {
    await page.getByTestId('nav-systems').click();
    await page.getByTestId('systems-source').getByText('本工作区副本（可修改）').waitFor();
    await page.getByTestId('indicator-table').getByText('规上工业增加值增长').click();
    const detail = page.getByTestId('indicator-detail');
    await detail.getByText('越大越好').waitFor();
    await detail.getByTestId('targets-table').getByText('不低于7%').waitFor();
    await detail.getByTestId('by-region-table').getByText('南太湖新区').waitFor();
    // The transcription record is folded away from the clerk, and opens on request.
    expect(await detail.getByTestId('indicator-source').isVisible()).toBe(false);
    await detail.getByText('转录记录').click();
    expect(await detail.getByTestId('indicator-source').textContent()).toMatch(
      /001_ea4810122a1c8d88\.txt，第 [\d、]+ 行/,
    );
    await screenshot(page, 'systems-workspace');

    await page.getByTestId('edit-indicator').click();
    const dialog = page.getByTestId('indicator-edit');
    await page.getByTestId('edit-responsible').fill('市经信局、市统计局');
    await dialog.waitFor({ state: 'visible' });
    await screenshot(page, 'systems-edit-dialog');
    await page.getByTestId('edit-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await detail.getByText('市经信局、市统计局').waitFor();
    const stored = app.services.session
      .require()
      .system(SYSTEM)
      .indicators.find((i) => i.id === 'industrial-value-added-growth');
    expect(stored?.responsible).toEqual(['市经信局', '市统计局']);
  });

  it("saves a target for any year: the system's years follow its targets", async () => {
    await page.getByTestId('edit-indicator').click();
    await page.getByTestId('new-year').fill('2026');
    await page.getByTestId('add-target-year').click();
    await page.locator('[data-testid="edit-target-grid"] input[data-cell="2026|全市"]').fill('增长6%左右');
    await page.getByTestId('edit-save').click();
    await expect
      .poll(() => app.services.session.require().system(SYSTEM).years, { timeout: 10_000 })
      .toEqual(['2023', '2026']);
    const stored = app.services.session.require().system(SYSTEM);
    expect(stored.indicators.find((i) => i.id === 'industrial-value-added-growth')?.targets).toEqual({
      '2023': 7,
      '2026': '增长6%左右',
    });
    await page.getByTestId('indicator-edit').waitFor({ state: 'hidden' });
  });

  it('refuses contradictory milestones with a Chinese message, and stores nothing', async () => {
    await page.getByTestId('edit-indicator').click();
    const dialog = page.getByTestId('indicator-edit');
    await dialog.getByLabel('二季度').fill('50');
    await dialog.getByLabel('上半年').fill('60');
    await page.getByTestId('edit-save').click();
    await page.getByTestId('edit-error').getByText('进度节点矛盾：二季度末为50%，上半年末为60%').waitFor();
    await screenshot(page, 'systems-edit-refused');
    const stored = app.services.session
      .require()
      .system(SYSTEM)
      .indicators.find((i) => i.id === 'industrial-value-added-growth');
    expect(stored?.milestones).toEqual({});
    await page.keyboard.press('Escape');
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
