import { describe, expect, it } from 'vitest';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { IndicatorKind, Milestone, TargetValue } from '../../../src/shared/schemas/indicator-system';
import { COMPLETION_REASONS, completionRate, gapToTarget } from '../../../src/shared/domain/completion';
import { aheadOfProgress, timeProgress } from '../../../src/shared/domain/progress';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { formatFixed } from '../../../src/shared/domain/rounding';

describe('completionRate', () => {
  it.each<[FigureValue, TargetValue, IndicatorKind, number]>([
    [5150, 5000, 'level', 103], // 5150 ÷ 5000 = 103%
    [3, 4, 'count', 75],
    [0, 10, 'count', 0],
    [971.6, 1000, 'level', 97.16],
  ])('%s of %s (%s) → %s%%', (actual, target, kind, rate) => {
    const r = completionRate(actual, target, kind);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.rate).toBeCloseTo(rate, 10);
  });

  it('keeps the rate unrounded: 629 of 647.4 is 97.1578…%', () => {
    const r = completionRate(629, 647.4, 'level');
    expect(r.ok && r.rate).toBeCloseTo(97.15786, 5);
    expect(r.ok && formatFixed(r.rate, 1)).toBe('97.2');
  });

  it.each<[FigureValue, TargetValue | null | undefined, IndicatorKind, string]>([
    [7.5, 6, 'growth', COMPLETION_REASONS.rateKind],
    [45, 50, 'share', COMPLETION_REASONS.rateKind],
    [28, 30, 'perUnit', COMPLETION_REASONS.perUnit],
    [5200, '突破6000亿元', 'level', COMPLETION_REASONS.textTarget],
    [3, '2个以上', 'count', COMPLETION_REASONS.textTarget],
    [3, null, 'count', COMPLETION_REASONS.noTarget],
    [3, undefined, 'count', COMPLETION_REASONS.noTarget],
    [3, '/', 'count', COMPLETION_REASONS.targetNotApplicable],
    [3, 0, 'count', COMPLETION_REASONS.nonPositiveTarget],
    [3, -5, 'level', COMPLETION_REASONS.nonPositiveTarget],
    [null, 100, 'level', COMPLETION_REASONS.actualMissing],
    ['/', 100, 'level', COMPLETION_REASONS.actualNotApplicable],
  ])('%s of %s (%s) is not computed: %s', (actual, target, kind, reason) => {
    const r = completionRate(actual, target, kind);
    expect(r).toEqual({ ok: false, reason });
    expect('rate' in r).toBe(false);
  });

  it('states the growth reason in the wording of the brief', () => {
    expect(COMPLETION_REASONS.rateKind).toBe('增速类指标不计算完成率，比较增幅与目标');
    expect(COMPLETION_REASONS.nonPositiveTarget).toBe('目标值为零或负数，完成率无意义');
  });
});

describe('gapToTarget', () => {
  it.each<[FigureValue, TargetValue, IndicatorKind, number, boolean]>([
    [7.5, 6, 'growth', 1.5, true], // 个百分点
    [45.2, 50, 'share', -4.8, true],
    [4800, 5000, 'level', -200, false], // 亿元
    [12, 10, 'count', 2, false],
    [-1.2, 6, 'growth', -7.2, true],
  ])('%s against %s (%s) → %s', (actual, target, kind, gap, pp) => {
    const r = gapToTarget(actual, target, kind);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.gap).toBeCloseTo(gap, 10);
      expect(r.percentagePoints).toBe(pp);
    }
  });
  it.each<[FigureValue, TargetValue | null, RegExp]>([
    [5, '6%以上', /文字/],
    [5, null, /未设定/],
    [5, '/', /不适用/],
    [null, 6, /尚未报送/],
    ['/', 6, /不适用/],
  ])('%s against %s is not computed', (actual, target, reason) => {
    const r = gapToTarget(actual, target, 'growth');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('timeProgress by months', () => {
  it.each([
    ['2023-09', 75, '9÷12'],
    ['2023-10', 250 / 3, '10÷12'], // 83.333…
    ['2023-01', 100 / 12, '1÷12'],
    ['2023-11', 1100 / 12, '11÷12'], // 91.666…, printed 91.7 as in the 宣城 notice
    ['2023Q3', 75, '9÷12'],
    ['2023H1', 50, '6÷12'],
    ['2023', 100, '12÷12'],
  ])('%s → %s', (key, percent, note) => {
    const t = timeProgress(parsePeriod(key));
    expect(t.percent).toBeCloseTo(percent, 10);
    expect(t.basis).toBe('months');
    expect(t.note).toContain(note);
  });
  it('1—11月 prints as 91.7', () => {
    expect(formatFixed(timeProgress(parsePeriod('2023-11')).percent, 1)).toBe('91.7');
  });
});

describe('timeProgress with the 开工率 milestones (一季度30%、二季度65%、三季度85%、全年100%)', () => {
  const start: Milestone[] = [
    { period: 'Q1', percent: 30 },
    { period: 'Q2', percent: 65 },
    { period: 'Q3', percent: 85 },
    { period: 'Q4', percent: 100 },
  ];
  it.each([
    ['2023-03', 30, '序时进度取一季度末节点（30%）'],
    ['2023Q1', 30, '序时进度取一季度末节点（30%）'],
    // May: two of the three months from the Q1 milestone to Q2: 30 + (65 − 30) × 2/3 = 53.333…
    ['2023-05', 30 + (35 * 2) / 3, '序时进度在一季度末节点（30%）与二季度末节点（65%）之间按月线性插值'],
    ['2023-09', 85, '序时进度取三季度末节点（85%）'],
    ['2023Q2', 65, '序时进度取二季度末节点（65%）'],
    // February: from 0 at the start of the year, 30 × 2/3 = 20
    ['2023-02', 20, '序时进度在年初（0%）与一季度末节点（30%）之间按月线性插值'],
    // November: 85 + (100 − 85) × 2/3 = 95
    ['2023-11', 95, '序时进度在三季度末节点（85%）与四季度末节点（100%）之间按月线性插值'],
    ['2023', 100, '序时进度取四季度末节点（100%）'],
  ])('%s → %s', (key, percent, note) => {
    const t = timeProgress(parsePeriod(key), start);
    expect(t.percent).toBeCloseTo(percent, 10);
    expect(t.basis).toBe('milestone');
    expect(t.note).toBe(note);
  });

  it('a half-year milestone alone interpolates towards 100 at year-end', () => {
    const h: Milestone[] = [{ period: 'H1', percent: 40 }];
    // September: 40 + (100 − 40) × 3/6 = 70
    const t = timeProgress(parsePeriod('2023-09'), h);
    expect(t.percent).toBeCloseTo(70, 10);
    expect(t.note).toBe('序时进度在上半年末节点（40%）与年末（100%）之间按月线性插值');
    expect(timeProgress(parsePeriod('2023-03'), h).percent).toBeCloseTo(20, 10); // 40 × 3/6
  });

  it('rejects contradictory milestones for the same month', () => {
    expect(() =>
      timeProgress(parsePeriod('2023-06'), [
        { period: 'Q2', percent: 65 },
        { period: 'H1', percent: 50 },
      ]),
    ).toThrow(/进度节点矛盾/);
  });

  it('completion against a milestone: 开工率 62% at 2023-05 is 8.7 points ahead of 53.3', () => {
    const ahead = aheadOfProgress(62, timeProgress(parsePeriod('2023-05'), start).percent); // 62 − 53.333 = 8.667
    expect(formatFixed(ahead, 1)).toBe('8.7');
  });
});
