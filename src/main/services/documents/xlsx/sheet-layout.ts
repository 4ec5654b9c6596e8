/**
 * Where everything goes on a ranking sheet, decided before the first cell is written (exceljs needs the
 * print-title rows when the sheet is created, and rows are only ever written top-down).
 */
import { AppError } from '../../../../shared/errors';
import type { CellStatus, TableBlock, TableRow } from '../../../../shared/report/model';
import { placeHeaderCells, type PlacedHeaderCell } from '../../../../shared/report/table-header-grid';
import { cellContent, type CellContent } from './cell-content';
import { printableWidthUnits, type Paper } from './page-setup';
import { SIZES, statusLook } from './sheet-styles';
import { rowHeightPt, textWidthUnits, unbreakableWidthUnits, widthUnitsToPt, wrappedLineCount } from './text-metrics';

export interface LegendItem {
  status: CellStatus;
  label: string;
  /** 1-based columns: the sample cell, and the label's merged range. */
  sampleCol: number;
  labelFrom: number;
  labelTo: number;
}

export type LegendLine = { kind: 'cells'; items: LegendItem[] } | { kind: 'text'; text: string };

export interface SheetLayout {
  columnCount: number;
  /** Excel column widths, one per column. */
  widths: number[];
  titleRow: number;
  titleHeight: number;
  subtitleRow: number;
  /** The 示例数据 / 单位 line, when there is one. */
  metaRow?: number;
  headerFirstRow: number;
  headerLastRow: number;
  headerHeights: number[];
  header: PlacedHeaderCell[];
  bodyFirstRow: number;
  rows: TableRow[];
  /** The printed content of every body cell, row by row (parsed once, used for widths and writing). */
  contents: CellContent[][];
  /** Columns holding at least one marked (▲▼) number: their unmarked numbers keep the same room free. */
  markedColumns: Set<number>;
  legendFirstRow: number;
  legendLines: LegendLine[];
  legendHeights: number[];
  notesFirstRow: number;
  noteHeights: number[];
}

const TITLE_ROW = 1;
const SUBTITLE_ROW = 2;
/** Width of one indent level, which right-aligned figures get (body-styles.ts). */
const RIGHT_INDENT_UNITS = 1.5;

export function planSheet(
  table: TableBlock,
  rows: TableRow[],
  options: { paper: Paper; sample: boolean },
): SheetLayout {
  const columnCount = table.columns.length;
  if (columnCount === 0 || table.header.length === 0) {
    throw new AppError('BAD_INPUT', `表格“${table.title}”没有列或没有表头，无法生成排名表。`);
  }
  rows.forEach((row, r) => {
    if (row.cells.length !== columnCount) {
      throw new AppError(
        'BAD_INPUT',
        `表格“${table.title}”第${r + 1}行（${row.cells[0]?.text ?? row.key}）有${row.cells.length}个单元格，而表格有${columnCount}列，排名表未生成。`,
      );
    }
  });
  const header = placeHeaderCells(table);
  const contents = rows.map((row, r) =>
    row.cells.map((cell, c) => cellContent(cell, () => cellName(table, header, row, r, c))),
  );
  const markedColumns = new Set<number>();
  rows.forEach((row) => row.cells.forEach((cell, c) => statusLook(cell.status)?.mark && markedColumns.add(c)));

  const widths = columnWidths(table, rows, contents, header, markedColumns, printableWidthUnits(options.paper));
  const totalPt = widthUnitsToPt(widths.reduce((a, b) => a + b, 0));

  const metaRow = options.sample || table.unitLine ? SUBTITLE_ROW + 1 : undefined;
  const headerFirstRow = (metaRow ?? SUBTITLE_ROW) + 1;
  const headerLastRow = headerFirstRow + table.header.length - 1;
  const bodyFirstRow = headerLastRow + 1;
  const legendFirstRow = bodyFirstRow + rows.length;
  const legendLines = packLegend(legendItems(table, rows), widths);
  const notesFirstRow = legendFirstRow + legendLines.length;

  return {
    columnCount,
    widths,
    titleRow: TITLE_ROW,
    titleHeight: rowHeightPt(wrappedLineCount(table.title, totalPt, SIZES.title), SIZES.title),
    subtitleRow: SUBTITLE_ROW,
    ...(metaRow === undefined ? {} : { metaRow }),
    headerFirstRow,
    headerLastRow,
    headerHeights: headerHeights(header, table.header.length, widths),
    header: header.map((cell) => ({ ...cell, text: breakBeforeUnit(cell.text, spanWidthPt(cell, widths)) })),
    bodyFirstRow,
    rows,
    contents,
    markedColumns,
    legendFirstRow,
    legendLines,
    legendHeights: legendLines.map((line) => legendHeight(line, widths)),
    notesFirstRow,
    noteHeights: table.notes.map((note) => rowHeightPt(wrappedLineCount(note, totalPt, SIZES.note), SIZES.note)),
  };
}

/** "表格“…”第3行（南浔）“完成率（%）”列" for error messages: the row as printed and the column's header. */
function cellName(table: TableBlock, header: PlacedHeaderCell[], row: TableRow, r: number, c: number): string {
  const rowName = row.cells[0]?.text ?? row.key;
  const columnHeader = header
    .filter((h) => h.col <= c && c < h.col + h.colSpan)
    .map((h) => h.text)
    .join('');
  return `表格“${table.title}”第${r + 1}行（${rowName}）“${columnHeader || `第${c + 1}列`}”列`;
}

/** How a body cell prints, for measuring: the text, plus its ▲/▼ or the room reserved for one. */
function printedText(content: CellContent, text: string, mark: string | undefined, reserve: boolean): string {
  if (content.kind === 'text') return mark ? text + mark : text;
  return mark || reserve ? `${text}▲` : text;
}

/**
 * Column widths: the model's relative widths spread over the printable width, but never narrower than
 * the content (a number too wide for its column prints as "###"). Columns whose share is too small get
 * their minimum and the rest is shared again among the others. A table whose minimums exceed the page is
 * left wide: fit-to-width then scales the print down.
 */
function columnWidths(
  table: TableBlock,
  rows: TableRow[],
  contents: CellContent[][],
  header: PlacedHeaderCell[],
  markedColumns: Set<number>,
  pageUnits: number,
): number[] {
  const minimum = table.columns.map(() => 0);
  rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      const look = statusLook(cell.status);
      const content = contents[r]?.[c];
      if (!content) return;
      const text = printedText(content, cell.text, look?.mark, markedColumns.has(c));
      const indent = (cell.align ?? table.columns[c]?.align) === 'right' ? RIGHT_INDENT_UNITS : 0;
      minimum[c] = Math.max(
        minimum[c] ?? 0,
        textWidthUnits(text, SIZES.body, row.isTotal || look?.bold === true) + indent,
      );
    }),
  );
  for (const cell of header) {
    if (cell.colSpan !== 1) continue;
    const twoChars = textWidthUnits(cell.text.slice(0, 2), SIZES.header);
    const need = Math.max(
      unbreakableWidthUnits(cell.text, SIZES.header),
      Math.min(twoChars, textWidthUnits(cell.text, SIZES.header)),
    );
    minimum[cell.col] = Math.max(minimum[cell.col] ?? 0, need);
  }

  const weights = table.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const widths = [...minimum];
  const atMinimum = new Set<number>();
  for (;;) {
    const free = pageUnits - [...atMinimum].reduce((sum, c) => sum + (minimum[c] ?? 0), 0);
    const weightLeft = weights.reduce((sum, w, c) => (atMinimum.has(c) ? sum : sum + w), 0);
    if (weightLeft === 0 || free <= 0) break;
    let changed = false;
    weights.forEach((w, c) => {
      if (atMinimum.has(c)) return;
      const share = (free * w) / weightLeft;
      if (share < (minimum[c] ?? 0)) {
        atMinimum.add(c);
        changed = true;
      }
      widths[c] = share;
    });
    if (!changed) break;
  }
  return widths.map((w, c) => round2(Math.max(w, minimum[c] ?? 0)));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function spanWidthPt(cell: PlacedHeaderCell, widths: number[]): number {
  return widthUnitsToPt(widths.slice(cell.col, cell.col + cell.colSpan).reduce((a, b) => a + b, 0));
}

/**
 * A header that must wrap breaks before its unit or note in brackets ("累计值" / "（亩）") rather than
 * wherever the line runs out ("规上工业增加值（权重" / "0.2）").
 */
function breakBeforeUnit(text: string, widthPt: number): string {
  const open = text.search(/[（(][^（()）]*[）)]$/);
  if (open <= 0 || text.includes('\n') || wrappedLineCount(text, widthPt, SIZES.header) === 1) return text;
  return `${text.slice(0, open)}\n${text.slice(open)}`;
}

function headerLineCount(text: string, widthPt: number): number {
  return text.split('\n').reduce((sum, part) => sum + wrappedLineCount(part, widthPt, SIZES.header), 0);
}

/** Header rows tall enough for their wrapped text; a cell spanning rows may push its last row down. */
function headerHeights(header: PlacedHeaderCell[], rowCount: number, widths: number[]): number[] {
  const need = (cell: PlacedHeaderCell): number => {
    const widthPt = spanWidthPt(cell, widths);
    return rowHeightPt(headerLineCount(breakBeforeUnit(cell.text, widthPt), widthPt), SIZES.header);
  };
  const heights = Array.from({ length: rowCount }, () => rowHeightPt(1, SIZES.header));
  for (const cell of header.filter((h) => h.rowSpan === 1))
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, need(cell));
  for (const cell of header.filter((h) => h.rowSpan > 1)) {
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((a, b) => a + b, 0);
    const last = cell.row + cell.rowSpan - 1;
    if (need(cell) > have) heights[last] = (heights[last] ?? 0) + need(cell) - have;
  }
  return heights;
}

/** The legend: the model's entries, plus a plain label for any status the cells use but it leaves out. */
function legendItems(table: TableBlock, rows: TableRow[]): { status: CellStatus; label: string }[] {
  const items = table.legend.map((l) => ({ status: l.status, label: l.label }));
  const described = new Set(items.map((i) => i.status));
  for (const row of rows) {
    for (const cell of row.cells) {
      const look = statusLook(cell.status);
      if (cell.status && look?.fill && !described.has(cell.status)) {
        described.add(cell.status);
        items.push({ status: cell.status, label: look.defaultLabel });
      }
    }
  }
  return items;
}

/**
 * Lays legend entries left to right after "图例：" in the first column: a sample cell, then the label
 * over as many columns as it needs; an entry that does not fit starts a new line. A table too narrow for
 * sample cells gets one line of text instead.
 */
function packLegend(items: { status: CellStatus; label: string }[], widths: number[]): LegendLine[] {
  if (items.length === 0) return [];
  const last = widths.length;
  if (last < 3) {
    const text = items.map((i) => `${statusLook(i.status)?.sample ?? ''} ${i.label}`).join('；');
    return [{ kind: 'text', text: `图例：${text}` }];
  }
  const labelSpan = (from: number, need: number): { to: number; fits: boolean } => {
    let to = from;
    let have = widths[from - 1] ?? 0;
    while (have < need && to < last) have += widths[to++] ?? 0;
    return { to, fits: have >= need };
  };
  const lines: LegendLine[] = [];
  let current: LegendItem[] = [];
  let col = 2;
  for (const item of items) {
    const need = textWidthUnits(item.label, SIZES.note);
    let span = col < last ? labelSpan(col + 1, need) : undefined;
    if ((!span || !span.fits) && current.length > 0) {
      lines.push({ kind: 'cells', items: current });
      current = [];
      col = 2;
      span = labelSpan(col + 1, need);
    }
    const to = span?.to ?? last;
    current.push({ status: item.status, label: item.label, sampleCol: col, labelFrom: col + 1, labelTo: to });
    col = to + 1;
  }
  lines.push({ kind: 'cells', items: current });
  return lines;
}

function legendHeight(line: LegendLine, widths: number[]): number {
  if (line.kind === 'text') {
    const widthPt = widthUnitsToPt(widths.reduce((a, b) => a + b, 0));
    return rowHeightPt(wrappedLineCount(line.text, widthPt, SIZES.note), SIZES.note);
  }
  let lines = 1;
  for (const item of line.items) {
    const widthPt = widthUnitsToPt(widths.slice(item.labelFrom - 1, item.labelTo).reduce((a, b) => a + b, 0));
    lines = Math.max(lines, wrappedLineCount(item.label, widthPt, SIZES.note));
  }
  return Math.max(rowHeightPt(lines, SIZES.note), 18);
}
