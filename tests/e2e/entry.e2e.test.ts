import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';

const SYSTEM = 'hz-mfg-cluster-regional-2023';
const SHARE = 'emerging-chain-revenue-share-increase';
const PER_MU = 'industrial-tax-per-mu';
const VALUE_PER_MU = 'industrial-value-added-per-mu';

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e({ clipboard: true, expectRefusedCalls: true });
  ({ app, page, consoleErrors } = session);
});

afterAll(() => session?.close());

const cell = (row: number, col: number) => page.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);

async function stored(period: string, indicatorId: string, region: string) {
  const view = await app.services.session.require().figures.get(period);
  return view.figures[SYSTEM]?.[indicatorId]?.[region];
}

/** Puts text on the real system clipboard of the page (permissions granted on the context), as Excel would. */
async function writeClipboard(text: string): Promise<void> {
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(text)})`);
}

async function waitSaved(): Promise<void> {
  await page
    .getByTestId('save-state')
    .getByText(/已保存 \d\d:\d\d:\d\d/)
    .waitFor();
}

describe('entry of figures in Chromium against the real services', () => {
  it('opens the sample workspace from the start page and shows the 示例数据 banner', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('recent-table').getByText('还没有打开过工作区').waitFor();
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sample-banner').waitFor();
    expect(await page.getByTestId('sample-banner').textContent()).toContain('示例数据');
    await page.getByTestId('current-workspace').getByText('湖州市先进制造业集群培育工程专班（示例数据）').waitFor();
    await page.getByTestId('recent-table').getByText('湖州市先进制造业集群培育工程专班（示例数据）').waitFor();
    await screenshot(page, 'start-sample-open');
  });

  it('opens the entry grid on the latest period with data, the banner still shown', async () => {
    await page.getByTestId('go-entry').click();
    await page.getByTestId('entry-grid').waitFor();
    expect(await page.getByTestId('sample-banner').isVisible()).toBe(true);
    await page.getByTestId('period-picker').locator('.el-select__selected-item', { hasText: '2023年9月' }).waitFor();
    // 2023-09 shows the three monthly indicators of the regional system, under 全市 and six districts.
    await expect(page.locator('.grid-rowhead .head-title').allTextContents()).resolves.toEqual([
      '规上工业增加值增长',
      '制造业投资增长',
      '数字经济核心产业制造业增加值增速',
    ]);
    await expect(page.locator('.grid-colhead .head-title').allTextContents()).resolves.toEqual([
      '全市',
      '吴兴',
      '南浔',
      '德清',
      '长兴',
      '安吉',
      '南太湖新区',
    ]);
    const sampleValue = await stored('2023-09', 'industrial-value-added-growth', '吴兴');
    expect(await cell(0, 1).textContent()).toBe(String(sampleValue?.v));
    await cell(0, 1).click();
    await page.getByTestId('status-target').getByText('区县目标：7（不低于7%）').waitFor();
    await page
      .getByTestId('status-last-year')
      .getByText(/上年同期（2022年9月）：\d+(\.\d)?%/)
      .waitFor();
    await screenshot(page, 'entry-month');
  });

  it('types into a cell and pastes a block; both reach the real storage and survive a reload', async () => {
    await page.getByTestId('period-picker').click();
    await page.getByRole('option', { name: /2023年第三季度/ }).click();
    await page.locator('.grid-rowhead .head-title').getByText('规上工业亩均税收').waitFor();
    await cell(0, 1).click();
    await page.keyboard.type('1.8');
    await page.keyboard.press('Enter');
    expect(await cell(0, 1).textContent()).toBe('1.8');
    // Enter moved the cursor down: the paste starts at row 1, column 1 (吴兴).
    const tsv = '"32.5"\t３３．１\r\n41.25\t/\r\n';
    await writeClipboard(tsv);
    await page.keyboard.press('Control+V');
    await cell(2, 2).getByText('/').waitFor();
    expect([await cell(1, 1).textContent(), await cell(1, 2).textContent(), await cell(2, 1).textContent()]).toEqual([
      '32.5',
      '33.1',
      '41.25',
    ]);
    await waitSaved();
    expect((await stored('2023Q3', SHARE, '吴兴'))?.v).toBe(1.8);
    expect((await stored('2023Q3', PER_MU, '吴兴'))?.v).toBe(32.5);
    expect((await stored('2023Q3', PER_MU, '南浔'))?.v).toBe(33.1);
    expect((await stored('2023Q3', VALUE_PER_MU, '吴兴'))?.v).toBe(41.25);
    expect((await stored('2023Q3', VALUE_PER_MU, '南浔'))?.v).toBe('/');
    expect((await stored('2023Q3', PER_MU, '吴兴'))?.by).toBe('e2e测试员');
    await screenshot(page, 'entry-typed-and-pasted');

    await page.reload();
    await cell(1, 1).getByText('32.5').waitFor();
    await page.locator('.grid-rowhead .head-title').getByText('规上工业亩均税收').waitFor();
    await page
      .getByTestId('period-picker')
      .locator('.el-select__selected-item', { hasText: '2023年第三季度' })
      .waitFor();
    expect([await cell(0, 1).textContent(), await cell(1, 2).textContent(), await cell(2, 2).textContent()]).toEqual([
      '1.8',
      '33.1',
      '/',
    ]);
  });

  it('undoes a pasted block with Ctrl+Z and saves the old values back', async () => {
    await cell(1, 1).click();
    const before = [await cell(1, 3).textContent(), await cell(1, 4).textContent()];
    await writeClipboard('7\t8\t9\r\n');
    await page.keyboard.press('Control+V');
    await cell(1, 3).getByText('9').waitFor();
    await page.keyboard.press('Control+Z');
    await cell(1, 1).getByText('32.5').waitFor();
    expect([await cell(1, 3).textContent(), await cell(1, 4).textContent()]).toEqual([before[0], '' + before[1]]);
    await waitSaved();
    expect((await stored('2023Q3', PER_MU, '吴兴'))?.v).toBe(32.5);
    await page.keyboard.press('Control+Y');
    await cell(1, 3).getByText('9').waitFor();
    await waitSaved();
    expect((await stored('2023Q3', PER_MU, '德清'))?.v).toBe(9);
  });

  it('refuses "abc" with the Chinese reason, outlines the cell and stores nothing', async () => {
    const before = await stored('2023Q3', PER_MU, '长兴');
    await cell(1, 4).click();
    await page.keyboard.type('abc');
    await page
      .getByTestId('cell-error')
      .getByText('“abc”不是数字。请输入数字（如 12.5）、“/”表示不适用，或留空')
      .waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Enter');
    await expect(cell(1, 4).getAttribute('class')).resolves.toContain('is-invalid');
    await page.getByTestId('invalid-count').getByText('1 格未通过检查').waitFor();
    await screenshot(page, 'entry-invalid');
    expect(await stored('2023Q3', PER_MU, '长兴')).toEqual(before);
    await page.keyboard.press('Escape');
  });

  it("shows a cell's history on right-click: who, when, old → new, and where it came from", async () => {
    await cell(1, 1).click({ button: 'right' });
    const dialog = page.getByTestId('cell-history');
    await dialog.getByText('修改记录：吴兴 · 规上工业亩均税收').waitFor();
    const rows = dialog.locator('.el-table__body tr');
    await rows.first().waitFor();
    // Newest first: the redone paste (32.5 → 7), the typed paste (sample value → 32.5), the sample itself.
    // The undo and the redo fell into one autosave batch with the paste before them, so main stored only net changes.
    const texts = (await rows.allTextContents()).map((t) => t.replace(/\s+/g, ''));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^\d{4}-\d\d-\d\d\d\d:\d\d:\d\de2e测试员32\.5→7界面填报第\d+版$/);
    expect(texts[1]).toMatch(/e2e测试员[\d.]+→32\.5界面填报/);
    expect(texts[2]).toMatch(/（空）→[\d.]+示例数据生成第1版/);
    await screenshot(page, 'entry-cell-history');
    await page.keyboard.press('Escape');
    await dialog.locator('.el-dialog').waitFor({ state: 'hidden' });
  });

  it("marks the cell main refuses (another window changed the indicator) with main's reason, and saves the rest", async () => {
    // Meanwhile, someone made 制造业投资增长 a quarterly indicator: main now refuses its monthly figures.
    const ws = app.services.session.require();
    const original = ws.system(SYSTEM);
    const changed = structuredClone(original);
    const target = changed.indicators.find((i) => i.id === 'manufacturing-investment-growth')!;
    target.frequency = 'quarterly';
    await ws.replaceSystem(changed, '测试：改为按季度报送');
    try {
      await page.getByTestId('period-picker').click();
      await page.getByRole('option', { name: /2023年9月/ }).click();
      await page.locator('.grid-rowhead .head-title').getByText('制造业投资增长').waitFor();
      await cell(0, 2).click();
      await page.keyboard.type('9.9');
      await page.keyboard.press('Enter');
      await page.keyboard.type('8.8');
      await page.keyboard.press('Enter');
      // Main refused the batch naming the bad cell; the grid marks it and sends the rest again on its own.
      await page.locator('.grid-row[data-row="1"] .grid-cell[data-col="2"].is-invalid').waitFor();
      await page.getByTestId('invalid-count').getByText('1 格未通过检查').waitFor();
      await page.getByTestId('invalid-count').click();
      await page.getByTestId('cell-error').getByText('该指标按季度报送').waitFor();
      expect(await cell(1, 2).getAttribute('title')).toBe(
        '该指标按季度报送，请填在 2023Q1～2023Q4（季度） 期别中，而不是 2023-09',
      );
      // The valid cell of the same batch was sent again on its own and stored.
      await page
        .getByTestId('save-state')
        .getByText(/已保存/)
        .waitFor();
      expect((await stored('2023-09', 'industrial-value-added-growth', '南浔'))?.v).toBe(9.9);
      expect((await stored('2023-09', 'manufacturing-investment-growth', '南浔'))?.v).not.toBe(8.8);
      await screenshot(page, 'entry-rejected-by-main');
    } finally {
      await ws.replaceSystem(original, '测试：恢复');
    }
    await page.getByTestId('period-picker').click();
    await page.getByRole('option', { name: /2023年第三季度/ }).click();
    await page.locator('.grid-rowhead .head-title').getByText('规上工业亩均税收').waitFor();
  });

  it('takes full-width digits typed through a Chinese input method (composition) and saves them as a number', async () => {
    await cell(3, 3).click();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: '２', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: '２２．５', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.insertText', { text: '２２．５' });
    await cdp.detach();
    await page.keyboard.press('Enter');
    await cell(3, 3).getByText('22.5').waitFor();
    await waitSaved();
    expect((await stored('2023Q3', 'mfg-labour-productivity', '德清'))?.v).toBe(22.5);
  });

  it('shows the 全省 column on demand, stores it as 全省, and transposes the grid', async () => {
    await page.getByTestId('toggle-province').click();
    await page.locator('.grid-colhead .head-title').getByText('全省平均').waitFor();
    await cell(0, 7).click();
    await page.keyboard.type('1.2');
    await page.keyboard.press('Enter');
    await waitSaved();
    expect((await stored('2023Q3', SHARE, '全省'))?.v).toBe(1.2);
    await page.getByTestId('toggle-transpose').click();
    await expect(page.locator('.grid-rowhead .head-title').first().textContent()).resolves.toBe('全市');
    await page.locator('.grid-colhead .head-title').getByText('湖州市八大新兴产业链营业收入占比提高').waitFor();
    expect(await cell(1, 0).textContent()).toBe('1.8');
    await screenshot(page, 'entry-transposed');
    await page.getByTestId('toggle-transpose').click();
    await page.getByTestId('toggle-province').click();
  });

  it('says which period to use when nothing of the system is due, and goes there', async () => {
    await page.goto(`${app.host.url}/#/entry?system=hz-mfg-project-milestones-2023&period=2023-09`);
    const empty = page.getByText('2023年9月没有需要填报的指标：本体系按季度报送 6 项。');
    await empty.waitFor();
    await screenshot(page, 'entry-nothing-due');
    await page.getByRole('button', { name: '改填 2023年第三季度' }).click();
    await page.getByTestId('entry-grid').waitFor();
    await expect(page.locator('.grid-rowhead').count()).resolves.toBe(6);
  });

  it('keeps every page free of console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
