import { describe, expect, it } from 'vitest';
import { compositeScores, type CompositeIndicator, type CompositeInput } from '../../../src/shared/domain/composite';

const ind = (
  over: Partial<CompositeIndicator> & Pick<CompositeIndicator, 'indicatorId' | 'name'>,
): CompositeIndicator => ({
  weight: 1,
  direction: 'higher',
  decimals: 1,
  basis: 'value',
  ...over,
});

describe('compositeScores: rank points', () => {
  const input: CompositeInput = {
    rule: 'rankPoints',
    regions: ['甲', '乙', '丙', '丁'],
    indicators: [
      ind({ indicatorId: 'gyzj', name: '规上工业增加值', weight: 0.6, basis: 'growth' }),
      ind({ indicatorId: 'nh', name: '单位能耗', weight: 0.4, direction: 'lower', decimals: 0 }),
    ],
    values: {
      // 3 ranked: 甲 1st → 3 points, 乙 and 丙 tied 2nd → 2 points each, 丁 missing → 0
      gyzj: { 甲: 10, 乙: 9, 丙: 9, 丁: null },
      // 4 ranked, lower is better: 乙 and 丁 tied 1st → 4, 丙 3rd → 2, 甲 4th → 1
      nh: { 甲: 5, 乙: 3, 丙: 4, 丁: 3 },
    },
  };
  const result = compositeScores(input);

  it.each([
    // 甲 0.6×3 + 0.4×1 = 2.2; 乙 0.6×2 + 0.4×4 = 2.8; 丙 0.6×2 + 0.4×2 = 2.0; 丁 0 + 0.4×4 = 1.6
    ['甲', 2.2, 2],
    ['乙', 2.8, 1],
    ['丙', 2.0, 3],
    ['丁', 1.6, 4],
  ])('%s scores %s and ranks %i', (region, score, rank) => {
    const row = result.rows.find((r) => r.region === region);
    expect(row?.score).toBeCloseTo(score, 10);
    expect(row?.scoreRounded).toBe(score);
    expect(row?.rank).toBe(rank);
    expect(row?.tied).toBe(false);
  });

  it('keeps per-indicator ranks and points', () => {
    const ding = result.rows.find((r) => r.region === '丁');
    expect(ding?.perIndicator).toEqual([
      { indicatorId: 'gyzj', rank: null, points: 0 },
      { indicatorId: 'nh', rank: 1, points: 4 },
    ]);
  });

  it('states the rule with the parameters (ranked counts differ: 3 and 4)', () => {
    expect(result.ruleText).toBe(
      '综合得分按各指标位次计分：某指标参与排名的区县数为n，则第1位得n分，每后移一位少得1分，并列者得分相同，未报送或不适用的不得分；' +
        '指标数值先按发布精度舍入再比较；各指标得分乘以权重后相加（规上工业增加值按增速，权重0.6；单位能耗按数值（越低越好），权重0.4），' +
        '综合得分保留两位小数，得分相同者并列。',
    );
  });

  it('names n when every indicator ranks the same districts, and ties equal scores', () => {
    const r = compositeScores({
      rule: 'rankPoints',
      regions: ['甲', '乙', '丙'],
      indicators: [ind({ indicatorId: 'a', name: 'A', basis: 'completion' }), ind({ indicatorId: 'b', name: 'B' })],
      // A: 甲 3, 乙 2, 丙 1; B: 甲 1, 乙 2, 丙 3 → 甲 4, 乙 4, 丙 4: all tied 1st
      values: { a: { 甲: 90, 乙: 80, 丙: 70 }, b: { 甲: 1, 乙: 2, 丙: 3 } },
    });
    expect(r.rows.map((x) => [x.score, x.rank, x.tied])).toEqual([
      [4, 1, true],
      [4, 1, true],
      [4, 1, true],
    ]);
    expect(r.ruleText).toContain('参与排名的3个区县中第1位得3分，每后移一位少得1分');
    expect(r.ruleText).toContain('A按完成率，权重1');
  });
});

describe('compositeScores: normalised values', () => {
  it('scores min–max 0–100, direction-aware, missing and "/" score 0', () => {
    const r = compositeScores({
      rule: 'normalized',
      regions: ['甲', '乙', '丙', '丁'],
      indicators: [ind({ indicatorId: 'x', name: 'X' }), ind({ indicatorId: 'y', name: 'Y', direction: 'lower' })],
      values: {
        // X: min 6, max 10 → 甲 100, 乙 50, 丙 0, 丁 '/' 0
        x: { 甲: 10, 乙: 8, 丙: 6, 丁: '/' },
        // Y lower is better: min 2, max 4 → 甲 100, 乙 0, 丙 100, 丁 (4 − 3)/2 = 50
        y: { 甲: 2, 乙: 4, 丙: 2, 丁: 3 },
      },
    });
    // 甲 200, 乙 50, 丙 100, 丁 50 → 甲 1, 丙 2, 乙 and 丁 tied 3rd
    expect(r.rows.map((x) => [x.region, x.score, x.rank, x.tied])).toEqual([
      ['甲', 200, 1, false],
      ['乙', 50, 3, true],
      ['丙', 100, 2, false],
      ['丁', 50, 3, true],
    ]);
    expect(r.ruleText).toContain('最优值得100分、最差值得0分');
    expect(r.ruleText).toContain('未报送或不适用的不得分，权重不重新分配');
  });

  it('rounds the score to 2 decimals and ranks on the rounded score', () => {
    const r = compositeScores({
      rule: 'normalized',
      regions: ['甲', '乙', '丙', '丁'],
      indicators: [ind({ indicatorId: 'x', name: 'X', decimals: 0 })],
      // min 0, max 3: 乙 = 1/3 × 100 = 33.333… → 33.33; 丙 equal to 乙 → tied
      values: { x: { 甲: 0, 乙: 1, 丙: 1, 丁: 3 } },
    });
    const yi = r.rows[1];
    expect(yi?.score).toBeCloseTo(100 / 3, 10);
    expect(yi?.scoreRounded).toBe(33.33);
    expect(r.rows.map((x) => x.rank)).toEqual([4, 2, 2, 1]);
  });

  it('gives 100 to everyone when all ranked values are equal', () => {
    const r = compositeScores({
      rule: 'normalized',
      regions: ['甲', '乙', '丙'],
      indicators: [ind({ indicatorId: 'x', name: 'X' })],
      values: { x: { 甲: 5, 乙: 5.04, 丙: null } }, // 5.04 prints 5.0: equal
    });
    expect(r.rows.map((x) => x.score)).toEqual([100, 100, 0]);
  });
});

describe('compositeScores: invalid input', () => {
  it.each([
    [{ rule: 'rankPoints', regions: ['甲'], indicators: [], values: {} }, /至少需要一项指标/],
    [
      { rule: 'rankPoints', regions: [], indicators: [ind({ indicatorId: 'a', name: 'A' })], values: {} },
      /至少需要一个区县/,
    ],
    [
      {
        rule: 'rankPoints',
        regions: ['甲'],
        indicators: [ind({ indicatorId: 'a', name: 'A', weight: 0 })],
        values: {},
      },
      /权重应为正数/,
    ],
    [{ rule: 'rankPoints', regions: ['全市'], indicators: [ind({ indicatorId: 'a', name: 'A' })], values: {} }, /全市/],
  ] as [CompositeInput, RegExp][])('rejects %#', (input, message) => {
    expect(() => compositeScores(input)).toThrow(message);
  });
});
