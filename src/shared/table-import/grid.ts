/**
 * A sheet as the table importers see it: cell texts by row and column (1-based, as Excel numbers them),
 * merged ranges, hidden rows and columns. Built from an .xlsx worksheet in main or from text pasted from
 * WPS, Word or Excel; the detection steps never see exceljs.
 */

export interface GridCell {
  /** What the cell shows, trimmed: its text, or a number's digits ("5.2%" for a percent-formatted 0.052). */
  text: string;
  /** The stored number when the cell holds one (not for text that merely looks like a number). */
  number?: number;
  /** The value is a formula's saved result. */
  fromFormula?: boolean;
  /** Why the cell cannot be read as a value (a formula without a saved result, an error value). */
  error?: string;
  /** The cell holds a date (its text is "2025-09-30"): fine for a period, wrong for a target or a figure. */
  isDate?: boolean;
}

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** The sheet name, or 粘贴的表格 for pasted text. */
  name: string;
  source: 'xlsx' | 'paste';
  /** cells[row - 1][col - 1]; rows and columns beyond the reading limits are not held. */
  cells: (GridCell | undefined)[][];
  rowCount: number;
  colCount: number;
  merges: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** Rows the sheet has in all (more than rowCount when the reading limit cut it short). */
  totalRows: number;
}

/** Name of pasted text wherever a sheet name would appear. */
export const PASTED_SHEET = '粘贴的表格';

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Column number of letters: A → 1, AA → 27; null for anything else. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/** "工作表“目标体系表”C5" — how every message names a cell. */
export function cellLabel(sheet: string, address: string | undefined): string {
  return address ? `工作表“${sheet}”${address}` : `工作表“${sheet}”`;
}

/** Reading helpers over a grid: merged cells read through their top-left cell. */
export class GridView {
  private readonly masters = new Map<number, CellRange>();
  private readonly hiddenRowSet: Set<number>;
  private readonly hiddenColSet: Set<number>;

  constructor(readonly grid: Grid) {
    for (const m of grid.merges) {
      const bottom = Math.min(m.bottom, grid.rowCount);
      const right = Math.min(m.right, grid.colCount);
      for (let r = m.top; r <= bottom; r++) for (let c = m.left; c <= right; c++) this.masters.set(this.key(r, c), m);
    }
    this.hiddenRowSet = new Set(grid.hiddenRows);
    this.hiddenColSet = new Set(grid.hiddenCols);
  }

  get name(): string {
    return this.grid.name;
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return this.grid.colCount;
  }

  private key(row: number, col: number): number {
    return row * 100_000 + col;
  }

  /** The cell's own content (a merged cell other than the top-left one has none). */
  own(row: number, col: number): GridCell | undefined {
    return this.grid.cells[row - 1]?.[col - 1];
  }

  /** The merged range holding the cell, if any. */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.masters.get(this.key(row, col));
  }

  /** The cell as shown: a merged cell shows its range's top-left content. */
  cell(row: number, col: number): GridCell | undefined {
    const m = this.mergeAt(row, col);
    return m ? this.own(m.top, m.left) : this.own(row, col);
  }

  text(row: number, col: number): string {
    return this.cell(row, col)?.text ?? '';
  }

  /** Whether the cell is part of a merged range but not its top-left cell. */
  isMergedSlave(row: number, col: number): boolean {
    const m = this.mergeAt(row, col);
    return m !== undefined && (m.top !== row || m.left !== col);
  }

  isHiddenRow(row: number): boolean {
    return this.hiddenRowSet.has(row);
  }

  isHiddenCol(col: number): boolean {
    return this.hiddenColSet.has(col);
  }

  /** Whether a row holds nothing at all. */
  isBlankRow(row: number): boolean {
    for (let c = 1; c <= this.colCount; c++) if (this.text(row, c) !== '') return false;
    return true;
  }

  /** The distinct non-empty texts of a row, left to right (a merged range counts once). */
  rowTexts(row: number): { col: number; text: string }[] {
    const out: { col: number; text: string }[] = [];
    for (let c = 1; c <= this.colCount; c++) {
      if (this.isMergedSlave(row, c) && this.mergeAt(row, c)?.top === row) continue;
      const t = this.text(row, c);
      if (t !== '') out.push({ col: c, text: t });
    }
    return out;
  }
}
