import { describe, expect, it } from 'vitest';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { IndicatorKind } from '../../../src/shared/schemas/indicator-system';
import { YOY_REASONS, yearOnYear } from '../../../src/shared/domain/yoy';
import { growthPhrase, ppChangePhrase } from '../../../src/shared/domain/phrases';

describe('yearOnYear', () => {
  it.each<[FigureValue, FigureValue, IndicatorKind, 'percent' | 'pp', number, string]>([
    [107.2, 100, 'level', 'percent', 7.2, '增长7.2%'],
    [98.7, 100, 'level', 'percent', -1.3, '下降1.3%'],
    [100.04, 100, 'level', 'percent', 0.04, '持平'],
    [-3, 10, 'level', 'percent', -130, '下降130.0%'], // (−3 − 10) ÷ 10
    [12, 8, 'count', 'percent', 50, '增长50.0%'],
    [30.6, 28, 'perUnit', 'percent', 9.285714, '增长9.3%'], // 2.6 ÷ 28 = 9.2857%
    [7.2, 8.4, 'growth', 'pp', -1.2, '下降1.2个百分点'],
    [45.3, 44.1, 'share', 'pp', 1.2, '提高1.2个百分点'],
    [-2.0, -3.5, 'growth', 'pp', 1.5, '提高1.5个百分点'], // a negative base is fine for a difference
    [5, 0, 'growth', 'pp', 5, '提高5.0个百分点'],
  ])('%s vs %s (%s) → %s %s', (cur, last, kind, mode, value, phrase) => {
    const r = yearOnYear(cur, last, kind);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.mode).toBe(mode);
    expect(r.value).toBeCloseTo(value, 5);
    expect(mode === 'percent' ? growthPhrase(r.value, 1) : ppChangePhrase(r.value, 1)).toBe(phrase);
  });

  it.each<[FigureValue, FigureValue, IndicatorKind, string]>([
    [5, 0, 'level', YOY_REASONS.nonPositiveBase],
    [5, -2, 'count', YOY_REASONS.nonPositiveBase],
    [null, 100, 'level', YOY_REASONS.currentMissing],
    ['/', 100, 'level', YOY_REASONS.currentNotApplicable],
    [100, null, 'level', YOY_REASONS.lastMissing],
    [100, '/', 'growth', YOY_REASONS.lastNotApplicable],
  ])('%s vs %s (%s) is unavailable: %s', (cur, last, kind, reason) => {
    const r = yearOnYear(cur, last, kind);
    expect(r).toEqual({ ok: false, reason });
    expect('value' in r).toBe(false);
  });

  it('uses the brief’s wording for a zero base', () => {
    expect(YOY_REASONS.nonPositiveBase).toBe('上年同期为零或负数，增速无意义');
  });
});
