import { AppError } from '../errors';
import type { HeaderCell, TableBlock } from './model';

/** A header cell at its place in the grid (0-based), as every writer needs it to merge cells. */
export interface PlacedHeaderCell {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * Places the header rows the way HTML reads them: each row lists its cells left to right, skipping the
 * positions still covered by a rowSpan from a row above. The spans must tile the grid exactly
 * (header rows × columns), or the table would print with holes or overlaps — that is refused.
 */
export function placeHeaderCells(table: Pick<TableBlock, 'title' | 'header' | 'columns'>): PlacedHeaderCell[] {
  const rows = table.header.length;
  const cols = table.columns.length;
  const where = `表格“${table.title}”的表头`;
  const covered: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  const placed: PlacedHeaderCell[] = [];

  table.header.forEach((cells: HeaderCell[], row) => {
    let col = 0;
    for (const cell of cells) {
      while (col < cols && covered[row]?.[col]) col++;
      if (!Number.isInteger(cell.colSpan) || !Number.isInteger(cell.rowSpan) || cell.colSpan < 1 || cell.rowSpan < 1) {
        throw badHeader(`${where}第${row + 1}行“${cell.text}”的跨列数或跨行数不是正整数，请检查表头定义。`);
      }
      if (col + cell.colSpan > cols) {
        throw badHeader(`${where}第${row + 1}行“${cell.text}”超出了表格的${cols}列，请检查各单元格的跨列数。`);
      }
      if (row + cell.rowSpan > rows) {
        throw badHeader(`${where}第${row + 1}行“${cell.text}”向下跨越的行数超过了表头的${rows}行。`);
      }
      for (let r = row; r < row + cell.rowSpan; r++) {
        for (let c = col; c < col + cell.colSpan; c++) {
          if (covered[r]?.[c]) {
            throw badHeader(`${where}第${row + 1}行“${cell.text}”与其他表头单元格重叠，请检查跨行、跨列数。`);
          }
          covered[r]![c] = true;
        }
      }
      placed.push({ text: cell.text, row, col, rowSpan: cell.rowSpan, colSpan: cell.colSpan });
      col += cell.colSpan;
    }
  });

  covered.forEach((line, row) => {
    const hole = line.indexOf(false);
    if (hole >= 0) {
      throw badHeader(`${where}第${row + 1}行第${hole + 1}列没有单元格，表头各行须覆盖全部${cols}列。`);
    }
  });
  return placed;
}

function badHeader(message: string): AppError {
  return new AppError('BAD_INPUT', message);
}
