import { unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';

const SYSTEM = 'hz-mfg-cluster-regional-2023';
const GROWTH = 'industrial-value-added-growth';
const INVESTMENT = 'manufacturing-investment-growth';
const DIGITAL = 'digital-core-mfg-va-growth';
const REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e({ clipboard: true, context: { acceptDownloads: true } });
  ({ app, page, consoleErrors } = session);
});

afterAll(() => session?.close());

async function stored(indicatorId: string, region: string) {
  const view = await app.services.session.require().figures.get('2023-10');
  return view.figures[SYSTEM]?.[indicatorId]?.[region];
}

/** The form's indicator rows as its hidden _meta sheet lists them (docs/fill-in-workbook-format.md). */
function metaRows(meta: ExcelJS.Worksheet): { row: number; indicatorId: string; name: string }[] {
  const out: { row: number; indicatorId: string; name: string }[] = [];
  let started = false;
  meta.eachRow((r) => {
    const key = String(r.getCell(1).value ?? '');
    if (key === 'row') started = true;
    else if (started)
      out.push({ row: Number(key), indicatorId: String(r.getCell(3).value), name: String(r.getCell(5).value) });
  });
  return out;
}

/** Fills the downloaded form as a district clerk would in Excel: D is 本期数; unlisted rows get 5. */
async function fill(bytes: Buffer, values: Record<string, number | string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = wb.getWorksheet('填报表');
  const meta = wb.getWorksheet('_meta');
  if (!sheet || !meta) throw new Error('the download is not a fill-in form');
  const rows = metaRows(meta);
  expect(rows.length).toBeGreaterThan(2);
  let templateId = '';
  meta.eachRow((r) => {
    if (r.getCell(1).value === 'templateId') templateId = String(r.getCell(2).value);
  });
  expect(templateId).toBe('zjb-fill-form');
  for (const r of rows) {
    expect(sheet.getCell(`B${r.row}`).value).toBe(r.name);
    sheet.getCell(`D${r.row}`).value = values[r.indicatorId] ?? 5;
  }
  sheet.getCell('C4').value = '王五';
  sheet.getCell('F4').value = '0572-2345678';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A screenshot once Element Plus's transitions (the dialog zooming in, a toast fading) have finished. */
async function shot(name: string): Promise<void> {
  // Spinners run forever and are skipped; an animation cancelled meanwhile counts as done.
  await page.evaluate(
    'Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)',
  );
  await screenshot(page, name);
}

const rowTexts = async (testId: string) =>
  (await page.getByTestId(testId).allTextContents()).map((t) => t.replace(/\s+/g, ''));

let formBytes: Buffer;
let formName: string;

describe('导入 in Chromium against the real services', () => {
  it('opens the sample from the start page and goes to 导入 for 2023年10月, where no district has reported yet', async () => {
    await page.goto(app.host.openUrl);
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sample-banner').waitFor();
    // The start page's toast would cover the page header in every screenshot.
    await page.locator('.el-message').waitFor({ state: 'detached' });
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-steps').waitFor();
    await page.getByTestId('import-drop-zone').getByText('把各区县交回的填报表拖到这里').waitFor();
    await page.getByTestId('period-picker').click();
    await page.getByRole('option', { name: /2023年10月/ }).click();
    await page.getByTestId('missing-panel').getByText('催报 · 2023年1—10月').waitFor();
    await page.getByTestId('missing-row').first().waitFor();
    const rows = await rowTexts('missing-row');
    expect(rows.map((r) => r.slice(0, r.indexOf('未报')))).toEqual(REGIONS);
    expect(rows.every((r) => /项均未报送$/.test(r))).toBe(true);
    expect(await page.getByTestId('nothing-written-note').textContent()).toContain('此时不会写入任何数据');
    expect(await page.getByTestId('sample-banner').isVisible()).toBe(true);
    await shot('import-start');
  });

  it('generates the forms of every district and downloads one', async () => {
    await page.getByTestId('forms-generate').click();
    const links = page.getByTestId('form-download');
    await links.first().waitFor();
    expect(await links.allTextContents()).toEqual(REGIONS.map((r) => `2023年1—10月_${r}_填报表（示例数据）.xlsx`));
    await shot('import-forms-generated');
    const [zip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forms-zip-download').click()]);
    expect(zip.suggestedFilename()).toBe(`2023年1—10月填报表（${REGIONS.length}份）（示例数据）.zip`);
    const zipped = unzipSync(new Uint8Array(readFileSync(await zip.path())));
    expect(Object.keys(zipped)).toEqual(REGIONS.map((r) => `2023年1—10月_${r}_填报表（示例数据）.xlsx`));
    const [download] = await Promise.all([page.waitForEvent('download'), links.first().click()]);
    formName = download.suggestedFilename();
    expect(formName).toBe('2023年1—10月_吴兴_填报表（示例数据）.xlsx');
    formBytes = readFileSync(await download.path());
    expect(formBytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('previews a filled form and a stray text file: the change, the rejection with its cell, the refusal; nothing written', async () => {
    const filled = await fill(formBytes, { [GROWTH]: 6.4, [INVESTMENT]: 'abc', [DIGITAL]: 60 });
    await page.getByTestId('import-file-input').setInputFiles([
      { name: formName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled },
      { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('请查收') },
    ]);
    await page.getByTestId('changes-table').waitFor();
    const summary = await rowTexts('file-summary-row');
    expect(summary[0]).toMatch(
      /^2023年1—10月_吴兴_填报表（示例数据）\.xlsx吴兴2023年1—10月已接受将写入\d+个数，未通过检查1格，异常提示1处$/,
    );
    expect(summary[1]).toContain('说明.txt——已拒绝“说明.txt”不是Excel工作簿');
    const changes = await rowTexts('change-row');
    expect(changes).toContainEqual('吴兴规上工业增加值增长（%）（空）→6.4D7');
    const september = (await app.services.session.require().figures.get('2023-09')).figures[SYSTEM]?.[DIGITAL]?.['吴兴']
      ?.v;
    expect(typeof september).toBe('number');
    const jump = Math.round((60 - Number(september)) * 10) / 10;
    expect(changes).toContainEqual(
      `吴兴数字经济核心产业制造业增加值增速（%）⚠变动大：较上期（2023年1—9月：${september}%）变动+${jump}个百分点，超过10个百分点的提示线，请核实（空）→60D9`,
    );
    expect(await rowTexts('rejection-row')).toEqual([
      'D8制造业投资增长abc“abc”不是数字。请输入数字（如12.5）、“/”表示不适用，或留空',
    ]);
    expect((await app.services.session.require().figures.get('2023-10')).revision).toBe(0);
    await shot('import-preview');
  });

  it('applies after a confirmation with the counts, stores the figures and names the file and cell', async () => {
    const button = page.getByTestId('apply-import');
    const count = Number(/（(\d+) 个数）/.exec((await button.textContent()) ?? '')?.[1]);
    await button.click();
    const dialog = page.locator('.el-message-box');
    await dialog
      .getByText(
        `将把 吴兴 共 1 个区县的 ${count} 个数写入工作区（2023年1—10月）。未通过检查的 1 格不写入。被拒绝的 1 个文件不导入。有 1 处异常提示，请确认已经核实。`,
        { exact: false },
      )
      .waitFor();
    await shot('import-confirm');
    await dialog.getByRole('button', { name: '应用导入' }).click();
    await page.getByTestId('apply-done').getByText(`已导入 ${count} 个数`).waitFor();
    expect(await stored(GROWTH, '吴兴')).toMatchObject({
      v: 6.4,
      by: 'e2e测试员',
      origin: { kind: 'import', file: formName, sheet: '填报表', cell: 'D7' },
    });
    expect((await stored(DIGITAL, '吴兴'))?.v).toBe(60);
    expect(await stored(INVESTMENT, '吴兴')).toBeUndefined();
    expect(await stored(GROWTH, '南浔')).toBeUndefined();
    // The 催报 list follows the figures.changed event: 吴兴 still owes the rejected indicator.
    await page.getByTestId('missing-row').filter({ hasText: '吴兴' }).getByText('尚缺 1 项：制造业投资增长').waitFor();
    expect((await rowTexts('missing-row')).map((r) => r.slice(0, 2))).toEqual([
      '吴兴',
      '南浔',
      '德清',
      '长兴',
      '安吉',
      '南太',
    ]);
    await shot('import-applied');
  });

  it('copies the 催报 text of the districts not yet returned', async () => {
    await page.getByTestId('copy-reminder').click();
    await page.locator('.el-message').getByText('催报文字已复制，可以粘贴到通知或工作群中').waitFor();
    const text = await page.evaluate('navigator.clipboard.readText()');
    expect(String(text).split('\n')).toEqual([
      '请以下区县尽快报送2023年1—10月的指标数据：',
      '吴兴：尚缺 1 项：制造业投资增长；',
      ...['南浔', '德清', '长兴', '安吉'].map((r) => expect.stringMatching(new RegExp(`^${r}：\\d+ 项均未报送；$`))),
      expect.stringMatching(/^南太湖新区：\d+ 项均未报送。$/),
    ]);
  });

  it('re-imports a corrected form: old → new for the changed figure, the gap filled, 吴兴 off the 催报 list', async () => {
    await page.getByTestId('import-more').click();
    const corrected = await fill(formBytes, { [GROWTH]: 6.6, [INVESTMENT]: 8.1, [DIGITAL]: 60 });
    await page
      .getByTestId('import-file-input')
      .setInputFiles([{ name: formName, mimeType: 'application/octet-stream', buffer: corrected }]);
    await page.getByTestId('changes-table').waitFor();
    expect(await rowTexts('change-row')).toEqual([
      '吴兴规上工业增加值增长（%）6.4→6.6D7',
      '吴兴制造业投资增长（%）（空）→8.1D8',
    ]);
    expect(await page.getByTestId('rejections-table').count()).toBe(0);
    await shot('import-preview-correction');
    await page.getByTestId('apply-import').click();
    await page.locator('.el-message-box').getByRole('button', { name: '应用导入' }).click();
    await page.getByTestId('apply-done').getByText('已导入 2 个数').waitFor();
    expect(await stored(GROWTH, '吴兴')).toMatchObject({ v: 6.6, origin: { cell: 'D7' } });
    expect((await stored(INVESTMENT, '吴兴'))?.v).toBe(8.1);
    await page.getByTestId('missing-returned').getByText('已报齐：吴兴').waitFor();
    expect((await rowTexts('missing-row')).map((r) => r.slice(0, 2))).toEqual(['南浔', '德清', '长兴', '安吉', '南太']);
    await page.locator('.el-message').waitFor({ state: 'detached' });
    await shot('import-applied-correction');
  });

  it('links to 数据填报 for 2023年10月, where the imported figures show', async () => {
    await page.getByTestId('entry-link').first().click();
    await page.getByTestId('entry-grid').waitFor();
    await page.getByTestId('period-picker').locator('.el-select__selected-item', { hasText: '2023年10月' }).waitFor();
    const cell = (row: number, col: number) =>
      page.locator(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`);
    await cell(0, 1).getByText('6.6').waitFor();
    expect([await cell(1, 1).textContent(), await cell(2, 1).textContent(), await cell(0, 2).textContent()]).toEqual([
      '8.1',
      '60',
      '',
    ]);
    await shot('import-entry-link');
  });

  it('takes files dropped on the zone and sends an old .xls too, so main explains the refusal', async () => {
    await page.getByTestId('nav-import').click();
    // Main's list of periods with data now includes 2023-10, the latest: the page opens on it.
    await page.getByTestId('period-picker').locator('.el-select__selected-item', { hasText: '2023年10月' }).waitFor();
    await page.getByTestId('import-steps').waitFor();
    // An OLE2 header is all main needs to tell Excel 97-2003 from a workbook it can read.
    const dropped = await page.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      const ole = new Uint8Array(512);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      dt.items.add(new File([ole], '德清（旧格式）.xls'));
      return dt;
    })()`);
    const zone = page.getByTestId('import-drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer: dropped });
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByTestId('file-summary-row').first().waitFor();
    expect(await rowTexts('file-summary-row')).toEqual([
      '德清（旧格式）.xls——已拒绝“德清（旧格式）.xls”是旧版Excel97-2003格式（.xls或WPS.et），程序无法读取。请在Excel或WPS中打开，“另存为”Excel工作簿（.xlsx）后再导入',
    ]);
    expect(await page.getByTestId('apply-import').isDisabled()).toBe(true);
    await page.getByText('没有可以导入的文件', { exact: true }).waitFor();
    await shot('import-refused-xls');
    await page.getByRole('button', { name: '清除' }).click();
    await page.getByTestId('import-steps').waitFor();
  });

  it('previews the same form again and says there is nothing to write', async () => {
    await page.getByTestId('import-file-input').setInputFiles([
      {
        name: formName,
        mimeType: 'application/octet-stream',
        buffer: await fill(formBytes, { [GROWTH]: 6.6, [INVESTMENT]: 8.1, [DIGITAL]: 60 }),
      },
    ]);
    await page.getByTestId('no-changes').waitFor();
    expect(await page.getByTestId('apply-import').isDisabled()).toBe(true);
    await page
      .getByTestId('preview-totals')
      .getByText(/将写入\s*0\s*个数/)
      .waitFor();
    await page.getByText('没有需要写入的数', { exact: true }).waitFor();
  });

  it('leaves one row out (不导入): the rest is written, the row left out is not, and 吴兴 is no longer 已报齐', async () => {
    await page.getByRole('button', { name: '清除' }).click();
    await page.getByTestId('import-steps').waitFor();
    await page.getByTestId('import-file-input').setInputFiles([
      {
        name: formName,
        mimeType: 'application/octet-stream',
        buffer: await fill(formBytes, { [GROWTH]: 6.8, [INVESTMENT]: 8.1, [DIGITAL]: 61 }),
      },
    ]);
    await page.getByTestId('changes-table').waitFor();
    const changes = await rowTexts('change-row');
    expect(changes).toHaveLength(2);
    expect(changes[0]).toBe('吴兴规上工业增加值增长（%）6.6→6.8D7');
    expect(changes[1]).toMatch(/^吴兴数字经济核心产业制造业增加值增速（%）.*60→61D9$/);
    const digitalRow = page.getByTestId('change-row').filter({ hasText: '数字经济核心产业' });
    await digitalRow.getByTestId('change-include').click();
    await expect.poll(() => digitalRow.getAttribute('class')).toContain('is-excluded');
    await shot('import-row-excluded');
    await page.getByTestId('apply-import').click();
    const box = page.locator('.el-message-box');
    await box.getByText('选为“不导入”的 1 个数不写入，该区县本期不算报齐。', { exact: false }).waitFor();
    await box.getByRole('button', { name: '应用导入' }).click();
    await page.getByTestId('apply-done').getByText('已导入 1 个数').waitFor();
    await page.getByTestId('apply-done').getByText('选为“不导入”的 1 个数没有写入', { exact: false }).waitFor();
    expect((await stored(GROWTH, '吴兴'))?.v).toBe(6.8);
    expect((await stored(DIGITAL, '吴兴'))?.v).toBe(60);
    await page.getByTestId('missing-row').filter({ hasText: '吴兴' }).waitFor();
  });

  it('退回 a district with a reason: the 催报 text carries it', async () => {
    const row = page.getByTestId('return-row').filter({ hasText: '吴兴' });
    await row.getByTestId('return-send-back').click();
    const box = page.locator('.el-message-box');
    await box.getByText('退回吴兴2023年1—10月的报表。请写明原因，它会写进催报文字：').waitFor();
    await box.locator('input').fill('D9 数字经济核心产业增速与区统计局口径不符，请核实');
    await box.getByRole('button', { name: '退回' }).click();
    await row.getByText('退回', { exact: true }).first().waitFor();
    const late = page.getByTestId('missing-row').filter({ hasText: '吴兴' });
    await late.getByText(/原因：D9 数字经济核心产业增速与区统计局口径不符，请核实/).waitFor();
    const text = await page.getByTestId('reminder-text').inputValue();
    expect(text.split('\n').find((l) => l.startsWith('吴兴'))).toBe(
      '吴兴：报表已退回，原因：D9 数字经济核心产业增速与区统计局口径不符，请核实；需更正 1 项：数字经济核心产业制造业增加值增速（D9未导入）；请更正后重新报送；',
    );
    await page.locator('.el-message').waitFor({ state: 'detached' });
    await shot('import-sent-back');
  });

  it('shows an empty state with a way back when no workspace is open', async () => {
    await page.getByTestId('nav-start').click();
    await page.getByRole('button', { name: '关闭工作区' }).click();
    await page.getByTestId('current-workspace').waitFor({ state: 'detached' });
    await page.getByTestId('nav-import').click();
    await page.getByText('还没有打开工作区。请先在“工作区”页打开或新建一个工作区，再来生成和导入填报表。').waitFor();
    await shot('import-no-workspace');
    await page.getByTestId('go-start').click();
    await page.getByTestId('open-sample').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
