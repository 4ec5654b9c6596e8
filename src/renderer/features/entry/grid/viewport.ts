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
export function scrollToShow(
  offset: number,
  viewport: number,
  itemStart: number,
  itemSize: number,
  before: number,
): number {
  const visibleStart = offset + before;
  const visibleEnd = offset + viewport;
  if (itemStart < visibleStart) return Math.max(0, itemStart - before);
  if (itemStart + itemSize > visibleEnd) return itemStart + itemSize - viewport;
  return offset;
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end;
}

/**
 * The slice to render, with hysteresis: the previous slice is kept while it still covers what is visible,
 * so most scroll frames change no DOM at all (the compositor just moves pixels); when the view reaches
 * its edge, a new slice with `margin` items on each side is taken.
 */
export function renderSpan(previous: Span | undefined, visible: Span, count: number, margin: number): Span {
  if (previous && previous.start <= visible.start && previous.end >= visible.end && previous.end <= count)
    return previous;
  return { start: Math.max(0, visible.start - margin), end: Math.min(count, visible.end + margin) };
}
