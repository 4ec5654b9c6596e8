import { stripFloatNoise } from '../../../shared/domain/figure-input';
import { AppError } from '../../../shared/errors';
import { gridFromTsv, MAX_PASTE_CHARS } from '../../../shared/table-import/tsv';
import type { CellRange, Grid, GridCell } from '../../../shared/table-import/grid';
import { columnNumber } from '../../../shared/table-import/grid';
import { loadWorkbook, type Cell, type Worksheet } from '../documents/exceljs';
import { readValueCell } from '../import/cell-reader';
import { declaredSheetRows } from './sheet-sizes';
import { guardFile, tooLargeMessage, MAX_FILE_BYTES } from '../import/file-guard';

/** A table handed to the importers: an .xlsx file's bytes (or only its size when too large), or pasted text. */
export type TableSource =
  | { kind: 'file'; name: string; bytes: Buffer }
  | { kind: 'file'; name: string; size: number }
  | { kind: 'text'; text: string };

/** Columns beyond this are not read: no target or figure table is wider than a few dozen columns. */
export const MAX_GRID_COLUMNS = 200;

export interface ReadLimits {
  /** Rows read per sheet; the rest is only counted (a 10,000-row sheet is refused, not converted). */
  maxRows: number;
  /** The sheet the clerk chose: when only it matters and it is oversized, the workbook is not loaded. */
  sheet?: string;
}

/** A sheet known only by its declared size: the readers refuse it by its row count. */
function oversized(name: string, rows: number): Grid {
  return {
    name,
    source: 'xlsx',
    cells: [],
    rowCount: 0,
    colCount: 0,
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
    totalRows: rows,
  };
}

function rangeOf(text: string): CellRange | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(text);
  if (!m) return null;
  const left = columnNumber(m[1] ?? '');
  const right = columnNumber(m[3] ?? '');
  if (left === null || right === null) return null;
  return { top: Number(m[2]), left, bottom: Number(m[4]), right };
}

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '无效日期' : d.toISOString().slice(0, 10);
}

/** One cell as the importers see it; formulas give their saved result, rich text its runs joined. */
function gridCell(cell: Cell): GridCell | undefined {
  const own = cell.isMerged ? cell.master : cell;
  const v = own.value;
  const inner = typeof v === 'object' && v !== null && 'result' in v ? (v as { result: unknown }).result : v;
  if (inner instanceof Date) return { text: isoDate(inner), isDate: true };
  const read = readValueCell(cell);
  switch (read.kind) {
    case 'blank':
      return undefined;
    case 'error':
      return { text: read.raw, error: read.message };
    case 'value': {
      const formula = read.fromFormula ? { fromFormula: true } : {};
      if (typeof read.input === 'number')
        return { text: String(stripFloatNoise(read.input)), number: read.input, ...formula };
      return { text: read.input.trim(), ...formula };
    }
  }
}

function sheetGrid(sheet: Worksheet, limits: ReadLimits): Grid {
  const colCount = Math.min(sheet.columnCount, MAX_GRID_COLUMNS);
  const cells: (GridCell | undefined)[][] = [];
  const hiddenRows: number[] = [];
  let rowCount = 0;
  let totalRows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    totalRows = Math.max(totalRows, n);
    if (n > limits.maxRows) return;
    rowCount = Math.max(rowCount, n);
    if (row.hidden) hiddenRows.push(n);
    const out: (GridCell | undefined)[] = [];
    for (let c = 1; c <= colCount; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      out[c - 1] = gridCell(cell);
    }
    cells[n - 1] = out;
  });
  for (let i = 0; i < rowCount; i++) cells[i] ??= [];
  const hiddenCols: number[] = [];
  for (let c = 1; c <= colCount; c++) if (sheet.getColumn(c).hidden) hiddenCols.push(c);
  const merges = (sheet.model.merges ?? []).map(rangeOf).filter((m): m is CellRange => m !== null && m.top <= rowCount);
  return { name: sheet.name, source: 'xlsx', cells, rowCount, colCount, merges, hiddenRows, hiddenCols, totalRows };
}

/** A guard message reworded for a target or figure table (the guard speaks of returned 填报表). */
function tableFileMessage(message: string): string {
  if (message.includes('Word 文档'))
    return '是 Word 文档，不是 Excel 工作簿。请在 Word 中选中表格、复制，再用“粘贴表格”导入';
  return message
    .replace(/请选择(区县)?发回的填报表(（\.xlsx）)?/, '请选择 Excel 工作簿（.xlsx）')
    .replace(/填报表不会这么大/, '表格不会这么大');
}

/**
 * Reads the visible sheets of an .xlsx file, or pasted text, as grids. Everything the guard refuses
 * (.xls / .et, encrypted, damaged, oversized) is a BAD_INPUT naming the file and what to do.
 */
export async function readGrids(source: TableSource, limits: ReadLimits): Promise<Grid[]> {
  if (source.kind === 'text') {
    if (source.text.length > MAX_PASTE_CHARS)
      throw new AppError(
        'BAD_INPUT',
        `粘贴的内容有 ${source.text.length} 个字符，超过上限，不像是一张表格。请只复制表格部分`,
      );
    if (source.text.trim() === '')
      throw new AppError('BAD_INPUT', '没有粘贴任何内容。请在 Excel、WPS 或 Word 中选中表格复制后再粘贴');
    const grid = gridFromTsv(source.text);
    return [{ ...grid, cells: grid.cells.slice(0, limits.maxRows), rowCount: Math.min(grid.rowCount, limits.maxRows) }];
  }
  const name = source.name;
  const refuse = (why: string) => new AppError('BAD_INPUT', `“${name}”${why}`);
  if (/\.(xls|et|ett|wps)$/i.test(name))
    throw refuse(
      `是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式，程序无法读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入`,
    );
  if (!('bytes' in source))
    throw refuse(tooLargeMessage(source.size).replace('不像是填报表', '不像是一张目标表或数据表'));
  if (source.bytes.length > MAX_FILE_BYTES)
    throw refuse(tooLargeMessage(source.bytes.length).replace('不像是填报表', '不像是一张目标表或数据表'));
  const guard = guardFile(source.bytes);
  if (!guard.ok) throw refuse(tableFileMessage(guard.message));
  // Loading a workbook converts every cell of every sheet (a 10,000-row sheet takes seconds): when the
  // sheets that would be read are all over the limit by their declared size, they are refused unloaded.
  const declared = declaredSheetRows(source.bytes)?.filter((s) => !s.hidden);
  const wanted = declared?.filter((s) => limits.sheet === undefined || s.name === limits.sheet);
  if (wanted && wanted.length > 0 && wanted.every((s) => s.rows > limits.maxRows))
    return (declared ?? []).map((s) => oversized(s.name, s.rows));
  let workbook;
  try {
    workbook = await loadWorkbook(source.bytes);
  } catch {
    throw refuse('已损坏，无法按 Excel 工作簿（.xlsx）读取。请在 Excel 或 WPS 中打开确认后重新保存');
  }
  const grids = workbook.worksheets.filter((s) => s.state === 'visible').map((s) => sheetGrid(s, limits));
  if (grids.length === 0) throw refuse('没有可见的工作表');
  return grids;
}
