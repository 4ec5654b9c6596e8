import type { GridLayout } from './layout';

/** Pixel sizes of the grid in one orientation; every row has one height and every data column one width. */
export interface GridGeometry {
  rowHeight: number;
  colWidth: number;
  /** The frozen column of row names on the left. */
  rowHeadWidth: number;
  /** The frozen band of column names on top. */
  headHeight: number;
}

export const NORMAL_GEOMETRY: GridGeometry = { rowHeight: 30, colWidth: 104, rowHeadWidth: 340, headHeight: 34 };
export const TRANSPOSED_GEOMETRY: GridGeometry = { rowHeight: 30, colWidth: 136, rowHeadWidth: 132, headHeight: 66 };

export function geometryFor(layout: GridLayout): GridGeometry {
  return layout.transposed ? TRANSPOSED_GEOMETRY : NORMAL_GEOMETRY;
}

/** Canvas coordinates (scroll content) of a data cell. */
export function cellBox(
  layout: GridLayout,
  g: GridGeometry,
  row: number,
  col: number,
): { x: number; y: number; w: number; h: number } {
  const displayRow = layout.displayRowOf[row] ?? row;
  return {
    x: g.rowHeadWidth + col * g.colWidth,
    y: g.headHeight + displayRow * g.rowHeight,
    w: g.colWidth,
    h: g.rowHeight,
  };
}

/** The data cell under a point of the canvas, or null for headers and category rows. */
export function cellAtPoint(
  layout: GridLayout,
  g: GridGeometry,
  x: number,
  y: number,
): { row: number; col: number } | null {
  if (x < g.rowHeadWidth || y < g.headHeight) return null;
  const col = Math.floor((x - g.rowHeadWidth) / g.colWidth);
  const displayRow = Math.floor((y - g.headHeight) / g.rowHeight);
  const entry = layout.displayRows[displayRow];
  if (!entry || entry.kind !== 'data' || col < 0 || col >= layout.cols) return null;
  return { row: entry.dataRow, col };
}

export function canvasSize(layout: GridLayout, g: GridGeometry): { width: number; height: number } {
  return {
    width: g.rowHeadWidth + layout.cols * g.colWidth,
    height: g.headHeight + layout.displayRows.length * g.rowHeight,
  };
}
