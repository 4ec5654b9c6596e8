import { describe, expect, it } from 'vitest';
import { buildLayout, cellAt, positionOf, regionColumns } from '../../../src/renderer/features/entry/grid/layout';
import { UNCATEGORISED } from '../../../src/renderer/shared/group-indicators';
import { cellAtPoint, cellBox, NORMAL_GEOMETRY } from '../../../src/renderer/features/entry/grid/geometry';
import { renderSpan, scrollToShow, visibleSpan } from '../../../src/renderer/features/entry/grid/viewport';
import { indicator } from './fixtures';

const system = {
  categories: [
    { id: 'a', name: '产业' },
    { id: 'b', name: '创新' },
  ],
};
const inds = [
  indicator('x1', { category: 'b' }),
  indicator('x2', { category: 'a' }),
  indicator('x3'),
  indicator('x4', { category: 'a' }),
];

describe('grid layout', () => {
  it('groups indicators by category in the order of the categories, the rest last', () => {
    const l = buildLayout({
      system,
      indicators: inds,
      regions: regionColumns(['吴兴', '南浔'], true),
      transposed: false,
    });
    expect(l.displayRows.map((r) => (r.kind === 'group' ? r.label : `#${r.dataRow}`))).toEqual([
      '产业',
      '#0',
      '#1',
      '创新',
      '#2',
      UNCATEGORISED,
      '#3',
    ]);
    expect(l.indicators.map((i) => i.id)).toEqual(['x2', 'x4', 'x1', 'x3']);
    expect(l.regions.map((r) => r.region)).toEqual(['全市', '吴兴', '南浔', '全省']);
    expect(cellAt(l, 2, 3)).toEqual({ indicatorId: 'x1', region: '全省' });
    expect(positionOf(l, { indicatorId: 'x3', region: '吴兴' })).toEqual({ row: 3, col: 1 });
  });

  it('swaps rows and columns when transposed', () => {
    const l = buildLayout({ system, indicators: inds, regions: regionColumns(['吴兴'], false), transposed: true });
    expect([l.rows, l.cols]).toEqual([2, 4]);
    expect(cellAt(l, 1, 0)).toEqual({ indicatorId: 'x2', region: '吴兴' });
    expect(l.displayRows.every((r) => r.kind === 'data')).toBe(true);
  });

  it('maps pixels to cells past the category rows and the frozen heads', () => {
    const l = buildLayout({ system, indicators: inds, regions: regionColumns(['吴兴'], false), transposed: false });
    const g = NORMAL_GEOMETRY;
    expect(cellBox(l, g, 2, 1)).toEqual({
      x: g.rowHeadWidth + g.colWidth,
      y: g.headHeight + 4 * g.rowHeight,
      w: g.colWidth,
      h: g.rowHeight,
    });
    expect(cellAtPoint(l, g, g.rowHeadWidth + 5, g.headHeight + 4 * g.rowHeight + 5)).toEqual({ row: 2, col: 0 });
    expect(cellAtPoint(l, g, g.rowHeadWidth + 5, g.headHeight + 5)).toBeNull(); // a category row
    expect(cellAtPoint(l, g, 10, 200)).toBeNull(); // the row heads
  });
});

describe('viewport windowing', () => {
  it('finds the visible slice and keeps the rendered one while it still covers the view', () => {
    expect(visibleSpan(95, 300, 30, 300, 0)).toEqual({ start: 3, end: 14 });
    const first = renderSpan(undefined, { start: 3, end: 14 }, 300, 10);
    expect(first).toEqual({ start: 0, end: 24 });
    expect(renderSpan(first, { start: 8, end: 19 }, 300, 10)).toBe(first);
    expect(renderSpan(first, { start: 14, end: 25 }, 300, 10)).toEqual({ start: 4, end: 35 });
  });

  it('scrolls just enough to show a cell below a frozen band', () => {
    expect(scrollToShow(0, 600, 100, 30, 34)).toBe(0);
    expect(scrollToShow(0, 600, 700, 30, 34)).toBe(130);
    expect(scrollToShow(500, 600, 510, 30, 34)).toBe(476);
  });
});
