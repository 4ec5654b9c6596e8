import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { computeIndicator, type FigureLookup, type IndicatorResult } from '../../../src/shared/report/compute';
import { buildDistrictTables, rankText, TABLE_CHARS_PER_LINE } from '../../../src/shared/report/district-tables';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { Indicator, IndicatorSystem } from '../../../src/shared/schemas/indicator-system';

const REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];

function indicator(i: number, partial: Partial<Indicator> = {}): Indicator {
  return {
    id: `g${i}`,
    name: `指标${i}增长`,
    unit: '%',
    markers: [],
    responsible: [],
    kind: 'growth',
    direction: 'higher',
    decimals: 1,
    cityIsSumOfRegions: false,
    frequency: 'monthly',
    ytd: true,
    targets: { '2023': 7 },
    regionTargets: {},
    milestones: {},
    regionMilestones: {},
    notes: [],
    source: { file: 't', lines: [1] },
    ...partial,
  };
}

function results(indicators: Indicator[], figures: Record<string, Record<string, FigureValue>>): IndicatorResult[] {
  const system: IndicatorSystem = {
    formatVersion: 2,
    id: 's',
    title: 't',
    document: { title: 'd', seedFile: 'x' },
    city: '湖州',
    years: ['2023'],
    regions: REGIONS,
    categories: [],
    indicators,
    footnotes: [],
  };
  const lookup: FigureLookup = (key, _s, _i, region) => {
    const v = figures[key]?.[region];
    return v === undefined ? undefined : { v, at: 'x', by: 'x', origin: { kind: 'entry' } };
  };
  return indicators.map((ind) =>
    computeIndicator(system, ind, { period: parsePeriod('2023-09'), regions: REGIONS, lookup })!,
  );
}

const growth = {
  '2023-09': { 全市: 8, 吴兴: 6.1, 南浔: 8.7, 德清: 7.2, 长兴: 7.2, 安吉: 5.5, 南太湖新区: 12.6 },
  '2023-08': { 全市: 8, 吴兴: 7.1, 南浔: 8.1, 德清: 7.0, 长兴: 7.9, 安吉: 5.5, 南太湖新区: 12.6 },
};

describe('district tables', () => {
  it('deals many indicators into evenly filled tables, every column at least three characters wide', () => {
    const byRegion = Object.fromEntries(REGIONS.map((r) => [r, 8]));
    const inds = Array.from({ length: 7 }, (_, i) => indicator(i + 1, { regionTargets: { '2023': byRegion } }));
    const tables = buildDistrictTables(results(inds, growth), {
      periodText: '2023年1—9月',
      regions: REGIONS,
      notes: [],
    });
    expect(tables.map((t) => t.header[0]!.length - 1)).toEqual([3, 2, 2]);
    expect(tables.map((t) => t.title)).toEqual([
      '表1  2023年1—9月各区县主要指标完成情况（一）',
      '表2  2023年1—9月各区县主要指标完成情况（二）',
      '表3  2023年1—9月各区县主要指标完成情况（三）',
    ]);
    for (const t of tables) {
      expect(t.small).toBe(true);
      expect(t.columns.reduce((a, c) => a + c.width, 0)).toBeLessThanOrEqual(TABLE_CHARS_PER_LINE);
      for (const c of t.columns) expect(c.width).toBeGreaterThanOrEqual(3);
    }
    expect(tables[0]!.notes).toEqual([]);
    expect(tables[2]!.notes[0]).toMatch(
      /^注：位次按增速由高到低排列，相同者并列；↑↓后的数字为位次较上期上升、下降的位数；/,
    );
  });

  it('shows the district target, shades who is below it, and prints rank changes with arrows', () => {
    const byRegion = { 吴兴: 7, 南浔: 7, 德清: 8, 长兴: 8.5, 安吉: 5, 南太湖新区: 12 };
    const [table] = buildDistrictTables(results([indicator(1, { regionTargets: { '2023': byRegion } })], growth), {
      periodText: '2023年1—9月',
      regions: REGIONS,
      notes: [],
    });
    expect(table!.header[1]!.map((h) => h.text)).toEqual(['增速（%）', '目标（%）', '位次']);
    const row = (r: string) => table!.rows.find((x) => x.key === r)!.cells.map((c) => c.text);
    expect(row('长兴')).toEqual(['长兴', '7.2', '8.5', '3']);
    expect(row('德清')).toEqual(['德清', '7.2', '8', '3↑2']);
    expect(row('吴兴')).toEqual(['吴兴', '6.1', '7', '5↓1']);
    expect(row('南太湖新区')).toEqual(['南太湖新区', '12.6', '12', '1']);
    const shaded = table!.rows.filter((r) => r.cells[1]!.status === 'behind').map((r) => r.key);
    expect(shaded).toEqual(['吴兴', '德清', '长兴']);
    expect(table!.legend).toEqual([{ status: 'behind', label: '低于年度分解目标' }]);
  });

  it('gives a milestone rate its node column and shades the districts below it', () => {
    const ind = indicator(1, {
      name: '开工率',
      kind: 'share',
      frequency: 'quarterly',
      ytd: false,
      targets: { '2023': 100 },
      milestones: {
        '2023': [
          { period: 'Q1', percent: 30 },
          { period: 'Q2', percent: 65 },
          { period: 'Q3', percent: 85 },
        ],
      },
    });
    const figures = {
      '2023Q3': { 全市: 86.9, 吴兴: 72.9, 南浔: 95.9, 德清: 77.6, 长兴: 99.9, 安吉: 80.4, 南太湖新区: 88 },
    };
    const [table] = buildDistrictTables(results([ind], figures), {
      periodText: '2023年1—9月',
      regions: REGIONS,
      notes: [],
    });
    expect(table!.header[1]!.map((h) => h.text)).toEqual(['实际（%）', '节点（%）', '位次']);
    expect(table!.rows.find((r) => r.key === '吴兴')!.cells.map((c) => c.text)).toEqual(['吴兴', '72.9', '85', '6']);
    expect(table!.rows.filter((r) => r.cells[1]!.status === 'behind').map((r) => r.key)).toEqual([
      '吴兴',
      '德清',
      '安吉',
    ]);
    expect(table!.legend[0]!.label).toBe('低于节点目标');
  });

  it('puts 当月 beside 累计 for a monthly year-to-date total in a report', () => {
    const byRegion = Object.fromEntries(REGIONS.map((r) => [r, 150]));
    const ind = indicator(1, {
      name: '网络零售额',
      unit: '亿元',
      kind: 'level',
      targets: { '2023': 1000 },
      regionTargets: { '2023': byRegion },
    });
    const figures = { '2023-09': Object.fromEntries(['全市', ...REGIONS].map((r) => [r, 90])) };
    const [table] = buildDistrictTables(results([ind], figures), {
      periodText: '2023年1—9月',
      regions: REGIONS,
      notes: [],
      monthly: (_res, region) => (region === '安吉' ? null : 10),
    });
    expect(table!.header[1]!.map((h) => h.text)).toEqual(['当月（亿元）', '累计（亿元）', '完成率（%）', '位次']);
    expect(table!.rows.find((r) => r.key === '安吉')!.cells[1]!.text).toBe('—');
  });

  it('writes 位次 with its change, or a dash when not ranked', () => {
    const base = { rank: 3, rankChange: 2 } as IndicatorResult['rows'][number];
    expect(rankText(base)).toBe('3↑2');
    expect(rankText({ ...base, rankChange: -1 })).toBe('3↓1');
    expect(rankText({ ...base, rankChange: 0 })).toBe('3');
    expect(rankText({ ...base, rank: null })).toBe('—');
  });
});
