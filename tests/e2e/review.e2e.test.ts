import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';

const SYSTEM = 'hz-mfg-cluster-regional-2023';
const GROWTH = 'industrial-value-added-growth';
const FIRMS = 'inefficient-firms-rectified';
const NOTE = '吴兴新投产龙头企业，基数小，经区统计局核实无误';

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e({ clipboard: true });
  ({ app, page, consoleErrors } = session);
});

afterAll(() => session?.close());

const cell = (row: number, col: number) => page.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);

async function stored(period: string, indicatorId: string, region: string) {
  const view = await app.services.session.require().figures.get(period);
  return view.figures[SYSTEM]?.[indicatorId]?.[region];
}

async function waitSaved(): Promise<void> {
  await page
    .getByTestId('save-state')
    .getByText(/已保存 \d\d:\d\d:\d\d/)
    .waitFor();
}

/** A screenshot once Element Plus's transitions have finished. */
async function shot(name: string): Promise<void> {
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)',
  );
  await screenshot(page, name);
}

describe('审核 in Chromium against the real services', () => {
  it('opens the sample and the entry grid for 2023年9月', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sample-banner').waitFor();
    await page.getByTestId('nav-entry').click();
    await page.getByTestId('entry-grid').waitFor();
    await page.getByTestId('period-picker').locator('.el-select__selected-item', { hasText: '2023年9月' }).waitFor();
  });

  it('warns at once when 1234.5 is typed as a growth, and keeps the 说明 the clerk confirms it with', async () => {
    await cell(0, 1).click();
    await page.keyboard.type('1234.5');
    await page.keyboard.press('Enter');
    await waitSaved();
    expect((await stored('2023-09', GROWTH, '吴兴'))?.v).toBe(1234.5);
    await page
      .locator('.el-message')
      .getByText(/审核错误（SH04）：规上工业增加值增长 .*请改正，或在表格下方“说明并确认”。/)
      .waitFor();
    await expect.poll(() => cell(0, 1).getAttribute('class')).toContain('has-error');
    await cell(0, 1).click();
    const bar = page.getByTestId('cell-review');
    await bar.getByTestId('cell-review-item').filter({ hasText: 'SH04' }).waitFor();
    await shot('review-entry-warning');
    await bar.getByTestId('cell-review-confirm').first().click();
    const dialog = page.getByTestId('review-confirm-dialog');
    await dialog.getByText('说明（核实结果或原因').waitFor();
    await dialog.getByTestId('review-confirm').click();
    await dialog.locator('.el-form-item__error').waitFor();
    await dialog
      .locator('textarea[data-testid="review-note"], [data-testid="review-note"] textarea')
      .first()
      .fill(NOTE);
    await dialog.getByTestId('review-confirm').click();
    await bar.getByText(`说明：${NOTE}`).waitFor();
    await expect.poll(() => cell(0, 1).getAttribute('class')).not.toContain('has-error');
  });

  it('shows the 说明 in the provenance of the figure on the rankings page', async () => {
    await page.getByTestId('nav-rankings').click();
    const table = page.getByTestId('report-table-ranking');
    await table.waitFor();
    const row = table.locator('tbody tr', { has: page.locator('th', { hasText: /^吴兴$/ }) });
    await row.locator('td').nth(0).locator('button').click();
    const drawer = page.getByTestId('provenance');
    await drawer.getByTestId('provenance-value').getByText('1234.5').waitFor();
    const review = drawer.getByTestId('provenance-review');
    await review.getByText(`说明：${NOTE}`).waitFor();
    expect(await review.innerText()).toContain('SH04 增速不超过±100%');
    expect(await review.innerText()).toContain('e2e测试员');
    await shot('review-provenance');
    await page.keyboard.press('Escape');
    await drawer.locator('.el-drawer').waitFor({ state: 'hidden' });
  });

  it('offers the districts’ sum for a 全市 left blank, and records it as computed', async () => {
    await page.getByTestId('nav-entry').click();
    await page.getByTestId('entry-grid').waitFor();
    await page.getByTestId('period-picker').click();
    await page.getByRole('option', { name: /2023年第三季度/ }).click();
    const heads = page.locator('.grid-rowhead .head-title');
    await heads.getByText('高耗低效整治企业数').waitFor();
    const row = (await heads.allTextContents()).indexOf('高耗低效整治企业数');
    expect(row).toBeGreaterThanOrEqual(0);
    await cell(row, 0).click();
    await page.keyboard.press('Delete');
    await waitSaved();
    expect((await stored('2023Q3', FIRMS, '全市'))?.v ?? null).toBeNull();
    const districts = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];
    const values = await Promise.all(districts.map(async (r) => (await stored('2023Q3', FIRMS, r))?.v));
    const sum = values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0);

    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-summary').waitFor();
    const found = page
      .getByTestId('review-table')
      .locator('tbody tr')
      .filter({ hasText: 'SH02' })
      .filter({ hasText: '高耗低效整治企业数' })
      .filter({ hasText: '区县' });
    await found.first().waitFor();
    await shot('review-panel');
    await found.first().getByTestId('review-fix').click();
    await expect.poll(async () => (await stored('2023Q3', FIRMS, '全市'))?.v).toBe(sum);
    expect((await stored('2023Q3', FIRMS, '全市'))?.origin).toMatchObject({ kind: 'computed', rule: 'city-sum-blank' });
    await page.getByTestId('review-table').locator('tbody tr').first().waitFor();
    await shot('review-panel-after-sum');
  });

  it('lists the 说明 confirmed on entry among all findings, and logs no errors', async () => {
    await page.getByRole('radio', { name: '全部' }).click({ force: true });
    await page.getByTestId('review-confirmed').getByText(`已确认：${NOTE}`).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
