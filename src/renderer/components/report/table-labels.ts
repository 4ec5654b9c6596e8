import { placeHeaderCells } from '../../../shared/report/table-header-grid';
import type { TableBlock } from '../../../shared/report/model';

/**
 * What each column is, read down its header ("规上工业增加值增长 · 增速（%）"), so a clicked number can say
 * which figure it is. A header that does not tile the columns gives plain column numbers instead of failing.
 */
export function columnLabels(table: Pick<TableBlock, 'title' | 'header' | 'columns'>): string[] {
  const labels: string[][] = table.columns.map(() => []);
  try {
    for (const cell of placeHeaderCells(table)) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
        const text = cell.text.trim();
        const parts = labels[c];
        if (text && parts && !parts.includes(text)) parts.push(text);
      }
    }
  } catch {
    return table.columns.map((_, i) => `第${i + 1}列`);
  }
  return labels.map((parts, i) => parts.join(' · ') || `第${i + 1}列`);
}

/** Column widths in percent of the table, from the model's relative widths. */
export function columnPercents(table: Pick<TableBlock, 'columns'>): number[] {
  const weights = table.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => (w / sum) * 100);
}
