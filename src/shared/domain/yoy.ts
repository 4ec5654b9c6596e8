import type { FigureValue } from '../schemas/figure';
import type { IndicatorKind } from '../schemas/indicator-system';
import { fail, type Outcome } from './outcome';

/**
 * 同比 (year on year) against the same period last year.
 * - level, count, per-unit: growth in percent, (current − last) ÷ last × 100; meaningless when last year's
 *   figure is zero or negative.
 * - growth rate, share: the difference in 个百分点 (current − last); a rate is never divided by a rate.
 * Values are unrounded; round once when printing (growthPhrase / ppChangePhrase choose the words).
 */
export type YearOnYear = Outcome<{ mode: 'percent' | 'pp'; value: number }>;

export const YOY_REASONS = {
  currentMissing: '本期数尚未报送，无法计算同比',
  currentNotApplicable: '本期数为“/”（不适用），不计算同比',
  lastMissing: '缺少上年同期数，无法计算同比',
  lastNotApplicable: '上年同期数为“/”（不适用），不计算同比',
  nonPositiveBase: '上年同期为零或负数，增速无意义',
} as const;

export function yearOnYear(current: FigureValue, lastYear: FigureValue, kind: IndicatorKind): YearOnYear {
  if (current === null) return fail(YOY_REASONS.currentMissing);
  if (current === '/') return fail(YOY_REASONS.currentNotApplicable);
  if (lastYear === null) return fail(YOY_REASONS.lastMissing);
  if (lastYear === '/') return fail(YOY_REASONS.lastNotApplicable);
  if (kind === 'growth' || kind === 'share') return { ok: true, mode: 'pp', value: current - lastYear };
  if (!(lastYear > 0)) return fail(YOY_REASONS.nonPositiveBase);
  return { ok: true, mode: 'percent', value: ((current - lastYear) / lastYear) * 100 };
}
