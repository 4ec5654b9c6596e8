import type { FigureValue } from '../../../../shared/schemas/figure';
import type { TargetValue } from '../../../../shared/schemas/indicator-system';
import type { Borders, Cell, Workbook, Worksheet } from '../exceljs';
import { addRangeValidation } from '../exceljs';
import { FORM_SHEET, type FormMetaRow } from './form-meta';
import type { FormRow } from './form-rows';
import { noteValidation, validationKey, valueValidation } from './form-validation';

/** Layout of the visible 填报表 sheet. Row and column positions are recorded in _meta for the importer. */
export const VALUE_COLUMN = 'D';
export const NOTE_COLUMN = 'E';
export const REPORTER_NAME_CELL = 'C4';
export const REPORTER_PHONE_CELL = 'F4';
const HEADER_ROW = 5;
const LAST_COLUMN = 'H';
const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '指标名称', width: 40 },
  { header: '单位', width: 11 },
  { header: '本期数（请填写）', width: 18 },
  { header: '备注', width: 26 },
  { header: '年度目标', width: 22 },
  { header: '上年同期', width: 12 },
  { header: '上期', width: 12 },
] as const;

/**
 * Protection keeps the layout from being changed by accident; it is not security (the meta checksum
 * detects edits that matter). A password is needed for Excel to store a spinCount at all; exceljs's
 * default of 100000 rounds costs about a second per sheet, 1000 is instant.
 */
const PROTECTION_PASSWORD = 'zjb-fill-form';
const PROTECTION_SPIN_COUNT = 1000;

const FONT = '宋体';
const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface FormSheetRow {
  row: FormRow;
  value: FigureValue | undefined;
  note: string | undefined;
  lastYear: FigureValue | undefined;
  previous: FigureValue | undefined;
}

export interface FormSheetInput {
  title: string;
  subtitle: string;
  instructions: string[];
  sections: { heading: string; rows: FormSheetRow[] }[];
  footnote?: string;
}

/**
 * Lines a text takes in a column: no program re-fits row heights of a file it opens, so rows with
 * wrapped text get their height here. A CJK character is about 2 width units at 11 pt (pitfalls.md).
 */
function textLines(text: string, columnWidth: number, fontSize = 11): number {
  const perLine = Math.max(1, (columnWidth - 1) * (11 / fontSize));
  return text.split('\n').reduce((sum, line) => {
    let width = 0;
    for (const ch of line) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1.1;
    return sum + Math.max(1, Math.ceil(width / perLine));
  }, 0);
}

const LINE_HEIGHT_PT = 14.5;

function numberFormat(decimals: number): string {
  return decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
}

/** A reference figure: the number in the indicator's precision, "/" as is, "—" when there is none. */
function putReference(cell: Cell, value: FigureValue | undefined, decimals: number): void {
  if (typeof value === 'number') {
    cell.value = value;
    cell.numFmt = numberFormat(decimals);
  } else {
    cell.value = value === '/' ? '/' : '—';
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  }
}

function putTarget(cell: Cell, row: FormRow): void {
  const t: TargetValue | null = row.target;
  if (t === null) {
    cell.value = '—';
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    return;
  }
  if (typeof t === 'number' && row.targetScope === 'region') {
    cell.value = t;
    cell.numFmt = 'General';
    return;
  }
  // Verbatim text (and a city-wide target, labelled so it is not read as the district's own).
  cell.value = row.targetScope === 'city' ? `全市：${String(t)}` : String(t);
  cell.numFmt = '@';
  cell.alignment = { vertical: 'middle', wrapText: true };
}

function styledText(cell: Cell, text: string, style: Pick<Cell, 'font' | 'alignment'>): void {
  cell.value = text;
  cell.font = style.font;
  cell.alignment = style.alignment;
}

function mergedText(sheet: Worksheet, range: string, text: string, style: Pick<Cell, 'font' | 'alignment'>): void {
  sheet.mergeCells(range);
  styledText(sheet.getCell(range.split(':')[0] ?? 'A1'), text, style);
}

function writeHeader(sheet: Worksheet, input: FormSheetInput): void {
  mergedText(sheet, `A1:${LAST_COLUMN}1`, input.title, {
    font: { name: '黑体', size: 16 },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  sheet.getRow(1).height = 30;
  mergedText(sheet, `A2:${LAST_COLUMN}2`, input.subtitle, {
    font: { name: '楷体_GB2312', size: 12 },
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  });
  sheet.getRow(2).height = 22;
  mergedText(sheet, `A3:${LAST_COLUMN}3`, input.instructions.join('\n'), {
    font: { name: FONT, size: 10 },
    alignment: { vertical: 'top', wrapText: true },
  });
  const width = COLUMNS.reduce((sum, c) => sum + c.width, 0);
  sheet.getRow(3).height = LINE_HEIGHT_PT * textLines(input.instructions.join('\n'), width, 10) * (10 / 11) + 6;

  mergedText(sheet, 'A4:B4', '填报人：', {
    font: { name: FONT, size: 11 },
    alignment: { horizontal: 'right', vertical: 'middle' },
  });
  sheet.mergeCells(`${REPORTER_NAME_CELL}:D4`);
  styledText(sheet.getCell('E4'), '联系电话：', {
    font: { name: FONT, size: 11 },
    alignment: { horizontal: 'right', vertical: 'middle' },
  });
  sheet.mergeCells(`${REPORTER_PHONE_CELL}:G4`);
  for (const ref of [REPORTER_NAME_CELL, REPORTER_PHONE_CELL]) {
    const cell = sheet.getCell(ref);
    cell.fill = INPUT_FILL;
    cell.protection = { locked: false };
    cell.numFmt = '@';
    cell.font = { name: FONT, size: 11 };
    cell.border = { bottom: { style: 'thin' } };
  }
  sheet.getRow(4).height = 22;

  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: '黑体', size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  header.height = LINE_HEIGHT_PT * Math.max(...COLUMNS.map((c) => textLines(c.header, c.width))) + 6;
}

/** Writes the visible sheet; returns the row of every indicator, for the meta sheet. */
export async function writeFormSheet(wb: Workbook, input: FormSheetInput): Promise<FormMetaRow[]> {
  const sheet = wb.addWorksheet(FORM_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
  });
  COLUMNS.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  writeHeader(sheet, input);

  const metaRows: FormMetaRow[] = [];
  let r = HEADER_ROW + 1;
  let seq = 1;
  const runs: { key: string; first: number; last: number; row: FormRow }[] = [];
  for (const section of input.sections) {
    mergedText(sheet, `A${r}:${LAST_COLUMN}${r}`, section.heading, {
      font: { name: '黑体', size: 11 },
      alignment: { vertical: 'middle' },
    });
    sheet.getCell(`A${r}`).border = THIN;
    sheet.getRow(r).height = 20;
    r++;
    for (const item of section.rows) {
      const row = sheet.getRow(r);
      const cells = Array.from({ length: COLUMNS.length }, (_, i) => row.getCell(i + 1));
      cells.forEach((c) => {
        c.font = { name: FONT, size: 11 };
        c.border = THIN;
        c.alignment = { vertical: 'middle' };
      });
      const [seqCell, nameCell, unitCell, valueCell, noteCell, targetCell, lastYearCell, previousCell] = cells;
      if (
        !seqCell ||
        !nameCell ||
        !unitCell ||
        !valueCell ||
        !noteCell ||
        !targetCell ||
        !lastYearCell ||
        !previousCell
      )
        throw new Error('form row cells');
      seqCell.value = seq++;
      seqCell.alignment = { horizontal: 'center', vertical: 'middle' };
      nameCell.value = item.row.name;
      nameCell.alignment = { vertical: 'middle', wrapText: true };
      unitCell.value = item.row.unit || '—';
      unitCell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      valueCell.value = item.value ?? null;
      noteCell.value = item.note ?? null;
      noteCell.numFmt = '@';
      noteCell.alignment = { vertical: 'middle', wrapText: true };
      for (const c of [valueCell, noteCell]) {
        c.fill = INPUT_FILL;
        c.protection = { locked: false };
      }
      putTarget(targetCell, item.row);
      const lines = Math.max(
        textLines(item.row.name, COLUMNS[1].width),
        textLines(item.row.unit, COLUMNS[2].width),
        textLines(item.note ?? '', COLUMNS[4].width),
        textLines(String(targetCell.value ?? ''), COLUMNS[5].width),
      );
      row.height = LINE_HEIGHT_PT * lines + 4;
      putReference(lastYearCell, item.lastYear, item.row.decimals);
      putReference(previousCell, item.previous, item.row.decimals);
      metaRows.push({
        row: r,
        systemId: item.row.systemId,
        indicatorId: item.row.indicatorId,
        period: item.row.period,
        name: item.row.name,
      });

      const key = validationKey(item.row.kind, item.row.unit, item.row.decimals);
      const run = runs[runs.length - 1];
      if (run && run.key === key && run.last === r - 1) run.last = r;
      else runs.push({ key, first: r, last: r, row: item.row });
      r++;
    }
  }
  const range = (col: string, first: number, last: number) =>
    first === last ? `${col}${first}` : `${col}${first}:${col}${last}`;
  for (const run of runs) {
    addRangeValidation(
      sheet,
      range(VALUE_COLUMN, run.first, run.last),
      valueValidation(`${VALUE_COLUMN}${run.first}`, run.row.kind, run.row.unit, run.row.decimals),
    );
    addRangeValidation(sheet, range(NOTE_COLUMN, run.first, run.last), noteValidation());
  }

  if (input.footnote) {
    mergedText(sheet, `A${r}:${LAST_COLUMN}${r}`, input.footnote, {
      font: { name: FONT, size: 10 },
      alignment: { vertical: 'middle', wrapText: true },
    });
    sheet.getRow(r).height = 20;
  }

  await sheet.protect(PROTECTION_PASSWORD, {
    spinCount: PROTECTION_SPIN_COUNT,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return metaRows;
}
