import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityTargetOf, milestonesOf, regionTargetOf } from '../../src/shared/systems/accessors';
import { launchBrowser, screenshot } from './support/browser';
import { startApp, stopApp, type RunningApp } from './support/app-host';
import { englishWords } from './support/flow-helpers';

/**
 * The office's year, in Chromium against the real services: add an indicator, paste the 2026 district
 * targets, set milestones with a district's own, enter 2026-09 figures, see 完成率 and 序时进度 against the
 * 2026 targets in the rankings and the briefing; then 新建下一年度 to 2027 and see 2026 as last year.
 */
const SYSTEM = 'hz-mfg-cluster-regional-2023';
const NEXT = 'hz-mfg-cluster-regional-2027';
const NAME = '新型储能装机容量';
let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  await app.services.session.create(join(app.documentsDir, '测试专班'), {
    name: '测试专班',
    city: '湖州',
    systemIds: [SYSTEM],
  });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
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

const ws = () => app.services.session.require();
const added = () =>
  ws()
    .system(SYSTEM)
    .indicators.find((i) => i.name === NAME);

/** Dispatches a paste of `text` on an input, as Excel and WPS put a copied block on the clipboard. */
async function pasteInto(selector: string, text: string): Promise<void> {
  await page.locator(selector).first().focus();
  await page.evaluate(`(() => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const dt = new DataTransfer();
    dt.setData('text/plain', ${JSON.stringify(text)});
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  })()`);
}

async function waitSaved(): Promise<void> {
  await page
    .getByTestId('save-state')
    .getByText(/已保存 \d\d:\d\d:\d\d/)
    .waitFor();
}

/** The entry grid's cell of an indicator (by name) and a column (0 = 全市). */
async function entryCell(name: string, col: number) {
  const titles = await page.locator('.grid-rowhead .head-title').allTextContents();
  const row = titles.indexOf(name);
  expect(row).toBeGreaterThanOrEqual(0);
  return page.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);
}

describe('the 指标体系 editor through a year and into the next', () => {
  it('adds an indicator to the workspace copy', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('nav-systems').click();
    await page.getByTestId('systems-source').getByText('本工作区副本（可修改）').waitFor();
    await page.getByRole('button', { name: '其他年份…' }).click();
    await page.locator('.el-message-box input').fill('2026');
    await page.locator('.el-message-box').getByRole('button', { name: '确定' }).click();
    await page.getByTestId('year-picker').locator('.el-select__selected-item', { hasText: '2026年' }).waitFor();

    await page.getByTestId('add-indicator').click();
    const dialog = page.getByTestId('new-indicator');
    await page.getByTestId('new-name').fill(NAME);
    await page.getByTestId('new-unit').fill('万千瓦');
    await screenshot(page, 'editor-01-new-indicator');
    await page.getByTestId('new-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('indicator-detail').getByRole('heading', { name: NAME }).waitFor();
    expect(added()).toMatchObject({ unit: '万千瓦', kind: 'level', frequency: 'monthly', ytd: true });
    expect(added()?.source).toBeUndefined();
    await page.getByTestId('indicator-detail').getByText('本工作区添加的指标').waitFor();

    await page.getByTestId('indicator-search').fill('储能');
    await page.getByText('找到 1 项').waitFor();
    expect(await page.getByTestId('indicator-table').locator('tbody tr').count()).toBe(1);
    await screenshot(page, 'editor-02-search');
    await page.getByTestId('indicator-search').fill('');
  });

  it('pastes the 2026 district targets copied from a 分解表, text targets kept with their meaning', async () => {
    await page.getByRole('tab', { name: '2026年分解目标' }).click();
    await page.getByTestId('district-target-grid').waitFor();
    const tsv = [
      '指标名称\t全市\t吴兴\t南浔\t德清\t长兴\t安吉\t南太湖新区',
      `${NAME}\t120\t20\t15\t25\t30\t20\t10`,
      '规上工业增加值增长\t增长6%左右\t6\t6\t7\t7.5\t/\t10',
      '',
    ].join('\r\n');
    await pasteInto('[data-testid="district-target-grid"] input', tsv);
    await page.getByTestId('paste-note').getByText('已粘贴 14 格').waitFor();
    await page.getByTestId('targets-changed').getByText('已修改 14 格').waitFor();
    const grid = page.getByTestId('district-target-grid');
    const growthCity = grid.locator('td', {
      has: page.locator('input[data-cell="industrial-value-added-growth|全市"]'),
    });
    expect(await growthCity.locator('small').innerText()).toBe('6%左右（不低于5.5%即为达到）');
    const anji = grid.locator('td', { has: page.locator('input[data-cell="industrial-value-added-growth|安吉"]') });
    expect(await anji.locator('small').innerText()).toBe('不适用');
    await screenshot(page, 'editor-03-district-targets-pasted');
    await page.getByTestId('targets-save').click();
    await page.getByText(/已保存 2026 年目标（14 处修改）/).waitFor();
    const growth = ws()
      .system(SYSTEM)
      .indicators.find((i) => i.id === 'industrial-value-added-growth')!;
    expect(cityTargetOf(growth, '2026')).toBe('增长6%左右');
    expect(regionTargetOf(growth, '安吉', '2026')).toBe('/');
    expect(regionTargetOf(growth, '长兴', '2023')).toBe(8.5);
    expect(regionTargetOf(added()!, '德清', '2026')).toBe(25);
  });

  it('sets the 2026 milestones with a district of its own, refusing nothing valid', async () => {
    await page.getByRole('tab', { name: '指标' }).click();
    await page.getByTestId('indicator-table').getByText(NAME).click();
    await page.getByTestId('edit-indicator').click();
    const dialog = page.getByTestId('indicator-edit');
    await dialog.getByLabel('一季度').fill('20');
    await dialog.getByLabel('二季度').fill('45');
    await dialog.getByLabel('三季度').fill('70');
    await page.getByTestId('add-override').click();
    await dialog.getByLabel('吴兴 三季度').fill('60');
    await screenshot(page, 'editor-04-milestones');
    await page.getByTestId('edit-save').click();
    await expect.poll(() => milestonesOf(added()!, '2026', '吴兴').at(-1)?.percent).toBe(60);
    expect(milestonesOf(added()!, '2026', '德清').map((m) => m.percent)).toEqual([20, 45, 70]);
    const text = page.getByTestId('milestones-text');
    await text.getByText('统一：一季度 20%，二季度 45%，三季度 70%').waitFor();
    await text.getByText('吴兴：一季度 20%，二季度 45%，三季度 60%').waitFor();
    await screenshot(page, 'editor-05-detail');
  });

  it('enters 2026-09 figures in the grid', async () => {
    await page.goto(`${app.host.url}/#/entry?system=${SYSTEM}&period=2026-09`);
    await page.getByTestId('entry-grid').waitFor();
    await (await entryCell(NAME, 0)).click();
    await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify('110\t18\t14\t16\t30\t12\t20\r\n')})`);
    await page.keyboard.press('Control+V');
    await waitSaved();
    const view = await ws().figures.get('2026-09');
    expect(view.figures[SYSTEM]?.[added()!.id]?.['德清']?.v).toBe(16);
    await (await entryCell(NAME, 3)).click();
    await page.getByTestId('status-target').getByText('区县目标：25').waitFor();
    await screenshot(page, 'editor-06-entry-2026');
  });

  it('ranks against the 2026 targets: 完成率 and the time progress of each district', async () => {
    await page.goto(`${app.host.url}/#/rankings?period=2026-09`);
    const table = page.getByTestId('report-table-ranking');
    await table.waitFor();
    await table.getByText('完成率（%）').waitFor();
    const row = (region: string) =>
      table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${region}$`) }) });
    // value, 同比, 完成率, 位次: 德清 16 of 25 = 64.0 %, behind its 70 % node; 吴兴 18 of 20 = 90.0 %.
    // The mark after the rate: ▲ ahead of the district's time progress, ▼ behind it.
    expect((await row('德清').locator('td').nth(2).innerText()).trim()).toBe('64.0▼');
    expect((await row('吴兴').locator('td').nth(2).innerText()).trim()).toBe('90.0▲');
    expect((await row('全市').locator('td').nth(2).innerText()).trim()).toBe('91.7▲');
    const notes = await page.getByTestId('report-table-ranking').innerText();
    expect(notes).toContain(`${NAME}序时进度按节点为70.0%（吴兴60.0%）`);
    const legend = await page.getByTestId('table-legend').first().innerText();
    expect(legend).toContain('超序时进度');
    expect(legend).toContain('落后序时进度');
    await screenshot(page, 'editor-07-rankings-2026');

    await page.goto(`${app.host.url}/#/briefing?period=2026-09`);
    await page
      .locator('.doc-p:visible', { hasText: /完成年度目标(（[^）]*）)?的91\.7%/ })
      .first()
      .waitFor();
    await screenshot(page, 'editor-08-briefing-2026');
  });

  it('新建下一年度 to 2027: targets to fill, milestones kept, 2026 as last year', async () => {
    await page.goto(`${app.host.url}/#/systems`);
    await page.getByTestId('open-rollover').click();
    const dialog = page.getByTestId('rollover-dialog');
    await page.getByTestId('rollover-year').fill('2027');
    await screenshot(page, 'editor-09-rollover');
    await page.getByTestId('rollover-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('system-meta')
      .getByText(/2027年度 · 上一年度：主要指标各区县任务分解表/)
      .waitFor();
    const next = ws().system(NEXT);
    const copy = next.indicators.find((i) => i.name === NAME)!;
    expect(copy.targets).toEqual({});
    expect(milestonesOf(copy, '2027', '吴兴').at(-1)?.percent).toBe(60);
    await page.getByTestId('indicator-table').getByText(NAME).click();
    await page.getByTestId('no-targets').waitFor();
    await screenshot(page, 'editor-10-next-year');

    await page.goto(`${app.host.url}/#/entry?system=${SYSTEM}&period=2027-09`);
    await page.getByTestId('entry-grid').waitFor();
    // The 2023 system no longer serves 2027: the page switched to its 2027 copy.
    await page.getByTestId('system-picker').locator('.el-select__selected-item', { hasText: '2027年' }).waitFor();
    await (await entryCell(NAME, 1)).click();
    await page.getByTestId('status-last-year').getByText('上年同期（2026年9月）：18万千瓦').waitFor();
    await page.keyboard.type('27');
    await page.keyboard.press('Enter');
    await waitSaved();
    await screenshot(page, 'editor-11-entry-2027');

    await page.goto(`${app.host.url}/#/rankings?period=2027-09`);
    const table = page.getByTestId('report-table-ranking');
    await table.waitFor();
    const wuxing = table.locator('tbody tr', { has: page.locator('th', { hasText: /^吴兴$/ }) });
    // 同比 against 2026-09 in the 2026 system: 27 / 18 − 1 = 50.0 %; no 2027 target yet: no 完成率, ranked
    // by the figure itself, and no time-progress note.
    expect((await wuxing.locator('td').nth(1).innerText()).trim()).toBe('50.0');
    expect((await wuxing.locator('td').nth(2).innerText()).trim()).toBe('1');
    expect(await table.getByText('完成率（%）').count()).toBe(0);
    const text = await table.innerText();
    expect(text).toContain('位次按数值由高到低排列');
    expect(text).not.toContain('序时进度按节点');
    await screenshot(page, 'editor-12-rankings-2027');
  });

  it('shows the history of every change and renames a district with its figures kept', async () => {
    await page.goto(`${app.host.url}/#/systems`);
    await page.getByTestId('systems-picker').click();
    await page
      .getByRole('option')
      .filter({ hasText: '主要指标各区县任务分解表' })
      .filter({ hasNotText: '2027' })
      .click();
    await page.getByTestId('systems-more').click();
    await page.getByTestId('open-history').click();
    const drawer = page.getByTestId('system-history');
    await drawer.getByText(/设定2026年目标/).waitFor();
    await drawer.getByText('指标“规上工业增加值增长” 2026年分解目标 长兴').waitFor();
    await screenshot(page, 'editor-13-history');
    expect(englishWords(await drawer.innerText())).toEqual([]);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByTestId('systems-more').click();
    await page.getByTestId('open-regions').click();
    await page.getByTestId('rename-南太湖新区').click();
    await page.getByTestId('rename-input').fill('南太湖');
    await page.getByTestId('rename-save').click();
    await page.getByTestId('regions-table').getByText('（原名 南太湖新区）').waitFor();
    await screenshot(page, 'editor-14-regions');
    const view = await ws().figures.get('2026-09');
    expect(view.figures[SYSTEM]?.[added()!.id]?.['南太湖']?.v).toBe(20);
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
