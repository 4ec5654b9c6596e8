/** Which slice of a long list of equal-sized items is on screen, with a margin rendered beyond it. */
export interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

export function visibleSpan(offset: number, viewport: number, itemSize: number, count: number, overscan = 2): Span {
  if (count <= 0 || itemSize <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, offset) / itemSize);
  const last = Math.ceil((Math.max(0, offset) + Math.max(0, viewport)) / itemSize);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/**
 * The scroll offset that brings an item fully into view (unchanged when it already is). `before` is the
 * size of a frozen band covering the start of the viewport (the sticky header or row-name column).
 */
export function scrollToShow(offset: number, viewport: number, itemStart: number, itemSize: number, before: number): number {
  const visibleStart = offset + before;
  const visibleEnd = offset + viewport;
  if (itemStart < visibleStart) return Math.max(0, itemStart - before);
  if (itemStart + itemSize > visibleEnd) return itemStart + itemSize - viewport;
  return offset;
}
