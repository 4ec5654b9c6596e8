import type { FigureValue } from '../../../../shared/schemas/figure';
import type { TargetValue } from '../../../../shared/schemas/indicator-system';
import type { Borders, Cell, Workbook, Worksheet } from '../exceljs';
import { addRangeValidation } from '../exceljs';
import { FORM_SHEET, type FormMetaRow } from './form-meta';
import type { FormRow } from './form-rows';
import { noteValidation, validationKey, valueValidation } from './form-validation';

/**
 * Layout of the visible 填报表 sheet, column by name. Row and column positions are recorded in _meta for the
 * importer, which reads the value and note columns.
 */
const COLUMNS = {
  seq: { letter: 'A', header: '序号', width: 6 },
  name: { letter: 'B', header: '指标名称', width: 40 },
  unit: { letter: 'C', header: '单位', width: 11 },
  value: { letter: 'D', header: '本期数（请填写）', width: 18 },
  note: { letter: 'E', header: '备注', width: 26 },
  target: { letter: 'F', header: '年度目标', width: 22 },
  lastYear: { letter: 'G', header: '上年同期', width: 12 },
  previous: { letter: 'H', header: '上期', width: 12 },
} as const;
type ColumnName = keyof typeof COLUMNS;
/** Left to right, as the letters say. */
const COLUMN_ORDER = Object.keys(COLUMNS) as ColumnName[];

export const VALUE_COLUMN = COLUMNS.value.letter;
export const NOTE_COLUMN = COLUMNS.note.letter;
export const REPORTER_NAME_CELL = 'C4';
export const REPORTER_PHONE_CELL = 'F4';
const HEADER_ROW = 5;
const FIRST_COLUMN = COLUMNS.seq.letter;
const LAST_COLUMN = COLUMNS.previous.letter;

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

/** Title, subtitle and the instructions, each across the whole width. */
function writeTitle(sheet: Worksheet, input: FormSheetInput): void {
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
  const instructions = input.instructions.join('\n');
  mergedText(sheet, `A3:${LAST_COLUMN}3`, instructions, {
    font: { name: FONT, size: 10 },
    alignment: { vertical: 'top', wrapText: true },
  });
  const width = COLUMN_ORDER.reduce((sum, name) => sum + COLUMNS[name].width, 0);
  sheet.getRow(3).height = LINE_HEIGHT_PT * textLines(instructions, width, 10) * (10 / 11) + 6;
}

/** 填报人 and 联系电话: the two cells of row 4 the district clerk fills in. */
function writeReporterLine(sheet: Worksheet): void {
  const label = { font: { name: FONT, size: 11 }, alignment: { horizontal: 'right', vertical: 'middle' } } as const;
  mergedText(sheet, 'A4:B4', '填报人：', label);
  sheet.mergeCells(`${REPORTER_NAME_CELL}:D4`);
  styledText(sheet.getCell('E4'), '联系电话：', label);
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
}

/** The column headings, repeated on every printed page. */
function writeColumnHeaders(sheet: Worksheet): void {
  const header = sheet.getRow(HEADER_ROW);
  for (const name of COLUMN_ORDER) {
    const cell = header.getCell(COLUMNS[name].letter);
    cell.value = COLUMNS[name].header;
    cell.font = { name: '黑体', size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  }
  const lines = COLUMN_ORDER.map((name) => textLines(COLUMNS[name].header, COLUMNS[name].width));
  header.height = LINE_HEIGHT_PT * Math.max(...lines) + 6;
}

function addFormWorksheet(wb: Workbook): Worksheet {
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
  for (const name of COLUMN_ORDER) sheet.getColumn(COLUMNS[name].letter).width = COLUMNS[name].width;
  return sheet;
}

function writeSectionHeading(sheet: Worksheet, r: number, heading: string): void {
  mergedText(sheet, `${FIRST_COLUMN}${r}:${LAST_COLUMN}${r}`, heading, {
    font: { name: '黑体', size: 11 },
    alignment: { vertical: 'middle' },
  });
  sheet.getCell(`${FIRST_COLUMN}${r}`).border = THIN;
  sheet.getRow(r).height = 20;
}

/** One indicator's row: fixed texts, the two input cells (value, note) and the reference figures. */
function writeIndicatorRow(sheet: Worksheet, r: number, seq: number, item: FormSheetRow): void {
  const row = sheet.getRow(r);
  const cell = (name: ColumnName) => row.getCell(COLUMNS[name].letter);
  for (const name of COLUMN_ORDER) {
    const c = cell(name);
    c.font = { name: FONT, size: 11 };
    c.border = THIN;
    c.alignment = { vertical: 'middle' };
  }
  cell('seq').value = seq;
  cell('seq').alignment = { horizontal: 'center', vertical: 'middle' };
  cell('name').value = item.row.name;
  cell('name').alignment = { vertical: 'middle', wrapText: true };
  cell('unit').value = item.row.unit || '—';
  cell('unit').alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  cell('value').value = item.value ?? null;
  cell('note').value = item.note ?? null;
  cell('note').numFmt = '@';
  cell('note').alignment = { vertical: 'middle', wrapText: true };
  for (const input of [cell('value'), cell('note')]) {
    input.fill = INPUT_FILL;
    input.protection = { locked: false };
  }
  putTarget(cell('target'), item.row);
  putReference(cell('lastYear'), item.lastYear, item.row.decimals);
  putReference(cell('previous'), item.previous, item.row.decimals);
  const lines = Math.max(
    textLines(item.row.name, COLUMNS.name.width),
    textLines(item.row.unit, COLUMNS.unit.width),
    textLines(item.note ?? '', COLUMNS.note.width),
    textLines(String(cell('target').value ?? ''), COLUMNS.target.width),
  );
  row.height = LINE_HEIGHT_PT * lines + 4;
}

/** Consecutive rows that take the same kind of figure, so one validation rule covers each run. */
interface ValidationRun {
  key: string;
  first: number;
  last: number;
  row: FormRow;
}

function extendRuns(runs: ValidationRun[], r: number, row: FormRow): void {
  const key = validationKey(row.kind, row.unit, row.decimals);
  const run = runs[runs.length - 1];
  if (run && run.key === key && run.last === r - 1) run.last = r;
  else runs.push({ key, first: r, last: r, row });
}

function addValidations(sheet: Worksheet, runs: readonly ValidationRun[]): void {
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
}

function writeFootnote(sheet: Worksheet, r: number, text: string): void {
  mergedText(sheet, `${FIRST_COLUMN}${r}:${LAST_COLUMN}${r}`, text, {
    font: { name: FONT, size: 10 },
    alignment: { vertical: 'middle', wrapText: true },
  });
  sheet.getRow(r).height = 20;
}

/** Writes the visible sheet; returns the row of every indicator, for the meta sheet. */
export async function writeFormSheet(wb: Workbook, input: FormSheetInput): Promise<FormMetaRow[]> {
  const sheet = addFormWorksheet(wb);
  writeTitle(sheet, input);
  writeReporterLine(sheet);
  writeColumnHeaders(sheet);

  const metaRows: FormMetaRow[] = [];
  const runs: ValidationRun[] = [];
  let r = HEADER_ROW + 1;
  for (const section of input.sections) {
    writeSectionHeading(sheet, r++, section.heading);
    for (const item of section.rows) {
      writeIndicatorRow(sheet, r, metaRows.length + 1, item);
      const { systemId, indicatorId, period, name } = item.row;
      metaRows.push({ row: r, systemId, indicatorId, period, name });
      extendRuns(runs, r, item.row);
      r++;
    }
  }
  addValidations(sheet, runs);
  if (input.footnote) writeFootnote(sheet, r, input.footnote);

  await sheet.protect(PROTECTION_PASSWORD, {
    spinCount: PROTECTION_SPIN_COUNT,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return metaRows;
}
