import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, filterIndicators } from '../../src/renderer/features/systems/indicator-filter';
import type { IndicatorSystem } from '../../src/shared/schemas/indicator-system';
import { indicator } from './grid/fixtures';

const system = {
  categories: [{ id: 'k1', name: '产业' }],
  indicators: [
    indicator('a', { name: '规上工业增加值增长', category: 'k1', targets: { '2026': 7 }, responsible: ['市经信局'] }),
    indicator('b', { name: '工业投资', frequency: 'quarterly', regionTargets: { '2026': { 吴兴: 40 } } }),
    indicator('c', { name: '旧指标', archived: { at: '2026-01-05T00:00:00Z', by: '张三' } }),
    indicator('d', { name: '研发投入', seq: '12' }),
  ],
} as unknown as IndicatorSystem;

const ids = (f: Partial<typeof EMPTY_FILTER>) =>
  filterIndicators(system, { ...EMPTY_FILTER, ...f }, '2026').map((i) => i.id);

describe('indicator list search and filters', () => {
  it('hides archived indicators unless asked for them', () => {
    expect(ids({})).toEqual(['a', 'b', 'd']);
    expect(ids({ archived: true })).toEqual(['c']);
  });

  it('finds words in the name, 序号 and 责任单位, all words required', () => {
    expect(ids({ text: '工业' })).toEqual(['a', 'b']);
    expect(ids({ text: '工业 经信' })).toEqual(['a']);
    expect(ids({ text: '12' })).toEqual(['d']);
  });

  it('filters by category, frequency and whether the year has a target', () => {
    expect(ids({ category: 'k1' })).toEqual(['a']);
    expect(ids({ frequency: 'quarterly' })).toEqual(['b']);
    expect(ids({ target: 'with' })).toEqual(['a']);
    expect(ids({ target: 'without' })).toEqual(['b', 'd']);
    expect(ids({ target: 'districts' })).toEqual(['b']);
  });
});
