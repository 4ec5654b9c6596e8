import type { TableBlock, TableCell, TableRow } from './model';

/** 'official': 全市 first, then the regions in the order the model lists them (行政区划顺序). */
export type RowOrder = 'official' | 'rank';

/**
 * The rows as printed. 全市 rows always come first. With 'rank', the regions follow the first 位次 column:
 * ties keep the official order (the sort is stable) and regions without a rank ("—", "/") go last.
 * A table without a 位次 column keeps the official order.
 */
export function orderTableRows(table: Pick<TableBlock, 'columns' | 'rows'>, order: RowOrder = 'official'): TableRow[] {
  const totals = table.rows.filter((r) => r.isTotal);
  const regions = table.rows.filter((r) => !r.isTotal);
  const rankColumn = table.columns.findIndex((c) => c.role === 'rank');
  if (order === 'official' || rankColumn < 0) return [...totals, ...regions];

  const keyed = regions.map((row, index) => ({ row, index, rank: rankOf(row.cells[rankColumn]) }));
  keyed.sort((a, b) => {
    if (a.rank === null || b.rank === null) {
      if (a.rank === b.rank) return a.index - b.index;
      return a.rank === null ? 1 : -1;
    }
    return a.rank - b.rank || a.index - b.index;
  });
  return [...totals, ...keyed.map((k) => k.row)];
}

/** The rank a cell states: its value, else its text when that is a plain integer; null when unranked. */
function rankOf(cell: TableCell | undefined): number | null {
  if (!cell) return null;
  if (typeof cell.value === 'number' && Number.isFinite(cell.value)) return cell.value;
  const text = cell.text.trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}
