import { describe, expect, it } from 'vitest';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { TargetValue } from '../../../src/shared/schemas/indicator-system';
import { evaluateTarget, type TargetContext, type TargetStatus } from '../../../src/shared/domain/target-eval';

const growth: TargetContext = { direction: 'higher', kind: 'growth', unit: '%', decimals: 1 };
const share: TargetContext = { direction: 'higher', kind: 'share', unit: '%', decimals: 1 };
const shareLower: TargetContext = { direction: 'lower', kind: 'share', unit: '%', decimals: 1 };
const count = (u: string): TargetContext => ({ direction: 'higher', kind: 'count', unit: u, decimals: 0 });

type Case = [FigureValue, TargetValue, TargetContext, TargetStatus, number | undefined];

describe('evaluateTarget: comparisons', () => {
  it.each<Case>([
    [7.5, '6%以上', growth, 'met', 1.5],
    [6.0, '6%以上', growth, 'met', 0], // ≥ includes the bound
    [5.9, '6%以上', growth, 'notMet', -0.1],
    [5.96, '6%以上', growth, 'met', -0.04], // printed 6.0: met, as the reader sees it
    [5.94, '6%以上', growth, 'notMet', -0.06], // printed 5.9
    [40, '超过40', { direction: 'higher', kind: 'level' }, 'notMet', 0], // exactly 40 does not exceed 40
    [40.1, '超过40', { direction: 'higher', kind: 'level' }, 'met', 0.1],
    [4.6, '≤4.5', shareLower, 'notMet', 0.1],
    [4.5, '≤4.5', shareLower, 'met', 0],
    [0.011, '低于0.011人/亿元', { direction: 'lower', kind: 'perUnit', unit: '人/亿元', decimals: 4 }, 'notMet', 0],
    [0.0105, '低于0.011人/亿元', { direction: 'lower', kind: 'perUnit', unit: '人/亿元', decimals: 4 }, 'met', -0.0005],
    [6, 6, growth, 'met', 0], // a numeric growth target is a growth rate, compared with the actual growth
    [4.4, 4.5, shareLower, 'met', -0.1], // numeric, lower is better
    [4.6, 4.5, shareLower, 'notMet', 0.1],
    [15001, '突破1.5万家', count('家'), 'met', 1],
    [2, '2个以上', count('个'), 'met', 0],
    [1, '2个以上', count('个'), 'notMet', -1],
  ])('%s against %s → %s (gap %s)', (actual, target, ctx, status, gap) => {
    const r = evaluateTarget(actual, target, ctx);
    expect(r.status).toBe(status);
    if (gap === undefined) expect(r.gap).toBeUndefined();
    else expect(r.gap).toBeCloseTo(gap, 10);
  });

  it('gaps of rates and shares are in percentage points', () => {
    expect(evaluateTarget(7.5, '6%以上', growth).percentagePoints).toBe(true);
    expect(evaluateTarget(7.5, 6, { direction: 'higher', kind: 'level' }).percentagePoints).toBe(false);
  });

  it('explains the verdict in Chinese with the comparator', () => {
    expect(evaluateTarget(7.5, '6%以上', growth).reason).toBe('已达到目标（不低于6%）');
    expect(evaluateTarget(5.9, '6%以上', growth).reason).toBe('未达到目标（不低于6%）');
    expect(evaluateTarget(4, '力争达到4家', count('家')).reason).toBe('已达到力争目标（不低于4家）');
  });
});

describe('evaluateTarget: 左右 is one-sided (exceeding on the better side is met)', () => {
  it.each<Case>([
    [5.6, '增长6%左右', growth, 'met', -0.4], // ≥ 6 − 0.5
    [5.5, '增长6%左右', growth, 'met', -0.5],
    [5.4, '增长6%左右', growth, 'notMet', -0.6],
    [8.0, '增长6%左右', growth, 'met', 2],
    [3.4, '3左右', { direction: 'lower', kind: 'growth', unit: '%', decimals: 1 }, 'met', 0.4], // ≤ 3 + 0.5
    [3.6, '3左右', { direction: 'lower', kind: 'growth', unit: '%', decimals: 1 }, 'notMet', 0.6],
    [95, '100个左右', count('个'), 'met', -5], // ≥ 100 − 5
    [94, '100个左右', count('个'), 'notMet', -6],
    [12.9, '占全国份额13.4‰左右', { direction: 'higher', kind: 'share', unit: '‰', decimals: 1 }, 'met', -0.5],
  ])('%s against %s → %s', (actual, target, ctx, status, gap) => {
    const r = evaluateTarget(actual, target, ctx);
    expect(r.status).toBe(status);
    expect(r.gap).toBeCloseTo(gap ?? Number.NaN, 10);
  });
});

describe('evaluateTarget: declines', () => {
  const lowerGrowth: TargetContext = { direction: 'lower', kind: 'growth', unit: '%', decimals: 1 };
  it.each<Case>([
    [-4.5, '下降4%以上', lowerGrowth, 'met', -0.5],
    [-3.0, '下降4%以上', lowerGrowth, 'notMet', 1],
    [-19.6, '下降20%左右', lowerGrowth, 'met', 0.4], // ≤ −20 + 0.5
    [-19.4, '下降20%左右', lowerGrowth, 'notMet', 0.6],
  ])('%s against %s → %s', (actual, target, ctx, status, gap) => {
    const r = evaluateTarget(actual, target, ctx);
    expect(r.status).toBe(status);
    expect(r.gap).toBeCloseTo(gap ?? Number.NaN, 10);
  });

  it('a decline target on a higher-is-better indicator is left to a person (is the figure a decline or a growth?)', () => {
    // 全社会能耗强度下降 is recorded as a decline rate where higher is better: 4.5 may mean "fell 4.5%".
    const r = evaluateTarget(4.5, '下降4%以上', growth);
    expect(r.status).toBe('pending');
    expect(r.reason).toMatch(/降幅还是增速/);
    expect(r.gap).toBeUndefined();
  });
});

describe('evaluateTarget: relative targets', () => {
  const withRef = (reference: TargetContext['reference']): TargetContext => ({ ...growth, reference });
  it.each<Case>([
    [8.3, '高于GDP增速1个百分点', withRef({ byLabel: { GDP增速: 7.2 } }), 'met', 0.1], // 8.3 ≥ 7.2 + 1
    [8.2, '高于GDP增速1个百分点', withRef({ byLabel: { GDP增速: 7.2 } }), 'met', 0],
    [8.1, '高于GDP增速1个百分点', withRef({ byLabel: { GDP增速: 7.2 } }), 'notMet', -0.1],
    [7.3, '高于全市平均增速', withRef({ city: 7.2 }), 'met', 0.1],
    [7.2, '高于全市平均增速', withRef({ city: 7.2 }), 'notMet', 0], // equal is not higher
    [7.24, '高于全市平均增速', withRef({ city: 7.16 }), 'notMet', 0.04], // both print 7.2
    [6.5, '高于省均', withRef({ province: 6.1 }), 'met', 0.4],
    [5.9, '高于全省平均', withRef({ province: 6.1 }), 'notMet', -0.2],
  ])('%s against %s → %s', (actual, target, ctx, status, gap) => {
    const r = evaluateTarget(actual, target, ctx);
    expect(r.status).toBe(status);
    expect(r.gap).toBeCloseTo(gap ?? Number.NaN, 10);
  });

  it('waits for the reference figure', () => {
    const r = evaluateTarget(8.3, '高于GDP增速1个百分点', growth);
    expect(r).toEqual({ status: 'pending', reason: '尚未录入GDP增速的数值，暂不能判断' });
    expect(evaluateTarget(8.3, '高于全市平均增速', { ...growth, reference: { city: null } }).status).toBe('pending');
  });

  it('120%以上、高于省均 needs both parts', () => {
    const ctx = (province: number | null): TargetContext => ({ ...share, reference: { province } });
    expect(evaluateTarget(125, '120%以上、高于省均', ctx(118)).status).toBe('met');
    expect(evaluateTarget(125, '120%以上、高于省均', ctx(130)).status).toBe('notMet');
    expect(evaluateTarget(115, '120%以上、高于省均', ctx(100)).status).toBe('notMet');
    expect(evaluateTarget(115, '120%以上、高于省均', ctx(null)).status).toBe('notMet'); // fails the first part anyway
    expect(evaluateTarget(125, '120%以上、高于省均', ctx(null)).status).toBe('pending');
  });
});

describe('evaluateTarget: other forms', () => {
  it.each<Case>([
    [12, '每年新增10家', count('家'), 'met', 2],
    [9, '每年新增10家', count('家'), 'notMet', -1],
    [5.3, '[5.1]', growth, 'met', 0.2],
    [1, '1—2家', count('家'), 'met', 0],
    [0, '1—2家', count('家'), 'notMet', -1],
    [38, '进入全国前40位', { direction: 'lower', kind: 'level', unit: '位', decimals: 0 }, 'met', -2],
  ])('%s against %s → %s', (actual, target, ctx, status, gap) => {
    const r = evaluateTarget(actual, target, ctx);
    expect(r.status).toBe(status);
    expect(r.gap).toBeCloseTo(gap ?? Number.NaN, 10);
  });

  it.each<[FigureValue, TargetValue, TargetStatus, RegExp]>([
    [95, '完成省定目标', 'pending', /省下达（省定）/],
    [3, '待省下达任务指标后再分解', 'pending', /省下达（省定）/],
    [6, '与经济增长同步', 'pending', /同步或持平/],
    [99, '保持全省第一', 'pending', /保持全省第一/],
    [5, '/', 'notApplicable', /不适用/],
    ['/', 6, 'notApplicable', /不适用/],
    ['/', '完成省定目标', 'notApplicable', /不适用/],
    [null, 6, 'noData', /尚未报送/],
    [null, '完成省定目标', 'noData', /尚未报送/],
  ])('%s against %s → %s', (actual, target, status, reason) => {
    const r = evaluateTarget(actual, target, share);
    expect(r.status).toBe(status);
    expect(r.reason).toMatch(reason);
    expect(r.gap).toBeUndefined();
  });
});
