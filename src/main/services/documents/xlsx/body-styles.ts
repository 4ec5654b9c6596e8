import type { CellStatus, TableCell, TableColumn } from '../../../../shared/report/model';
import { numberFormat, type CellContent } from './cell-content';
import type { Style } from '../exceljs';
import { SIZES, statusLook, type StyleBook } from './sheet-styles';

/** Printed as placeholders, centred whatever the column's alignment. */
export const PLACEHOLDER_TEXTS = new Set(['—', '/', '-', '…', '']);

const STATUS_INDEX: Record<CellStatus, number> = {
  ahead: 1,
  behind: 2,
  top: 3,
  bottom: 4,
  missing: 5,
  notApplicable: 6,
};

/**
 * The style of each body cell. A body has thousands of cells but only a few dozen distinct looks, and a
 * string key per cell costs more than everything exceljs does with the cell; so looks are cached per
 * column under a small integer made of what varies within a column (status, 全市 bold, number format,
 * placeholder, the cell's own alignment).
 */
export class BodyStyles {
  private readonly cache = new Map<number, Partial<Style>>();

  constructor(
    private readonly book: StyleBook,
    private readonly columns: readonly TableColumn[],
    private readonly markedColumns: ReadonlySet<number>,
  ) {}

  style(col: number, cell: TableCell, content: CellContent, isTotal: boolean): Partial<Style> {
    const placeholder = content.kind === 'text' && PLACEHOLDER_TEXTS.has(content.text.trim());
    const ownAlign = cell.align === undefined ? 0 : cell.align === 'left' ? 1 : cell.align === 'center' ? 2 : 3;
    let variant = 0;
    if (content.kind === 'number') {
      variant = 1 + Math.min(content.decimals, 15) * 4 + (content.thousands ? 2 : 0) + (content.percentSign ? 1 : 0);
    } else if (placeholder) {
      variant = 100;
    }
    const status = cell.status === undefined ? 0 : STATUS_INDEX[cell.status];
    const key = ((col * 128 + variant) * 8 + status) * 8 + ownAlign * 2 + (isTotal ? 1 : 0);
    let style = this.cache.get(key);
    if (!style) {
      style = this.build(col, cell, content, isTotal, placeholder);
      this.cache.set(key, style);
    }
    return style;
  }

  private build(
    col: number,
    cell: TableCell,
    content: CellContent,
    isTotal: boolean,
    placeholder: boolean,
  ): Partial<Style> {
    const look = statusLook(cell.status);
    const horizontal = placeholder ? 'center' : (cell.align ?? this.columns[col]?.align ?? 'center');
    const common = {
      size: SIZES.body,
      bold: isTotal || look?.bold === true,
      italic: look?.italic === true,
      horizontal,
      // Keeps right-aligned figures a little off the frame line, as typeset tables do.
      ...(horizontal === 'right' ? { indent: 1 } : {}),
      border: true,
      ...(look?.fill ? { fill: look.fill } : {}),
    };
    if (content.kind === 'number') {
      const numFmt = numberFormat(content, look?.mark, this.markedColumns.has(col) ? '▲' : undefined);
      return this.book.style({ ...common, font: 'number', numFmt });
    }
    return this.book.style({ ...common, font: 'body' });
  }
}
