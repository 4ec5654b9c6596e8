import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { computeWorkspace } from '../../src/main/services/reports/report-service';
import { parsePeriod } from '../../src/shared/domain/periods';
import { TOTAL_REGION } from '../../src/shared/schemas/region';
import { cityTargetOf, milestonesOf, regionTargetOf } from '../../src/shared/systems/accessors';
import { wideFigures } from '../support/figure-tables';
import { HZ_DISTRICTS, regionalTable2026, ROWS_2026 } from '../support/target-tables';
import { launchBrowser, screenshot } from './support/browser';
import { englishWords } from './support/flow-helpers';
import { startApp, stopApp, type RunningApp } from './support/app-host';

let app: RunningApp;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_2026 = '2026年区县任务分解表.xlsx';
const FIGURES_2025 = '2025年主要指标完成情况.xlsx';
let newSystemId = '';

/** A screenshot once Element Plus's transitions (a dialog zooming in, a toast fading) have finished. */
async function shot(name: string): Promise<void> {
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)',
  );
  await screenshot(page, name);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
  page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().includes('status of 400 (Bad Request)')) consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
});

const ws = () => app.services.session.require();
const imported = (name: string) => {
  const found = ws()
    .system(newSystemId)
    .indicators.find((i) => i.name === name);
  if (!found) throw new Error(`no indicator ${name} in ${newSystemId}`);
  return found;
};

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

/** The entry grid's cell of an indicator (by name) and a column (0 = 全市). */
async function entryCell(name: string, col: number) {
  const titles = await page.locator('.grid-rowhead .head-title').allTextContents();
  // Row heads read "3 规上工业营业收入" when the system numbers its indicators.
  const row = titles.findIndex((t) => t.replace(/^\S+ /, '') === name);
  expect(row, titles.join('；')).toBeGreaterThanOrEqual(0);
  return page.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);
}

async function waitSaved(): Promise<void> {
  await page
    .getByTestId('save-state')
    .getByText(/已保存 \d\d:\d\d:\d\d/)
    .waitFor();
}

async function pickSystem(title: RegExp): Promise<void> {
  await page.getByTestId('systems-picker').click();
  await page.getByRole('option').filter({ hasText: title }).click();
  await page.getByTestId('system-meta').waitFor();
}

afterAll(async () => {
  await browser?.close();
  await stopApp(app);
});

describe('从表格新建 and 导入历史数据 in Chromium against the real services', () => {
  it('creates a new workspace for 2026', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('new-workspace-button').click();
    await page.getByTestId('new-name').fill('先进制造业专班2026');
    const dialog = page.getByTestId('new-workspace');
    await dialog.getByText('湖州', { exact: true }).click();
    await dialog.getByText('主要指标各区县任务分解表').click();
    await page.getByTestId('new-submit').click();
    await page.getByTestId('current-workspace').getByText('先进制造业专班2026', { exact: true }).waitFor();
  });

  it('reads a 2026 分解表 with a two-row merged header and shows every row as it will be stored', async () => {
    await page.getByTestId('nav-systems').click();
    await page.getByTestId('new-system-from-table').click();
    const dialog = page.getByTestId('new-system-dialog');
    await dialog.getByText('区县任务分解表').first().waitFor();
    await shot('table-import-choose');
    await page
      .getByTestId('table-file-input')
      .setInputFiles([{ name: FILE_2026, mimeType: XLSX, buffer: await regionalTable2026() }]);
    const rows = page.getByTestId('import-rows');
    await rows.getByText('2026年：8800（不低于8800亿元）').waitFor();
    const counts = await page.getByTestId('new-system-counts').textContent();
    expect(counts).toContain(`共 ${ROWS_2026.length} 行，导入 ${ROWS_2026.length} 行`);
    expect(counts).toContain('错误 0');
    const text = (await rows.textContent()) ?? '';
    expect(text).toContain('2026年：8800（不低于8800亿元）');
    expect(text).toContain('2026年：7（不低于7%）');
    expect(await page.getByTestId('new-system-title').inputValue()).toBe('2026年主要指标各区县任务分解表（示例数据）');
    await shot('table-import-preview-rows');
    await dialog.getByRole('tab', { name: /列的含义/ }).click();
    const columns = page.getByTestId('import-columns');
    await columns.getByText('2026年目标 / 南太湖新区', { exact: true }).waitFor();
    expect(await columns.textContent()).toContain('表头“2026年目标 / 吴兴”');
    await shot('table-import-preview-columns');
    expect(englishWords((await dialog.textContent()) ?? '')).toEqual([]);
  });

  it('takes the clerk’s correction and saves the system with its 2026 district targets', async () => {
    const dialog = page.getByTestId('new-system-dialog');
    await dialog.getByRole('tab', { name: /指标/ }).first().click();
    // 亩均税收 is reported quarterly in this office: the guess (按年) is corrected before saving.
    const row = page.getByTestId('import-rows').locator('tr', { hasText: '2026年：39（' }).first();
    expect(await row.locator('.el-input input').first().inputValue()).toBe('规上工业亩均税收');
    await row.locator('.el-select').nth(3).click();
    await page.locator('.el-select-dropdown:visible').getByText('按季度', { exact: true }).click();
    await row.locator('.el-select').nth(3).getByText('按季度').waitFor();
    await page.getByTestId('save-new-system').click();
    // The dialog closes once the system is stored (the button exists until then, so hidden means gone).
    await page.getByText(/已新建指标体系“2026年主要指标/).waitFor();
    await page.getByTestId('save-new-system').waitFor({ state: 'hidden' });
    const ws = app.services.session.require();
    const created = ws.systemList().find((s) => s.title.startsWith('2026年主要指标'));
    expect(created).toBeDefined();
    newSystemId = created?.id ?? '';
    expect(created?.years).toEqual(['2026']);
    expect(created?.regions).toEqual(HZ_DISTRICTS);
    const revenue = created?.indicators.find((i) => i.name === '规上工业营业收入');
    expect(revenue).toMatchObject({ unit: '亿元', kind: 'level', targets: { '2026': 8800 } });
    expect(revenue?.regionTargets).toEqual({
      '2026': { 吴兴: 1500, 南浔: 1200, 德清: 1800, 长兴: 2100, 安吉: 1300, 南太湖新区: 900 },
    });
    expect(created?.indicators.find((i) => i.name === '规上工业亩均税收')?.frequency).toBe('quarterly');
    await page.getByTestId('indicator-table').getByText('规上工业营业收入').click();
    await page.getByTestId('indicator-detail').getByText('南太湖新区').first().waitFor();
    await shot('table-import-saved');
  });

  it('reads a table pasted from WPS and says what is wrong with it, storing nothing', async () => {
    const before = app.services.session.require().systemList().length;
    await page.getByTestId('new-system-from-table').click();
    await page.getByTestId('source-mode-paste').click();
    const tsv = [
      '序号\t指标名称\t单位\t2026年目标\t责任单位',
      '1\t规上工业增加值增长\t%\t增长6%左右\t市经信局',
      '2\t新增专精特新企业\t\t完成省下达任务\t市经信局',
      '3\t规上工业增加值增长\t%\t7\t市经信局',
    ].join('\n');
    await page.getByTestId('paste-table').fill(tsv);
    await page.getByTestId('read-paste').click();
    const messages = page.getByTestId('import-rows');
    await messages.getByText('增长6%左右').first().waitFor();
    const counts = (await page.getByTestId('new-system-counts').textContent()) ?? '';
    expect(counts).toContain('错误 2');
    expect(await page.getByTestId('save-new-system').isDisabled()).toBe(true);
    await page.getByTestId('row-messages-3').hover();
    await page.getByText(/工作表“粘贴的表格”C3：指标“新增专精特新企业”没有单位/).waitFor();
    await shot('table-import-paste-errors');
    await page.getByTestId('new-system-dialog').getByRole('button', { name: '取消' }).click();
    expect(app.services.session.require().systemList().length).toBe(before);
  });

  it('imports last year’s figures from a wide sheet, matching an unmatched name by hand', async () => {
    await page.getByTestId('nav-import').click();
    await page.getByTestId('open-past-figures').click();
    const file = await wideFigures([
      {
        name: '2025年',
        blocks: [
          {
            title: '2025年1—9月主要指标完成情况（示例数据）',
            rows: [
              ['规上工业增加值增长(%)', 6.1, 5.2, '7.3%', 8, 4.9, 11.2, 7.1],
              ['规上工业营业收入', 1100, 900, 1350, 1600, 950, 700, 6600],
              ['规上企业营业收入', 1, 2, 3, 4, 5, 6, 21],
            ],
          },
          { title: '2025年1—6月', rows: [['规上工业增加值增长', 6, 5, '—', 8, 4, 11, 7]] },
        ],
      },
    ]);
    await page.getByTestId('table-file-input').setInputFiles([{ name: FIGURES_2025, mimeType: XLSX, buffer: file }]);
    const summary = page.getByTestId('past-figures-summary');
    await summary.getByText(/2025年1—9月（取自“2025年1—9月主要指标完成情况（示例数据）”）/).waitFor();
    const unmatched = page.getByTestId('past-unmatched');
    await unmatched.getByText('“规上企业营业收入”').waitFor();
    await shot('past-figures-preview');
    await page.getByTestId('match-规上企业营业收入').click();
    await page.locator('.el-select-dropdown:visible').getByText('不导入这个名称').click();
    await unmatched.waitFor({ state: 'detached' });
    const periods = (await page.getByTestId('past-periods').textContent()) ?? '';
    expect(periods).toContain('2025年1—9月（2025-09）');
    expect(periods).toContain('2025年1—6月（2025-06）');
    await page.getByTestId('apply-past-figures').click();
    await page.locator('.el-message-box').getByRole('button', { name: '写入' }).click();
    await page.getByTestId('past-figures-done').waitFor();
    await shot('past-figures-done');
    const ws = app.services.session.require();
    const view = await ws.figures.get('2025-09');
    const ids = Object.fromEntries(ws.system(newSystemId).indicators.map((i) => [i.name, i.id]));
    const growth = view.figures[newSystemId]?.[ids['规上工业增加值增长'] ?? '']?.['德清'];
    expect(growth?.v).toBe(7.3);
    expect(growth?.origin).toEqual({ kind: 'import', file: FIGURES_2025, sheet: '2025年', cell: 'D3' });
    expect(view.figures[newSystemId]?.[ids['规上工业营业收入'] ?? '']?.[TOTAL_REGION]?.v).toBe(6600);
    const june = await ws.figures.get('2025-06');
    expect(june.figures[newSystemId]?.[ids['规上工业增加值增长'] ?? '']?.['德清']).toBeUndefined();
    await page.getByTestId('past-figures-dialog').getByRole('button', { name: '完成' }).click();
  });

  it('pastes 2026 district targets into the imported system, text and "/" kept', async () => {
    await page.getByTestId('nav-systems').click();
    await pickSystem(/2026年主要指标各区县任务分解表/);
    await page.getByTestId('year-picker').locator('.el-select__selected-item', { hasText: '2026年' }).waitFor();
    await page.getByRole('tab', { name: '2026年分解目标' }).click();
    await page.getByTestId('district-target-grid').waitFor();
    const tsv = [
      `指标名称\t全市\t${HZ_DISTRICTS.join('\t')}`,
      '制造业投资增长\t增长10%左右\t10\t10\t11\t10\t/\t12',
      '',
    ].join('\r\n');
    await pasteInto('[data-testid="district-target-grid"] input', tsv);
    await page.getByTestId('paste-note').getByText('已粘贴 7 格').waitFor();
    await page.getByTestId('targets-changed').getByText('已修改 3 格').waitFor();
    const id = imported('制造业投资增长').id;
    const grid = page.getByTestId('district-target-grid');
    const cell = (region: string) => grid.locator('td', { has: page.locator(`input[data-cell="${id}|${region}"]`) });
    expect(await cell('全市').locator('small').innerText()).toContain('10%左右');
    expect(await cell('安吉').locator('small').innerText()).toBe('不适用');
    await shot('table-import-district-targets-pasted');
    await page.getByTestId('targets-save').click();
    await page.getByText(/已保存 2026 年目标（3 处修改）/).waitFor();
    const investment = imported('制造业投资增长');
    expect(cityTargetOf(investment, '2026')).toBe('增长10%左右');
    expect(regionTargetOf(investment, '安吉', '2026')).toBe('/');
    expect(regionTargetOf(investment, '德清', '2026')).toBe(11);
    expect(regionTargetOf(investment, '南太湖新区', '2026')).toBe(12);
  });

  it('sets a 2026 milestone on an imported indicator', async () => {
    await page.getByRole('tab', { name: '指标' }).click();
    await page.getByTestId('indicator-table').getByText('规上工业营业收入').click();
    await page.getByTestId('edit-indicator').click();
    const dialog = page.getByTestId('indicator-edit');
    await dialog.getByLabel('一季度').fill('20');
    await dialog.getByLabel('二季度').fill('45');
    await dialog.getByLabel('三季度').fill('70');
    await shot('table-import-milestones');
    await page.getByTestId('edit-save').click();
    await expect
      .poll(() => milestonesOf(imported('规上工业营业收入'), '2026', '德清').map((m) => m.percent))
      .toEqual([20, 45, 70]);
    await page.getByTestId('milestones-text').getByText('一季度 20%，二季度 45%，三季度 70%').waitFor();
  });

  it('enters the 2026-09 figures of the imported system in the entry grid', async () => {
    await page.goto(`${app.host.url}/#/entry?system=${newSystemId}&period=2026-09`);
    await page.getByTestId('entry-grid').waitFor();
    await (await entryCell('规上工业营业收入', 0)).click();
    // 全市, then the districts in the workspace's order.
    await page.evaluate(
      `navigator.clipboard.writeText(${JSON.stringify('7050\t1200\t990\t1000\t1700\t1000\t760\r\n')})`,
    );
    await page.keyboard.press('Control+V');
    await waitSaved();
    await (await entryCell('规上工业营业收入', 3)).click();
    await page.getByTestId('status-target').getByText('区县目标：1800').waitFor();
    await shot('table-import-entry-2026');
    const view = await ws().figures.get('2026-09');
    const revenue = view.figures[newSystemId]?.[imported('规上工业营业收入').id];
    expect(revenue?.['德清']?.v).toBe(1000);
    expect(revenue?.[TOTAL_REGION]?.v).toBe(7050);
  });

  it('ranks 2026-09 against the imported 2026 targets with 完成率 and 序时进度; the briefing says so', async () => {
    // The ranking takes the first system's indicators unless told: the clerk names the imported one.
    await page.goto(`${app.host.url}/#/settings`);
    await page.getByRole('tab', { name: '重点指标与赛马' }).click();
    const settings = page.getByTestId('ranking-settings');
    await settings.locator('.add-row .el-select').click();
    await page.keyboard.type('规上工业营业收入');
    await page
      .locator('.el-select-dropdown:visible .el-select-group__wrap', { hasText: '2026年主要指标各区县任务分解表' })
      .locator('.el-select-dropdown__item', { hasText: /^规上工业营业收入$/ })
      .click();
    await settings.getByTestId('key-indicators').getByText('规上工业营业收入').waitFor();
    await settings.getByTestId('save-ranking').click();
    // The clerk leaves once the page says it is saved (leaving earlier would ask about unsaved edits).
    await page.getByText('设置已保存').first().waitFor();
    await expect
      .poll(() => ws().settings.ranking.keyIndicators.map((k) => `${k.systemId}/${k.indicatorId}`))
      .toEqual([`${newSystemId}/${imported('规上工业营业收入').id}`]);

    await page.goto(`${app.host.url}/#/rankings?period=2026-09`);
    const table = page.getByTestId('report-table-ranking');
    await table.waitFor();
    await table.getByText('完成率（%）').waitFor();
    const row = (region: string) =>
      table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${region}$`) }) });
    // 德清 1000 of 1800 = 55.6 %, behind the 70 % node of the third quarter; 吴兴 1200 of 1500 = 80.0 %.
    expect((await row('德清').locator('td').nth(2).innerText()).trim()).toBe('55.6▼');
    expect((await row('吴兴').locator('td').nth(2).innerText()).trim()).toBe('80.0▲');
    expect((await row('全市').locator('td').nth(2).innerText()).trim()).toBe('80.1▲');
    expect(await table.innerText()).toContain('规上工业营业收入序时进度按节点为70.0%');
    await shot('table-import-rankings-2026');

    await page.goto(`${app.host.url}/#/briefing?period=2026-09`);
    await page
      .locator('.doc-p:visible', { hasText: /完成年度目标(（[^）]*）)?的80\.1%/ })
      .first()
      .waitFor();
    await shot('table-import-briefing-2026');

    const results = await computeWorkspace(ws(), parsePeriod('2026-09'), newSystemId);
    const revenue = results.find((r) => r.indicator.id === imported('规上工业营业收入').id);
    const city = revenue?.rows.find((r) => r.region === TOTAL_REGION);
    // 同比 from the 2025 figures imported above.
    expect(city?.lastYear).toBe(6600);
    expect(city?.yoy.ok && Number(city.yoy.value.toFixed(4))).toBe(Number((((7050 - 6600) / 6600) * 100).toFixed(4)));
    expect(city?.completion?.ok && Number(city.completion.rate.toFixed(4))).toBe(
      Number(((7050 / 8800) * 100).toFixed(4)),
    );
    expect(revenue?.rows.find((r) => r.region === '吴兴')).toMatchObject({ target: 1500, lastYear: 1100 });
  });

  it('新建下一年度 to 2027 from the imported system: 2026 seen as last year', async () => {
    await page.goto(`${app.host.url}/#/systems`);
    await pickSystem(/2026年主要指标各区县任务分解表/);
    await page.getByTestId('open-rollover').click();
    const dialog = page.getByTestId('rollover-dialog');
    await page.getByTestId('rollover-year').fill('2027');
    await page.getByTestId('rollover-confirm').click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByTestId('system-meta')
      .getByText(/2027年度 · 上一年度：2026年主要指标各区县任务分解表/)
      .waitFor();
    const next = ws()
      .systemList()
      .find((s) => s.previous?.systemId === newSystemId);
    expect(next?.year).toBe('2027');
    const copy = next?.indicators.find((i) => i.name === '规上工业营业收入');
    expect(copy?.targets).toEqual({});
    expect(milestonesOf(copy!, '2027', '德清').map((m) => m.percent)).toEqual([20, 45, 70]);
    await shot('table-import-next-year');

    await page.goto(`${app.host.url}/#/entry?system=${next?.id ?? ''}&period=2027-09`);
    await page.getByTestId('entry-grid').waitFor();
    await (await entryCell('规上工业营业收入', 1)).click();
    await page.getByTestId('status-last-year').getByText('上年同期（2026年9月）：1200亿元').waitFor();
    await page.keyboard.type('1320');
    await page.keyboard.press('Enter');
    await waitSaved();
    await shot('table-import-entry-2027');
    const results = await computeWorkspace(ws(), parsePeriod('2027-09'), next?.id);
    const wuxing = results.find((r) => r.indicator.name === '规上工业营业收入')?.rows.find((r) => r.region === '吴兴');
    expect(wuxing?.lastYear).toBe(1200);
    expect(wuxing?.yoy.ok && Number(wuxing.yoy.value.toFixed(4))).toBe(10);
  });

  it('logs no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
