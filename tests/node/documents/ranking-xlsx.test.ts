import type ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { ReportModel } from '../../../src/shared/report/model';
import { COMPOSITE_SHEET_NAME, RANKING_SHEET_NAME, renderRankingXlsx } from '../../../src/main/services/documents/xlsx';
import { rankingModel } from '../../fixtures/ranking-model';
import { cellText, loadWorkbook, sheetTexts, xlsxPart } from '../../support/xlsx';

/** Rows of the fixture's ranking sheet: title, subtitle, 示例数据 line, two header rows, then 全市. */
const HEADER_ROWS = [4, 5];
const FIRST_BODY_ROW = 6;
const REGION_ORDER = ['全市', '吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet ${name} missing`);
  return sheet;
}

/** Row numbers by the region name in column A. */
function rowsByRegion(sheet: ExcelJS.Worksheet): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = FIRST_BODY_ROW; r < FIRST_BODY_ROW + REGION_ORDER.length; r++)
    rows.set(String(sheet.getCell(r, 1).value), r);
  return rows;
}

describe('ranking workbook: layout', () => {
  let buffer: Buffer;
  let sheet: ExcelJS.Worksheet;
  let workbook: ExcelJS.Workbook;
  const model = rankingModel();

  beforeAll(async () => {
    buffer = await renderRankingXlsx(model);
    workbook = await loadWorkbook(buffer);
    sheet = sheetOf(workbook, RANKING_SHEET_NAME);
  });

  it('has the ranking sheet and the 赛马 sheet, in that order', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([RANKING_SHEET_NAME, COMPOSITE_SHEET_NAME]);
  });

  it('opens with a merged title of at least 18 pt in the title font', () => {
    const title = sheet.getCell('A1');
    expect(title.value).toBe('2023年1—9月各区县先进制造业集群主要指标亮晒表');
    expect(sheet.model.merges).toContain('A1:O1');
    expect(title.font?.size).toBeGreaterThanOrEqual(18);
    expect(title.font?.name).toBe('方正小标宋简体');
    expect(title.alignment?.horizontal).toBe('center');
  });

  it('gives the period in a 楷体 subtitle and says 示例数据 above the table', () => {
    expect(sheet.getCell('A2').value).toBe('（截至2023年9月底）');
    expect(sheet.getCell('A2').font?.name).toBe('楷体_GB2312');
    expect(String(sheet.getCell('A3').value)).toContain('示例数据');
  });

  it('merges the two header rows exactly as the model says', () => {
    const merges = sheet.model.merges;
    for (const range of ['A4:A5', 'B4:C4', 'D4:E4', 'F4:G4', 'H4:J4', 'K4:M4', 'N4:O4'])
      expect(merges).toContain(range);
    const headerText = (address: string): string => (cellText(sheet.getCell(address)) ?? '').replace(/\n/g, '');
    expect(headerText('A4')).toBe('地区');
    expect(headerText('H4')).toBe('高耗低效整治企业数');
    expect(['H5', 'I5', 'J5'].map(headerText)).toEqual(['累计值（家）', '完成率（%）', '位次']);
    for (let c = 1; c <= 15; c++) {
      for (const r of HEADER_ROWS) {
        const border = sheet.getCell(r, c).border;
        expect([border?.top?.style, border?.bottom?.style, border?.left?.style, border?.right?.style]).toEqual([
          'thin',
          'thin',
          'thin',
          'thin',
        ]);
      }
    }
    expect(sheet.getCell('B5').alignment?.wrapText).toBe(true);
  });

  it('prints 全市 first and bold, then the regions in official order', () => {
    expect(REGION_ORDER.map((_, i) => sheet.getCell(FIRST_BODY_ROW + i, 1).value)).toEqual(REGION_ORDER);
    expect(sheet.getCell(FIRST_BODY_ROW, 1).font?.bold).toBe(true);
    expect(sheet.getCell(FIRST_BODY_ROW, 2).font?.bold).toBe(true);
    expect(sheet.getCell(FIRST_BODY_ROW + 1, 1).font?.bold ?? false).toBe(false);
  });

  it('writes figures as numbers with the printed precision, and ranks as integers with the tie', () => {
    const rows = rowsByRegion(sheet);
    const at = (region: string, col: string): ExcelJS.Cell => sheet.getCell(`${col}${rows.get(region)}`);
    expect(at('全市', 'B').value).toBe(7.2);
    expect(at('全市', 'B').numFmt).toBe('0.0');
    expect(at('南太湖新区', 'D').value).toBe(-3.4);
    expect(at('全市', 'H').value).toBe(939);
    expect(at('全市', 'H').numFmt).toBe('0');
    expect(at('南浔', 'K').value).toBe(1422);
    expect(at('南浔', 'K').numFmt).toBe('0.0');
    // 制造业投资: 南浔 and 德清 both 8.7 share 3rd place; the next is 5th.
    const investmentRanks = REGION_ORDER.slice(1).map((r) => at(r, 'E').value);
    expect(investmentRanks).toEqual([1, 3, 3, 2, 5, 6]);
    for (const region of REGION_ORDER.slice(1)) {
      expect(Number.isInteger(at(region, 'E').value)).toBe(true);
      expect(at(region, 'E').numFmt).toBe('0');
    }
  });

  it('keeps "—" and "/" as centred text', () => {
    const rows = rowsByRegion(sheet);
    const missing = sheet.getCell(`F${rows.get('安吉')}`);
    const notApplicable = sheet.getCell(`N${rows.get('南太湖新区')}`);
    expect(missing.value).toBe('—');
    expect(notApplicable.value).toBe('/');
    expect(missing.alignment?.horizontal).toBe('center');
    expect(notApplicable.alignment?.horizontal).toBe('center');
  });

  it('fills status cells and marks them for black-and-white printing', () => {
    const rows = rowsByRegion(sheet);
    model.ranking.rows.forEach((row) => {
      const r = rows.get(row.key);
      row.cells.forEach((cell, c) => {
        const target = sheet.getCell(r ?? 0, c + 1);
        const fill = target.fill as ExcelJS.FillPattern | undefined;
        const filled = fill?.type === 'pattern' && fill.pattern === 'solid';
        const shouldFill =
          cell.status === 'ahead' || cell.status === 'behind' || cell.status === 'top' || cell.status === 'bottom';
        expect(filled, `${row.key} column ${c + 1} (${cell.status ?? 'no status'})`).toBe(shouldFill);
        if (cell.status === 'ahead') expect(target.numFmt).toBe('0.0"▲"');
        if (cell.status === 'behind') expect(target.numFmt).toBe('0.0"▼"');
        if (cell.status === 'top') expect(target.font?.bold).toBe(true);
        if (cell.status === 'bottom') expect(target.font?.italic).toBe(true);
      });
    });
  });

  it('explains the fills in a legend row under the table, then prints the notes', () => {
    const legendRow = FIRST_BODY_ROW + REGION_ORDER.length;
    const legend = sheetTexts(sheet).filter((t) => t.address.match(/\d+$/)?.[0] === String(legendRow));
    const texts = legend.map((t) => t.text);
    expect(texts[0]).toBe('图例：');
    for (const label of ['位次第一', '位次末位', '超序时进度', '落后序时进度', '▲', '▼'])
      expect(texts).toContain(label);

    const notes = model.ranking.notes.map((_, i) => cellText(sheet.getCell(legendRow + 1 + i, 1)) ?? '');
    expect(notes).toEqual(model.ranking.notes);
    expect(notes[0]?.startsWith('注：')).toBe(true);
    for (const note of notes) expect(note.endsWith('。')).toBe(true);
    expect(sheet.model.merges).toContain(`A${legendRow + 1}:O${legendRow + 1}`);
  });

  it('prints A4 landscape, one page wide, centred, with the header rows on every page', () => {
    const setup = sheet.pageSetup;
    expect(setup.orientation).toBe('landscape');
    expect(setup.paperSize).toBe(9);
    expect(setup.fitToPage).toBe(true);
    expect(setup.fitToWidth).toBe(1);
    expect(setup.fitToHeight).toBe(0);
    expect(setup.horizontalCentered).toBe(true);
    expect(setup.margins?.left).toBeLessThan(1);
    const workbookXml = xlsxPart(buffer, 'xl/workbook.xml');
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${RANKING_SHEET_NAME}&apos;!$4:$5</definedName>`,
    );
    expect(sheet.headerFooter.oddFooter).toContain('&C第 &P 页 共 &N 页');
    expect(sheet.headerFooter.oddFooter).toContain('示例数据');
  });

  it('freezes the header rows and the region column', () => {
    const view = sheet.views[0] as ExcelJS.WorksheetViewFrozen | undefined;
    expect(view?.state).toBe('frozen');
    expect(view?.ySplit).toBe(5);
    expect(view?.xSplit).toBe(1);
  });

  it('sizes columns from the model and the content, never too narrow for a number', () => {
    const widths = sheet.columns.map((c) => c.width ?? 0);
    expect(widths).toHaveLength(15);
    // 地区 (relative 12) is wider than a figure column (8), which is wider than a rank column (5).
    expect(widths[0]).toBeGreaterThan(widths[1] ?? 0);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? 0);
    // "南太湖新区" is five CJK characters ≈ 10.5 units; "7684.6▲" about 8.
    expect(widths[0]).toBeGreaterThanOrEqual(11);
    expect(widths[11]).toBeGreaterThanOrEqual(8);
  });

  it('stores no text a spreadsheet could take for a formula', () => {
    for (const ws of workbook.worksheets) {
      for (const { address, text } of sheetTexts(ws))
        expect(/^[=+\-@]/.test(text), `${ws.name}!${address}: ${text}`).toBe(false);
    }
  });
});

describe('ranking workbook: the 赛马 sheet', () => {
  it('prints the composite table with its unit line and its scoring rule as a note', async () => {
    const model = rankingModel();
    const sheet = sheetOf(await loadWorkbook(await renderRankingXlsx(model)), COMPOSITE_SHEET_NAME);
    expect(sheet.getCell('A1').value).toBe('2023年1—9月各区县先进制造业集群赛马综合得分表');
    const metaTexts = sheetTexts(sheet)
      .filter((t) => /^[A-Z]+3$/.test(t.address))
      .map((t) => t.text);
    expect(metaTexts).toContain('单位：分');
    const unitCell = sheetTexts(sheet).find((t) => t.text === '单位：分');
    expect(sheet.getCell(unitCell?.address ?? 'A1').alignment?.horizontal).toBe('right');
    expect(sheet.model.merges).toContain('B4:G4');
    const texts = sheetTexts(sheet).map((t) => t.text);
    expect(texts.some((t) => t.startsWith('注：1. 综合得分按各指标位次计分'))).toBe(true);
    const scoreColumn = 8;
    const scores: number[] = [];
    for (let r = 6; r < 12; r++) scores.push(Number(sheet.getCell(r, scoreColumn).value));
    expect(scores).toEqual([3.6, 2.55, 4.8, 4.2, 1.2, 3.05]);
    expect(sheet.getCell(6, scoreColumn).numFmt).toBe('0.00');
    expect(sheet.pageSetup.paperSize).toBe(9);
  });

  it('has no second sheet when the model has no composite', async () => {
    const { composite: _omitted, ...withoutComposite } = rankingModel();
    const workbook = await loadWorkbook(await renderRankingXlsx(withoutComposite));
    expect(workbook.worksheets.map((s) => s.name)).toEqual([RANKING_SHEET_NAME]);
  });
});

describe('ranking workbook: options and hostile input', () => {
  it('prints on A3 when the model asks for it', async () => {
    const model = rankingModel();
    model.style.rankingPaper = 'A3';
    const sheet = sheetOf(await loadWorkbook(await renderRankingXlsx(model)), RANKING_SHEET_NAME);
    expect(sheet.pageSetup.paperSize).toBe(8);
    expect(sheet.pageSetup.orientation).toBe('landscape');
  });

  it('leaves out the 示例数据 line for real data without a unit line, and moves the header up', async () => {
    const model = rankingModel();
    model.sample = false;
    const buffer = await renderRankingXlsx(model);
    const sheet = sheetOf(await loadWorkbook(buffer), RANKING_SHEET_NAME);
    expect(sheet.getCell('A3').value).toBe('地区');
    expect(sheet.model.merges).toContain('A3:A4');
    expect(sheet.getCell('A5').value).toBe('全市');
    expect(xlsxPart(buffer, 'xl/workbook.xml')).toContain(`&apos;${RANKING_SHEET_NAME}&apos;!$3:$4</definedName>`);
    expect((sheet.views[0] as ExcelJS.WorksheetViewFrozen | undefined)?.ySplit).toBe(4);
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    const texts = sheetTexts(sheet).map((t) => t.text);
    expect(texts.some((t) => t.includes('示例数据') && !t.startsWith('注'))).toBe(false);
  });

  it('orders the regions by the first rank column on request, 全市 still first', async () => {
    const sheet = sheetOf(
      await loadWorkbook(await renderRankingXlsx(rankingModel(), { orderBy: 'rank' })),
      RANKING_SHEET_NAME,
    );
    const order = REGION_ORDER.map((_, i) => sheet.getCell(FIRST_BODY_ROW + i, 1).value);
    // 规上工业增加值 ranks: 南太湖新区 1, 德清 2, 长兴 3, 吴兴 4, 南浔 5, 安吉 6.
    expect(order).toEqual(['全市', '南太湖新区', '德清', '长兴', '吴兴', '南浔', '安吉']);
    expect(sheet.getCell(FIRST_BODY_ROW + 1, 3).value).toBe(1);
  });

  it('neutralises text that starts like a formula, in regions and notes', async () => {
    const model = rankingModel();
    const hostileRegion = '=HYPERLINK("http://example.invalid","点我")';
    const row = model.ranking.rows[1];
    if (!row?.cells[0]) throw new Error('fixture changed');
    row.cells[0].text = hostileRegion;
    model.ranking.notes.push('-1+1 这一行不是公式。', '+86 电话。', '@某人 请核对。');
    const buffer = await renderRankingXlsx(model);
    const workbook = await loadWorkbook(buffer);
    const texts = sheetTexts(sheetOf(workbook, RANKING_SHEET_NAME)).map((t) => t.text);
    expect(texts).toContain('＝HYPERLINK("http://example.invalid","点我")');
    expect(texts).toContain('－1+1 这一行不是公式。');
    expect(texts).toContain('＋86 电话。');
    expect(texts).toContain('＠某人 请核对。');
    for (const text of texts) expect(/^[=+\-@]/.test(text)).toBe(false);
    expect(xlsxPart(buffer, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('refuses a printed figure that disagrees with its value, naming the cell', async () => {
    const model = rankingModel();
    const cell = model.ranking.rows[2]?.cells[1];
    if (!cell) throw new Error('fixture changed');
    cell.text = '5.3';
    const error = await renderRankingXlsx(model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    expect((error as AppError).message).toContain('第3行（南浔）“规上工业增加值增速（%）”列');
    expect((error as AppError).message).toContain('“5.3”');
  });

  it('refuses a header whose spans do not cover the columns', async () => {
    const model: ReportModel = rankingModel();
    const first = model.ranking.header[0]?.[1];
    if (!first) throw new Error('fixture changed');
    first.colSpan = 3;
    const error = await renderRankingXlsx(model).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('表格“2023年1—9月各区县先进制造业集群主要指标亮晒表”的表头');
  });

  it('refuses a row with the wrong number of cells', async () => {
    const model = rankingModel();
    model.ranking.rows[3]?.cells.pop();
    const error = await renderRankingXlsx(model).catch((e: unknown) => e);
    expect((error as AppError).message).toContain('第4行（德清）有14个单元格，而表格有15列');
  });
});
