import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { computeIndicator, type FigureLookup } from '../../../src/shared/report/compute';
import { figureKeyFor, previousFigureKey, lastYearFigureKey } from '../../../src/shared/report/figure-keys';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { Indicator, IndicatorSystem } from '../../../src/shared/schemas/indicator-system';

const REGIONS = ['甲', '乙', '丙', '丁'];

function indicator(partial: Partial<Indicator> & Pick<Indicator, 'id' | 'kind'>): Indicator {
  return {
    name: partial.id,
    unit: partial.kind === 'growth' || partial.kind === 'share' ? '%' : '亿元',
    markers: [],
    responsible: [],
    direction: 'higher',
    decimals: 1,
    cityIsSumOfRegions: false,
    frequency: 'monthly',
    ytd: true,
    targets: {},
    regionTargets: {},
    milestones: {},
    regionMilestones: {},
    notes: [],
    source: { file: 'test', lines: [1] },
    ...partial,
  };
}

function system(ind: Indicator): IndicatorSystem {
  return {
    formatVersion: 2,
    id: 'test',
    title: 't',
    document: { title: 'd', seedFile: 'x' },
    city: '湖州',
    years: ['2023'],
    regions: REGIONS,
    categories: [],
    indicators: [ind],
    footnotes: [],
  };
}

/** figures[periodKey][region] = value, for the one indicator under test. */
function lookup(figures: Record<string, Record<string, FigureValue>>): FigureLookup {
  return (key, _s, _i, region) => {
    const v = figures[key]?.[region];
    return v === undefined ? undefined : { v, at: '2023-10-08T00:00:00Z', by: '测试', origin: { kind: 'entry' } };
  };
}

function run(ind: Indicator, period: string, figures: Record<string, Record<string, FigureValue>>) {
  const res = computeIndicator(system(ind), ind, {
    period: parsePeriod(period),
    regions: REGIONS,
    lookup: lookup(figures),
  });
  if (!res) throw new Error('not due');
  return Object.fromEntries(res.rows.map((r) => [r.region, r])) as Record<string, (typeof res.rows)[number]> & {
    meta?: never;
  };
}

describe('figure keys per frequency', () => {
  it.each([
    ['monthly', '2023-09', '2023-09', '2023-08', '2022-09'],
    ['monthly', '2023-01', '2023-01', '2022-12', '2022-01'],
    ['monthly', '2023Q3', '2023-09', '2023-08', '2022-09'],
    ['quarterly', '2023-09', '2023Q3', '2023Q2', '2022Q3'],
    ['quarterly', '2023Q1', '2023Q1', '2022Q4', '2022Q1'],
    ['quarterly', '2023-08', null, null, null],
    ['annual', '2023', '2023', '2022', '2022'],
    ['annual', '2023-12', null, null, null],
  ] as const)('%s indicator in %s → %s (previous %s, last year %s)', (frequency, period, key, prev, last) => {
    const p = parsePeriod(period);
    expect(figureKeyFor(frequency, p)).toBe(key);
    expect(previousFigureKey(frequency, p)).toBe(prev);
    expect(lastYearFigureKey(frequency, p)).toBe(last);
  });
});

describe('computing one indicator for the districts', () => {
  it('ranks growth rates with ties at the published precision, skips missing and "/", never ranks 全市', () => {
    const ind = indicator({ id: 'g', kind: 'growth', targets: { '2023': 7 } });
    // 乙 7.24 and 丙 7.15 both print 7.2: a tie that appears only after rounding.
    const rows = run(ind, '2023-09', {
      '2023-09': { 全市: 7.5, 甲: 8.04, 乙: 7.24, 丙: 7.15, 丁: '/' },
      '2022-09': { 全市: 6.9 },
    });
    expect([rows['甲']?.rank, rows['乙']?.rank, rows['丙']?.rank, rows['丁']?.rank, rows['全市']?.rank]).toEqual([
      1,
      2,
      2,
      null,
      null,
    ]);
    expect(rows['乙']?.tied).toBe(true);
    expect(rows['全市']?.yoy).toEqual({ ok: true, mode: 'pp', value: expect.closeTo(0.6, 10) });
    expect(rows['全市']?.completion).toBeNull();
    expect(rows['全市']?.targetEval?.status).toBe('met');
    expect(rows['乙']?.flags.map((f) => f.id)).toContain('belowCity');
  });

  it('computes completion and time progress for a YTD total, ranks by completion and gives the rank change', () => {
    const ind = indicator({
      id: 'lvl',
      kind: 'count',
      unit: '家',
      decimals: 0,
      frequency: 'quarterly',
      targets: { '2023': 350 },
      regionTargets: { '2023': { 甲: 100, 乙: 200, 丙: 50, 丁: '/' } },
    });
    const rows = run(ind, '2023-09', {
      '2023Q3': { 全市: 270, 甲: 80, 乙: 140, 丙: 50 },
      '2023Q2': { 甲: 40, 乙: 130, 丙: 20 },
      '2022Q3': { 全市: 250, 甲: 64 },
    });
    // 甲 80/100 = 80.0%, 乙 70.0%, 丙 100.0%; time progress 75%.
    expect(rows['甲']?.completion).toEqual({ ok: true, rate: 80 });
    expect(rows['乙']?.aheadPp).toBeCloseTo(-5, 10);
    expect([rows['丙']?.rank, rows['甲']?.rank, rows['乙']?.rank, rows['丁']?.rank]).toEqual([1, 2, 3, null]);
    // In Q2: 乙 65%, 甲 40%, 丙 40% → 乙 1st, 甲 and 丙 tied 2nd. 丙 moves up one, 乙 down two.
    expect([rows['乙']?.previousRank, rows['丙']?.rankChange, rows['乙']?.rankChange]).toEqual([1, 1, -2]);
    expect(rows['甲']?.yoy).toEqual({ ok: true, mode: 'percent', value: 25 });
    expect(rows['乙']?.flags.map((f) => f.id)).toEqual(['behindProgress', 'belowCity']);
    expect(rows['全市']?.completion?.ok && rows['全市'].completion.rate).toBeCloseTo(77.142857, 5);
    expect(rows['丁']?.completion).toEqual({ ok: false, reason: '该指标对本地区不适用，不计算完成率' });
  });

  it('ranks lower-is-better indicators ascending', () => {
    const ind = indicator({
      id: 'pm',
      kind: 'perUnit',
      unit: '微克/立方米',
      direction: 'lower',
      frequency: 'annual',
      ytd: false,
    });
    const rows = run(ind, '2023', { '2023': { 全市: 26, 甲: 24, 乙: 30, 丙: 24, 丁: 28 } });
    expect([rows['甲']?.rank, rows['丙']?.rank, rows['丁']?.rank, rows['乙']?.rank]).toEqual([1, 1, 3, 4]);
    expect(rows['乙']?.flags.map((f) => f.label)).toEqual(['高于全市']);
  });

  it('uses quarterly milestones as the time progress of a rate with milestones', () => {
    const ind = indicator({
      id: 'start',
      kind: 'share',
      frequency: 'quarterly',
      ytd: false,
      targets: { '2023': 100 },
      regionTargets: { '2023': { 甲: 100, 乙: 100, 丙: 100, 丁: 100 } },
      milestones: {
        '2023': [
          { period: 'Q1', percent: 30 },
          { period: 'Q2', percent: 65 },
          { period: 'Q3', percent: 85 },
          { period: 'Q4', percent: 100 },
        ],
      },
    });
    const rows = run(ind, '2023Q2', { '2023Q2': { 全市: 62, 甲: 70, 乙: 60 } });
    expect(rows['甲']?.aheadPp).toBeCloseTo(5, 10);
    expect(rows['乙']?.flags.map((f) => f.id)).toContain('behindProgress');
    expect(rows['全市']?.completion).toEqual({ ok: true, rate: 62 });
  });

  it('never gives a completion rate for a growth target, or for a text target that states no amount', () => {
    const growth = indicator({ id: 'g', kind: 'growth', targets: { '2023': '高于GDP增速1个百分点' } });
    const rows = run(growth, '2023-09', { '2023-09': { 全市: 7 } });
    expect(rows['全市']?.completion).toBeNull();
    expect(rows['全市']?.targetEval?.status).toBe('pending');
    const text = indicator({
      id: 't',
      kind: 'count',
      unit: '个',
      decimals: 0,
      frequency: 'annual',
      ytd: false,
      targets: { '2023': '2个以上' },
    });
    const t = run(text, '2023', { '2023': { 全市: 3 } });
    // "2个以上" states its amount: the total is measured against it (3 of 2, 150%) and judged met.
    expect(t['全市']?.completion).toEqual({ ok: true, rate: 150 });
    expect(t['全市']?.targetEval?.status).toBe('met');
    const pending = run({ ...text, targets: { '2023': '完成省定目标' } }, '2023', { '2023': { 全市: 3 } });
    expect(pending['全市']?.completion).toEqual({ ok: false, reason: '目标为文字，不计算完成率' });
  });

  it('gives 同比 with a zero or negative base as unavailable, never a number', () => {
    const ind = indicator({ id: 'lvl', kind: 'level' });
    const rows = run(ind, '2023-09', { '2023-09': { 全市: 10, 甲: 5 }, '2022-09': { 全市: 0, 甲: -2 } });
    expect(rows['全市']?.yoy.ok).toBe(false);
    expect(rows['甲']?.yoy.ok).toBe(false);
  });
});
