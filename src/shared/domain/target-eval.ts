import type { FigureValue } from '../schemas/figure';
import type { Direction, IndicatorKind, TargetValue } from '../schemas/indicator-system';
import { roundHalfUp } from './rounding';
import { describeTarget } from './target-describe';
import type { Comparator, ParsedTarget, RelativeReference } from './target-types';
import { parseTarget } from './targets';

/**
 * Whether an actual figure meets its target.
 *
 * Contract: `actual` is the figure the target speaks of. For a growth indicator (kind 'growth') a numeric
 * target is a growth rate and `actual` is the actual growth rate; for a level indicator's growth target
 * (Indicator.growthTarget) evaluate with kind 'growth', unit '%' and the actual growth; for a cumulative
 * target ("[5.1]") pass the cumulative figure over the plan period; for "每年新增10家" pass this year's
 * increment; for a rank target ("前40位") pass the rank. Reference figures (全市, 全省, another indicator
 * by label) must be of the same measure as `actual`.
 *
 * When `decimals` is given, the actual and reference figures are compared as printed (rounded to that
 * precision), so a table never shows "6.0" next to "未达目标" for a target of 6. The gap is unrounded.
 */
export type TargetStatus = 'met' | 'notMet' | 'pending' | 'notApplicable' | 'noData';

export interface TargetContext {
  direction: Direction;
  kind: IndicatorKind;
  /** The indicator's unit (see TargetParseContext.unit). */
  unit?: string;
  /** Published precision of the actual figure. */
  decimals?: number;
  reference?:
    | {
        city?: number | null;
        province?: number | null;
        byLabel?: Readonly<Record<string, number | null>>;
      }
    | undefined;
}

export interface TargetEvaluation {
  status: TargetStatus;
  /**
   * actual − the figure the target states (for 左右 the stated value, for a relative target the reference
   * plus the offset, for a range the bound on the worse side), unrounded; absent when nothing was compared.
   */
  gap?: number;
  /** True when the gap is in 个百分点 (growth rates and shares). */
  percentagePoints?: boolean;
  /** Chinese explanation for the reader. */
  reason: string;
}

/** Parses the target (number or verbatim text) and evaluates it. */
export function evaluateTarget(actual: FigureValue, target: TargetValue, ctx: TargetContext): TargetEvaluation {
  const parseCtx = { direction: ctx.direction, kind: ctx.kind, ...(ctx.unit !== undefined ? { unit: ctx.unit } : {}) };
  return evaluateParsedTarget(actual, parseTarget(target, parseCtx), ctx);
}

/** Evaluates an already parsed target. */
export function evaluateParsedTarget(actual: FigureValue, target: ParsedTarget, ctx: TargetContext): TargetEvaluation {
  if (target.op === 'notApplicable') return { status: 'notApplicable', reason: '目标为“/”，该指标对本地区不适用' };
  if (actual === '/') return { status: 'notApplicable', reason: '实际数为“/”（不适用）' };
  if (actual === null) return { status: 'noData', reason: '尚未报送实际数' };
  return judge(actual, target, ctx);
}

const COMPARE: Record<Comparator, (a: number, b: number) => boolean> = {
  ge: (a, b) => a >= b,
  gt: (a, b) => a > b,
  le: (a, b) => a <= b,
  lt: (a, b) => a < b,
};

/** Removes binary noise from a threshold computed from decimal inputs (6 − 0.5, 7.2 + 1). */
function clean(x: number): number {
  return roundHalfUp(x, 10);
}

function referenceValue(to: RelativeReference, ctx: TargetContext): number | null {
  const ref = ctx.reference;
  if ('city' in to) return ref?.city ?? null;
  if ('province' in to) return ref?.province ?? null;
  return ref?.byLabel?.[to.label] ?? null;
}

function judge(actual: number, t: ParsedTarget, ctx: TargetContext): TargetEvaluation {
  const shown = (x: number): number => (ctx.decimals === undefined ? x : roundHalfUp(x, ctx.decimals));
  const a = shown(actual);
  const percentagePoints = ctx.kind === 'growth' || ctx.kind === 'share';
  const aspirational = t.aspirational ? '力争' : '';
  const verdict = (met: boolean, threshold: number): TargetEvaluation => ({
    status: met ? 'met' : 'notMet',
    gap: actual - threshold,
    percentagePoints,
    reason: `${met ? '已达到' : '未达到'}${aspirational}目标（${describeTarget(t, ctx.direction)}）`,
  });
  switch (t.op) {
    case 'ge':
    case 'gt':
    case 'le':
    case 'lt':
      if (t.decline && ctx.direction === 'higher') return declineConflict(t.text);
      return verdict(COMPARE[t.op](a, t.value), t.value);
    case 'approx': {
      if (t.decline && ctx.direction === 'higher') return declineConflict(t.text);
      const better: Direction = t.decline ? 'lower' : ctx.direction;
      const met = better === 'higher' ? a >= clean(t.value - t.tolerance) : a <= clean(t.value + t.tolerance);
      return verdict(met, t.value);
    }
    case 'range': {
      const bound = ctx.direction === 'higher' ? t.min : t.max;
      return verdict(ctx.direction === 'higher' ? a >= bound : a <= bound, bound);
    }
    case 'yearlyIncrement':
      return verdict(a >= t.value, t.value);
    case 'cumulative':
      return verdict(COMPARE[t.cmp](a, t.value), t.value);
    case 'relative': {
      const ref = referenceValue(t.to, ctx);
      if (ref === null) return { status: 'pending', reason: `尚未录入${t.toText}的数值，暂不能判断` };
      const threshold = clean(shown(ref) + t.offset);
      return verdict(COMPARE[t.cmp](a, threshold), threshold);
    }
    case 'all':
      return judgeAll(actual, t.parts, ctx);
    case 'pending':
      return { status: 'pending', reason: t.reason };
    case 'unparsed':
      return { status: 'pending', reason: `${t.reason}（目标原文：${t.text}）` };
    case 'notApplicable':
      return { status: 'notApplicable', reason: '目标为“/”，该指标对本地区不适用' };
  }
}

function declineConflict(text: string): TargetEvaluation {
  return {
    status: 'pending',
    reason: `目标“${text}”按下降表述，而指标为越大越好，无法确定填报值是降幅还是增速，需人工判断`,
  };
}

/** Every part must be met: one part not met makes the whole not met; otherwise a pending part makes it pending. */
function judgeAll(actual: number, parts: readonly ParsedTarget[], ctx: TargetContext): TargetEvaluation {
  const results = parts.map((p) => judge(actual, p, ctx));
  const failed = results.filter((r) => r.status === 'notMet');
  if (failed.length > 0) return { status: 'notMet', reason: failed.map((r) => r.reason).join('；') };
  const open = results.filter((r) => r.status !== 'met');
  if (open.length > 0) return { status: 'pending', reason: open.map((r) => r.reason).join('；') };
  return { status: 'met', reason: results.map((r) => r.reason).join('；') };
}
