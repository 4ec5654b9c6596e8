import { cellAt, type GridLayout } from './layout';
import type { Rect } from './navigation';
import type { EditInput } from './sheet';

/** The texts of a rectangle of cells, row by row, as the grid shows them. */
export function blockTexts(layout: GridLayout, rect: Rect, text: (row: number, col: number) => string): string[][] {
  const out: string[][] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    const line: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) line.push(cellAt(layout, r, c) ? text(r, c) : '');
    out.push(line);
  }
  return out;
}

export interface PastePlan {
  edits: EditInput[];
  /** The cells written, to select after the paste. */
  target: Rect;
  /** Pasted cells that fell outside the grid and were dropped. */
  clipped: number;
}

/**
 * Where a pasted block goes, as in Excel: from the selection's top-left corner; a single value fills the
 * whole selection; a block that divides the selection evenly is repeated across it. Cells beyond the
 * grid's edge are dropped and counted, so the clerk can be told.
 */
export function planPaste(layout: GridLayout, block: readonly (readonly string[])[], selection: Rect): PastePlan {
  const height = block.length;
  const width = Math.max(0, ...block.map((r) => r.length));
  if (height === 0 || width === 0) return { edits: [], target: selection, clipped: 0 };
  const selH = selection.bottom - selection.top + 1;
  const selW = selection.right - selection.left + 1;
  const tiles = selH % height === 0 && selW % width === 0 && (selH > height || selW > width);
  const outH = tiles ? selH : height;
  const outW = tiles ? selW : width;
  const edits: EditInput[] = [];
  let clipped = 0;
  for (let r = 0; r < outH; r++) {
    for (let c = 0; c < outW; c++) {
      const cell = cellAt(layout, selection.top + r, selection.left + c);
      if (!cell) {
        clipped++;
        continue;
      }
      edits.push({ cell, raw: block[r % height]?.[c % width] ?? '' });
    }
  }
  const target: Rect = {
    top: selection.top,
    left: selection.left,
    bottom: Math.min(selection.top + outH - 1, layout.rows - 1),
    right: Math.min(selection.left + outW - 1, layout.cols - 1),
  };
  return { edits, target, clipped };
}

/** Every cell of a rectangle set to the same text (Delete clears a block). */
export function fillEdits(layout: GridLayout, rect: Rect, raw: string): EditInput[] {
  const out: EditInput[] = [];
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const cell = cellAt(layout, r, c);
      if (cell) out.push({ cell, raw });
    }
  }
  return out;
}
