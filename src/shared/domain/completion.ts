import type { FigureValue } from '../schemas/figure';
import type { IndicatorKind, TargetValue } from '../schemas/indicator-system';
import { fail, type Outcome } from './outcome';

/**
 * 完成率 (completion rate) and 差距 (gap to target).
 *
 * 完成率 = year-to-date actual ÷ annual target × 100, only for level (总量) and count (个数) indicators,
 * whose year-to-date figures accumulate towards the annual target (domain.md). Growth rates and shares are
 * compared with their target in percentage points instead; per-unit figures (亩均税收, 全员劳动生产率) are
 * averages that do not accumulate through the year, so a ratio to the annual target would not be
 * comparable with time progress and is not computed either.
 */

export const COMPLETION_KINDS: readonly IndicatorKind[] = ['level', 'count'];

/** Reasons shown instead of a rate (Chinese, for the reader). */
export const COMPLETION_REASONS = {
  rateKind: '增速类指标不计算完成率，比较增幅与目标',
  perUnit: '人均、亩均类指标不计算完成率，直接比较实际值与目标',
  textTarget: '目标为文字，不计算完成率',
  noTarget: '未设定年度目标，不计算完成率',
  targetNotApplicable: '该指标对本地区不适用，不计算完成率',
  nonPositiveTarget: '目标值为零或负数，完成率无意义',
  actualMissing: '尚未报送实际数，不计算完成率',
  actualNotApplicable: '实际数为“/”（不适用），不计算完成率',
} as const;

/**
 * Completion rate in percent, unrounded (round once when printing).
 * A text target is not converted here: pass a number (for instance the value parseTargetText derived, if
 * the table's note says so) to get a rate.
 */
export function completionRate(
  actual: FigureValue,
  annualTarget: TargetValue | null | undefined,
  kind: IndicatorKind,
): Outcome<{ rate: number }> {
  if (kind === 'growth' || kind === 'share') return fail(COMPLETION_REASONS.rateKind);
  if (kind === 'perUnit') return fail(COMPLETION_REASONS.perUnit);
  if (annualTarget === null || annualTarget === undefined) return fail(COMPLETION_REASONS.noTarget);
  if (annualTarget === '/') return fail(COMPLETION_REASONS.targetNotApplicable);
  if (typeof annualTarget === 'string') return fail(COMPLETION_REASONS.textTarget);
  if (!(annualTarget > 0)) return fail(COMPLETION_REASONS.nonPositiveTarget);
  if (actual === null) return fail(COMPLETION_REASONS.actualMissing);
  if (actual === '/') return fail(COMPLETION_REASONS.actualNotApplicable);
  return { ok: true, rate: (actual / annualTarget) * 100 };
}

/**
 * 差距 = actual − target (positive: above the target), unrounded, in the indicator's unit; for growth
 * rates and shares the difference of two percentages is in 个百分点 (`percentagePoints: true`).
 * For a growth indicator the caller passes the actual growth rate and the growth target.
 */
export function gapToTarget(
  actual: FigureValue,
  target: TargetValue | null | undefined,
  kind: IndicatorKind,
): Outcome<{ gap: number; percentagePoints: boolean }> {
  if (target === null || target === undefined) return fail('未设定目标值，不计算差距');
  if (target === '/') return fail('该指标对本地区不适用，不计算差距');
  if (typeof target === 'string') return fail('目标为文字，差距需按目标原文判断');
  if (actual === null) return fail('尚未报送实际数，不计算差距');
  if (actual === '/') return fail('实际数为“/”（不适用），不计算差距');
  return { ok: true, gap: actual - target, percentagePoints: kind === 'growth' || kind === 'share' };
}
