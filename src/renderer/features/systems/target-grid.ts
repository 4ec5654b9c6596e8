import type { Indicator, TargetValue } from '../../../shared/schemas/indicator-system';
import { regionTargetOf, TOTAL_REGION } from '../../../shared/systems/accessors';
import { targetFromText, targetText } from '../../../shared/systems/target-input';

/**
 * A grid of targets being edited: rows are (indicator, year) pairs — one year's indicators in the
 * 分解目标 tab, one indicator's years in the edit dialog — and columns are 全市 and the districts. Typed
 * and pasted texts are kept as typed; what would be stored is derived per cell (numbers as numbers, text
 * verbatim), and only the cells whose stored value changes are sent.
 */
export interface GridRow {
  key: string;
  label: string;
  indicator: Indicator;
  year: string;
}

export interface GridCell {
  row: GridRow;
  region: string;
  value: TargetValue | null;
}

export interface PasteResult {
  /** Cells filled. */
  filled: number;
  /** Chinese notes: a block larger than the grid, header names not recognised. */
  notes: string[];
}

function cellKey(row: GridRow, region: string): string {
  return `${row.key}|${region}`;
}

/** Names compared the way offices write them: no spaces, full-width brackets as half-width. */
function loose(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export class TargetDraft {
  private readonly typed = new Map<string, string>();

  readonly rows: GridRow[];

  constructor(
    rows: readonly GridRow[],
    readonly regions: readonly string[],
  ) {
    this.rows = [...rows];
  }

  /** Adds a row (a year added in the edit dialog), keeping what was typed. */
  addRow(row: GridRow): void {
    if (this.rows.some((r) => r.key === row.key)) return;
    this.rows.push(row);
    this.rows.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** 全市 first, then the districts. */
  get columns(): string[] {
    return [TOTAL_REGION, ...this.regions];
  }

  stored(row: GridRow, region: string): TargetValue | null {
    return regionTargetOf(row.indicator, region, row.year);
  }

  text(row: GridRow, region: string): string {
    return this.typed.get(cellKey(row, region)) ?? targetText(this.stored(row, region));
  }

  value(row: GridRow, region: string): TargetValue | null {
    const typed = this.typed.get(cellKey(row, region));
    return typed === undefined ? this.stored(row, region) : targetFromText(typed, row.indicator.unit);
  }

  set(row: GridRow, region: string, text: string): void {
    this.typed.set(cellKey(row, region), text);
  }

  changed(row: GridRow, region: string): boolean {
    return this.value(row, region) !== this.stored(row, region);
  }

  /** The cells whose stored value would change, in grid order. */
  changes(): GridCell[] {
    const out: GridCell[] = [];
    for (const row of this.rows)
      for (const region of this.columns)
        if (this.changed(row, region)) out.push({ row, region, value: this.value(row, region) });
    return out;
  }

  reset(): void {
    this.typed.clear();
  }

  /**
   * Pastes a block (rows of cell texts, from parseTsv) with its top-left at (rowIndex, column). A first row
   * naming the columns (全市、吴兴…) places each column under its name; a first column naming the
   * indicators places each row on its indicator. Cells beyond the grid are left out and said so.
   */
  paste(block: string[][], rowIndex: number, column: string): PasteResult {
    const notes: string[] = [];
    let body = block;
    const columns = this.columns;
    let targetColumns: (string | null)[];
    const header = block[0] ?? [];
    const headerHits = header.filter((h) => columns.includes(loose(h))).length;
    let rowLabels: string[] | null = null;
    if (headerHits >= 2) {
      body = block.slice(1);
      targetColumns = header.map((h) => (columns.includes(loose(h)) ? loose(h) : null));
      const unknown = header.filter((h, i) => i > 0 && h.trim() && !columns.includes(loose(h)));
      if (unknown.length) notes.push(`表头“${unknown.join('、')}”不是本体系的区县，这些列未粘贴`);
      // A first column that is not a district holds the indicator names.
      if (targetColumns[0] === null) {
        rowLabels = body.map((r) => r[0] ?? '');
        targetColumns[0] = null;
      }
    } else {
      const start = Math.max(0, columns.indexOf(column));
      const first = block[0]?.[0] ?? '';
      const names = new Map(this.rows.map((r) => [loose(r.label), r]));
      if (block.length > 0 && names.has(loose(first)) && block.every((r) => names.has(loose(r[0] ?? '')))) {
        rowLabels = block.map((r) => r[0] ?? '');
        targetColumns = [null, ...columns.slice(start, start + Math.max(0, header.length - 1))];
      } else targetColumns = columns.slice(start, start + header.length);
      if (header.length > targetColumns.length)
        notes.push(`粘贴的内容有 ${header.length} 列，右边超出表格的 ${header.length - targetColumns.length} 列未粘贴`);
    }
    let filled = 0;
    const missingRows: string[] = [];
    body.forEach((cells, i) => {
      let row: GridRow | undefined;
      if (rowLabels) {
        const label = loose(rowLabels[i] ?? '');
        row = this.rows.find((r) => loose(r.label) === label);
        if (!row && label) missingRows.push(rowLabels[i] ?? '');
      } else row = this.rows[rowIndex + i];
      if (!row) return;
      cells.forEach((text, j) => {
        const region = targetColumns[j];
        if (!region) return;
        this.set(row, region, text);
        filled++;
      });
    });
    if (!rowLabels && rowIndex + body.length > this.rows.length)
      notes.push(
        `粘贴的内容有 ${body.length} 行，下面超出表格的 ${rowIndex + body.length - this.rows.length} 行未粘贴`,
      );
    if (missingRows.length)
      notes.push(
        `没有找到指标“${missingRows.slice(0, 3).join('、')}”${missingRows.length > 3 ? '等' : ''}，这些行未粘贴`,
      );
    return { filled, notes };
  }
}
