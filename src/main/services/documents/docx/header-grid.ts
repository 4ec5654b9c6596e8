import type { HeaderCell } from '../../../../shared/report/model';

/** One cell to write in a header row: a real cell, or the continuation of a cell merged down from above. */
export interface PlacedHeaderCell {
  text: string;
  /** First grid column the cell covers. */
  column: number;
  colSpan: number;
  vMerge?: 'restart' | 'continue';
}

/**
 * Lays out a multi-row header given with HTML span semantics on the column grid, writing the vertical merges
 * explicitly (restart in the first row, continue below): docx's own rowSpan handling mis-merges several
 * row-spanning cells in one row. Throws a Chinese message when the spans do not fit the columns.
 */
export function placeHeader(
  header: readonly (readonly HeaderCell[])[],
  columnCount: number,
  tableTitle: string,
): PlacedHeaderCell[][] {
  const rows = header.length;
  const taken: (PlacedHeaderCell | null)[][] = Array.from({ length: rows }, () =>
    Array<PlacedHeaderCell | null>(columnCount).fill(null),
  );
  header.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (column < columnCount && taken[r]![column] !== null) column++;
      const colSpan = Math.max(1, Math.floor(cell.colSpan));
      const rowSpan = Math.max(1, Math.floor(cell.rowSpan));
      if (column + colSpan > columnCount) {
        throw new Error(
          `表格“${tableTitle}”的表头第${r + 1}行“${cell.text}”超出了表格的${columnCount}列，请检查表头的合并设置。`,
        );
      }
      if (r + rowSpan > rows) {
        throw new Error(
          `表格“${tableTitle}”的表头“${cell.text}”向下合并${rowSpan}行，但表头只有${rows}行，请检查表头的合并设置。`,
        );
      }
      for (let dr = 0; dr < rowSpan; dr++) {
        const placed: PlacedHeaderCell = {
          text: dr === 0 ? cell.text : '',
          column,
          colSpan,
          ...(rowSpan > 1 ? { vMerge: dr === 0 ? ('restart' as const) : ('continue' as const) } : {}),
        };
        for (let dc = 0; dc < colSpan; dc++) {
          if (taken[r + dr]![column + dc] !== null) {
            throw new Error(`表格“${tableTitle}”的表头“${cell.text}”与其他表头单元格重叠，请检查表头的合并设置。`);
          }
          taken[r + dr]![column + dc] = placed;
        }
      }
      column += colSpan;
    }
  });
  return taken.map((row, r) => {
    const out: PlacedHeaderCell[] = [];
    for (let c = 0; c < columnCount;) {
      const cell = row[c];
      if (!cell) throw new Error(`表格“${tableTitle}”的表头第${r + 1}行第${c + 1}列是空的，请补齐表头。`);
      out.push(cell);
      c += cell.colSpan;
    }
    return out;
  });
}
