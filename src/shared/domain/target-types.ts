import type { Direction, IndicatorKind } from '../schemas/indicator-system';

/** ≥, >, ≤, < */
export type Comparator = 'ge' | 'gt' | 'le' | 'lt';

/** What a relative target is compared with: the city's figure, the province's, or another indicator. */
export type RelativeReference = { city: true } | { province: true } | { label: string };

interface TargetBase {
  /** The target exactly as printed; always displayed as is. */
  text: string;
  /** 力争 (a stretch goal). */
  aspirational?: boolean;
  /** How the text was read (“含南太湖新区”, “未写以上/以下，按指标方向理解”). */
  notes?: string[];
}

/** "2个以上", "不低于40", "超过40", "≤4.5", "低于0.011人/亿元", "下降4%以上" (decline: value −4, op le). */
export interface ComparisonTarget extends TargetBase {
  op: Comparator;
  value: number;
  /** Unit of `value`: the indicator's unit when it was given to the parser, else as written. */
  unit?: string;
  /** Worded as a decline (下降/降低/减少): `value` is the signed change (−4 for 下降4%). */
  decline?: boolean;
}

/**
 * "增长6%左右", "7左右". One-sided: met when the actual is within `tolerance` of the value or beyond it on
 * the better side. Tolerance: 0.5 (in 个百分点 / 个千分点) for percentages and rates, 5% of the value otherwise.
 */
export interface ApproxTarget extends TargetBase {
  op: 'approx';
  value: number;
  tolerance: number;
  unit?: string;
  decline?: boolean;
}

/** "1—2家": met when the actual reaches the bound on the worse side (≥1 when higher is better). */
export interface RangeTarget extends TargetBase {
  op: 'range';
  min: number;
  max: number;
  unit?: string;
}

/**
 * "高于GDP增速1个百分点" (reference + 1, ≥), "高于全市平均增速" (> city), "高于省均" (> province).
 * The reference figure must be of the same measure as the actual (a growth rate for a growth rate).
 */
export interface RelativeTarget extends TargetBase {
  op: 'relative';
  to: RelativeReference;
  /** The reference as written ("GDP增速", "全市平均增速"). */
  toText: string;
  offset: number;
  /** 'pp' when the offset is in 个百分点, 'unit' when there is no offset or it is in the indicator's unit. */
  unit: 'pp' | 'unit';
  cmp: Comparator;
}

/** "每年新增10家": this year's increment must reach the value. */
export interface YearlyIncrementTarget extends TargetBase {
  op: 'yearlyIncrement';
  value: number;
  unit?: string;
}

/** "[5.1]": a five-year cumulative figure (五年累计), compared with the cumulative actual. */
export interface CumulativeTarget extends TargetBase {
  op: 'cumulative';
  value: number;
  cmp: Comparator;
}

/** "120%以上、高于省均": every part must be met. */
export interface CompoundTarget extends TargetBase {
  op: 'all';
  parts: ParsedTarget[];
}

/** "完成省定目标", "待省下达任务指标后再分解", "与经济增长同步": judged by hand or filled in later. */
export interface PendingTarget extends TargetBase {
  op: 'pending';
  reason: string;
}

/** "/": the indicator does not apply to this region. */
export interface NotApplicableTarget extends TargetBase {
  op: 'notApplicable';
}

/** Anything else: judged by hand, never guessed. */
export interface UnparsedTarget extends TargetBase {
  op: 'unparsed';
  reason: string;
}

export type ParsedTarget =
  | ComparisonTarget
  | ApproxTarget
  | RangeTarget
  | RelativeTarget
  | YearlyIncrementTarget
  | CumulativeTarget
  | CompoundTarget
  | PendingTarget
  | NotApplicableTarget
  | UnparsedTarget;

/** What the parser needs to know about the indicator. */
export interface TargetParseContext {
  /** Decides plain numbers ("12" is ≥12 when higher is better, ≤12 when lower is better). */
  direction: Direction;
  /**
   * The indicator's unit. When given, a number written with another unit is refused ("6%" for an indicator
   * in 亿元) and 万/亿 prefixes are converted ("1.5万家" for 家 is 15000). For a growth target of a level
   * indicator, pass unit '%' and kind 'growth'.
   */
  unit?: string;
  kind?: IndicatorKind;
}
