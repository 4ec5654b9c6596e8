import { aheadOfProgress, timeProgress, type TimeProgress } from '../domain/progress';
import { completionRate } from '../domain/completion';
import { fail, type Outcome } from '../domain/outcome';
import { endMonth, isFirstOfYear, parsePeriod, type Period } from '../domain/periods';
import { rankChange, rankRegions } from '../domain/ranks';
import { statusFlags, type StatusFlag } from '../domain/flags';
import { evaluateTarget, type TargetEvaluation } from '../domain/target-eval';
import { parseTarget } from '../domain/targets';
import { yearOnYear, type YearOnYear } from '../domain/yoy';
import type { FigureValue } from '../schemas/figure';
import type { FigureRecord } from '../schemas/figures';
import type {
  Direction,
  Indicator,
  IndicatorSystem,
  Milestone,
  RankBy,
  TargetValue,
} from '../schemas/indicator-system';
import { figureKeyFor, lastYearFigureKey, previousFigureKey } from './figure-keys';
import { hasMilestones, milestonesOf, regionTargetOf } from '../systems/accessors';
import { nodeCheck, type NodeCheck } from './nodes';

export const TOTAL = '全市';
export const PROVINCE = '全省';
/** Completion rates, time progress and year-on-year growth are published with one decimal. */
export const RATE_DECIMALS = 1;

/** Looks up a stored figure: (storage period key, system, indicator, region). */
export type FigureLookup = (
  periodKey: string,
  systemId: string,
  indicatorId: string,
  region: string,
) => FigureRecord | undefined;

export interface RegionResult {
  region: string;
  isTotal: boolean;
  value: FigureValue;
  /** Provenance of the value: "fig:<period>/<system>/<indicator>/<region>". */
  ref: string;
  record?: FigureRecord;
  lastYear: FigureValue;
  /** The target the region is judged against for the year (a district's 分解目标), or null. */
  target: TargetValue | null;
  /** False when a district is held to the city's target (a milestone rate the plan sets for all alike). */
  ownTarget: boolean;
  /** Only where the target is comparable now (rates, or a year-to-date total at year end); else null. */
  targetEval: TargetEvaluation | null;
  /** null when the indicator's kind has no completion rate at all. */
  completion: Outcome<{ rate: number }> | null;
  /** 序时进度 of this region: the year's milestones, the district's own milestones, or months elapsed. */
  timeProgress: TimeProgress | null;
  /** 完成率 − 序时进度, unrounded. */
  aheadPp: number | null;
  /** The milestone (节点) due at the period's end and how the figure stands against it, for milestone indicators. */
  node: NodeCheck | null;
  yoy: YearOnYear;
  /** The figure ranked (value, growth or completion), unrounded. */
  rankValue: FigureValue;
  rank: number | null;
  tied: boolean;
  previousRank: number | null;
  rankChange: number | null;
  flags: StatusFlag[];
}

export interface IndicatorResult {
  systemId: string;
  indicator: Indicator;
  /** Decimals after the workspace override. */
  decimals: number;
  periodKey: string;
  /** The previous reporting period's key (rank changes are against it), or null. */
  previousKey: string | null;
  rankBy: RankBy;
  rankDecimals: number;
  /** 序时进度 of 全市 (and of every district without milestones of its own). */
  timeProgress: TimeProgress | null;
  /** True when the period's year has milestones (节点) for this indicator: tables then say 进度. */
  usesMilestones: boolean;
  province: FigureValue;
  /** 全市 first, then the districts in official order. */
  rows: RegionResult[];
}

export interface ComputeOptions {
  period: Period;
  regions: readonly string[];
  lookup: FigureLookup;
  decimalsOverride?: Readonly<Record<string, number>>;
  rankByOverride?: Readonly<Record<string, RankBy>>;
}

/**
 * What a completion figure is called: a rate measured against its milestones (开工率 against 30/65/85 %)
 * is 进度; a total against its annual target is 完成率, whatever its time progress is based on.
 */
export function completionWord(res: Pick<IndicatorResult, 'usesMilestones' | 'indicator'>): '进度' | '完成率' {
  return res.usesMilestones && res.indicator.kind === 'share' ? '进度' : '完成率';
}

/** The default ranking basis: growth rates by value, levels with a target by completion, else value. */
export function defaultRankBy(ind: Indicator): RankBy {
  if (ind.rankBy) return ind.rankBy;
  if (ind.kind === 'growth') return 'value';
  return ind.kind === 'level' || ind.kind === 'count' ? 'completion' : 'value';
}

/** Everything one indicator's computation for one period needs, resolved once. */
interface Context {
  system: IndicatorSystem;
  ind: Indicator;
  period: Period;
  year: string;
  decimals: number;
  rankBy: RankBy;
  regions: readonly string[];
  get: (key: string | null, region: string) => FigureRecord | undefined;
}

function valueOf(record: FigureRecord | undefined): FigureValue {
  return record ? record.v : null;
}

/**
 * The ranking basis in a year: by completion only when some district has a target amount to complete; a year
 * whose targets are not set yet (January after 新建下一年度), or one with only a city target, ranks the districts
 * on their figures, as completion would leave every district unranked. An override to completion falls back
 * the same way.
 */
export function rankByForYear(
  ind: Indicator,
  year: string,
  regions: readonly string[],
  rankBy: RankBy = defaultRankBy(ind),
): RankBy {
  if (rankBy !== 'completion') return rankBy;
  return regions.some((r) => typeof amountOf(ind, regionTargetOf(ind, r, year)) === 'number') ? rankBy : 'value';
}

function contextOf(system: IndicatorSystem, ind: Indicator, options: ComputeOptions): Context {
  const overrideKey = `${system.id}/${ind.id}`;
  const year = String(options.period.year);
  const rankBy = rankByForYear(ind, year, options.regions, options.rankByOverride?.[overrideKey]);
  return {
    system,
    ind,
    period: options.period,
    year,
    decimals: options.decimalsOverride?.[overrideKey] ?? ind.decimals,
    rankBy,
    regions: options.regions,
    get: (key, region) => (key ? options.lookup(key, system.id, ind.id, region) : undefined),
  };
}

function isMilestoneIndicator(ind: Indicator, milestones: readonly Milestone[]): boolean {
  return milestones.length > 0 && ind.kind === 'share';
}

/**
 * Progress indicators with milestones (开工率 一季度30%…) compare the rate reached with the target; other kinds
 * use the completion rate rules of the domain.
 */
function completionFor(
  ind: Indicator,
  milestones: readonly Milestone[],
  value: FigureValue,
  target: TargetValue | null,
): Outcome<{ rate: number }> | null {
  if (isMilestoneIndicator(ind, milestones)) {
    if (typeof target !== 'number' || target <= 0) return fail('目标不是正数，不计算进度');
    if (typeof value !== 'number') return fail(value === '/' ? '实际数为“/”（不适用）' : '尚未报送实际数');
    return { ok: true, rate: (value / target) * 100 };
  }
  if (ind.kind !== 'level' && ind.kind !== 'count') return null;
  return completionRate(value, amountOf(ind, target), ind.kind);
}

/**
 * The amount a total's target states: the number, or the one a text target states as a floor ("35亿美元",
 * "不少于800亿元", "力争达到4家"); any other text stays text (completion is then not computed).
 */
function amountOf(ind: Indicator, target: TargetValue | null): TargetValue | null {
  if (typeof target !== 'string' || target === '/') return target;
  const parsed = parseTarget(target, { direction: ind.direction, kind: ind.kind, unit: ind.unit });
  return (parsed.op === 'ge' || parsed.op === 'gt') && !parsed.decline ? parsed.value : target;
}

function isYearEnd(period: Period): boolean {
  return endMonth(period) === 12;
}

/**
 * Whether a target can be judged now: rates are compared with their target every period (milestone rates with
 * their node instead, until year end); a year-to-date total or per-unit figure only at year end (before that,
 * completion and time progress tell the story).
 */
function targetComparableNow(ind: Indicator, milestones: readonly Milestone[], period: Period): boolean {
  if (isMilestoneIndicator(ind, milestones)) return isYearEnd(period);
  if (ind.kind === 'growth' || ind.kind === 'share') return true;
  return !ind.ytd || isYearEnd(period);
}

function progressFor(ctx: Context, milestones: readonly Milestone[]): TimeProgress | null {
  const { ind, period } = ctx;
  if (ind.kind === 'level' || ind.kind === 'count' || milestones.length) return timeProgress(period, milestones);
  return null;
}

function evaluationFor(
  ctx: Context,
  milestones: readonly Milestone[],
  value: FigureValue,
  target: TargetValue | null,
  reference: { city: number | null; province: number | null },
): TargetEvaluation | null {
  const { ind, period, decimals } = ctx;
  if (target === null || !targetComparableNow(ind, milestones, period)) return null;
  return evaluateTarget(value, target, {
    direction: ind.direction,
    kind: ind.kind,
    unit: ind.unit,
    decimals,
    reference,
  });
}

/** The figure a region is ranked on: its value, its growth on last year, or its completion rate. */
function rankValueOf(
  rankBy: RankBy,
  ind: Indicator,
  value: FigureValue,
  yoy: YearOnYear,
  completion: Outcome<{ rate: number }> | null,
): FigureValue {
  const notApplicable = value === '/' ? '/' : null;
  if (rankBy === 'completion') return completion?.ok ? completion.rate : notApplicable;
  if (rankBy === 'growth' && ind.kind !== 'growth') return yoy.ok ? yoy.value : notApplicable;
  return value;
}

/**
 * The target a region is judged against: its own; for a milestone rate (开工率 100%, nodes 30/65/85%) a district
 * without one of its own is held to the city's rate and nodes, as the plan sets them for every district.
 */
function targetOfRow(ctx: Context, region: string, milestones: readonly Milestone[]): TargetValue | null {
  const own = regionTargetOf(ctx.ind, region, ctx.year);
  if (own !== null || region === TOTAL || !isMilestoneIndicator(ctx.ind, milestones)) return own;
  return regionTargetOf(ctx.ind, TOTAL, ctx.year);
}

/** One region's figures and what follows from them, before ranks and flags. */
function regionRow(
  ctx: Context,
  region: string,
  keys: { key: string; lastKey: string | null },
  reference: { city: number | null; province: number | null },
): RegionResult {
  const { system, ind, year } = ctx;
  const record = ctx.get(keys.key, region);
  const value = valueOf(record);
  const lastYear = valueOf(ctx.get(keys.lastKey, region));
  const milestones = milestonesOf(ind, year, region);
  const target = targetOfRow(ctx, region, milestones);
  const ownTarget = region === TOTAL || regionTargetOf(ind, region, year) !== null;
  const completion = completionFor(ind, milestones, value, target);
  const progress = progressFor(ctx, milestones);
  const yoy = yearOnYear(value, lastYear, ind.kind);
  return {
    region,
    isTotal: region === TOTAL,
    value,
    ref: `fig:${keys.key}/${system.id}/${ind.id}/${region}`,
    ...(record ? { record } : {}),
    lastYear,
    target,
    ownTarget,
    targetEval: evaluationFor(ctx, milestones, value, target, reference),
    completion,
    timeProgress: progress,
    aheadPp: completion?.ok && progress ? aheadOfProgress(completion.rate, progress.percent) : null,
    node: isMilestoneIndicator(ind, milestones) ? nodeCheck(ctx.period, milestones, value, target) : null,
    yoy,
    rankValue: rankValueOf(ctx.rankBy, ind, value, yoy, completion),
    rank: null,
    tied: false,
    previousRank: null,
    rankChange: null,
    flags: [],
  };
}

function rankingOf(ctx: Context): { direction: Direction; decimals: number } {
  return {
    direction: ctx.rankBy === 'completion' ? 'higher' : ctx.ind.direction,
    decimals: ctx.rankBy === 'value' ? ctx.decimals : RATE_DECIMALS,
  };
}

/** Ranks of the districts on their rank values (全市 is never ranked). */
function ranksOf(ctx: Context, rows: readonly RegionResult[]): Map<string, { rank: number | null; tied: boolean }> {
  const ranked = rankRegions(
    rows.filter((r) => !r.isTotal).map((r) => ({ key: r.region, value: r.rankValue })),
    rankingOf(ctx),
  );
  return new Map(ranked.map((e) => [e.key, { rank: e.rank, tied: e.tied }]));
}

function keyToPeriod(key: string): Period {
  return parsePeriod(key);
}

/**
 * Ranks in the previous reporting period, computed the same way, for 前移/后移. Not across the start of a year
 * for year-to-date figures: January's 1月 and December's 1—12月 are not the same race.
 */
function previousRanks(ctx: Context, prevKey: string | null): Map<string, number | null> {
  if (!prevKey || (ctx.ind.ytd && isFirstOfYear(ctx.period))) return new Map();
  const prevPeriod = keyToPeriod(prevKey);
  const prevCtx: Context = { ...ctx, period: prevPeriod, year: String(prevPeriod.year) };
  const keys = { key: prevKey, lastKey: lastYearFigureKey(ctx.ind.frequency, prevPeriod) };
  const reference = { city: null, province: null };
  const rows = ctx.regions.map((region) => regionRow(prevCtx, region, keys, reference));
  return new Map([...ranksOf(prevCtx, rows)].map(([region, r]) => [region, r.rank]));
}

/**
 * Flags of each row. Province and 全市 are compared on the ranked figure (growth, completion or value); a
 * district's total is never "below 全市" when 全市 is their sum.
 */
function flagRows(ctx: Context, rows: RegionResult[], province: FigureValue): void {
  const { direction, decimals } = rankingOf(ctx);
  const compared = (r: RegionResult): FigureValue => (ctx.rankBy === 'value' ? r.value : r.rankValue);
  const cityRow = rows[0];
  const cityCompared = cityRow && !(ctx.rankBy === 'value' && ctx.ind.cityIsSumOfRegions) ? compared(cityRow) : null;
  for (const r of rows) {
    r.flags = statusFlags({
      direction,
      decimals,
      value: compared(r),
      province: r.isTotal && ctx.rankBy !== 'completion' && typeof province === 'number' ? province : null,
      city: !r.isTotal && typeof cityCompared === 'number' ? cityCompared : null,
      completionRate: r.completion?.ok ? r.completion.rate : null,
      timeProgress: r.timeProgress?.percent ?? null,
      ...(r.targetEval ? { targetStatus: r.targetEval.status } : {}),
    });
  }
}

/** Computes one indicator for every region: values, targets, completion, progress, 同比, ranks, flags. */
export function computeIndicator(
  system: IndicatorSystem,
  ind: Indicator,
  options: ComputeOptions,
): IndicatorResult | null {
  const key = figureKeyFor(ind.frequency, options.period);
  if (!key) return null;
  const ctx = contextOf(system, ind, options);
  const keys = { key, lastKey: lastYearFigureKey(ind.frequency, options.period) };
  const prevKey = previousFigureKey(ind.frequency, options.period);
  const province = valueOf(ctx.get(key, PROVINCE));
  const cityValue = valueOf(ctx.get(key, TOTAL));
  const reference = {
    city: typeof cityValue === 'number' ? cityValue : null,
    province: typeof province === 'number' ? province : null,
  };
  const rows = [TOTAL, ...options.regions].map((region) => regionRow(ctx, region, keys, reference));
  const ranks = ranksOf(ctx, rows);
  const before = previousRanks(ctx, prevKey);
  for (const r of rows) {
    if (r.isTotal) continue;
    const now = ranks.get(r.region);
    r.rank = now?.rank ?? null;
    r.tied = now?.tied ?? false;
    r.previousRank = before.get(r.region) ?? null;
    r.rankChange = rankChange(r.rank, r.previousRank);
  }
  flagRows(ctx, rows, province);
  return {
    systemId: system.id,
    indicator: ind,
    decimals: ctx.decimals,
    periodKey: key,
    previousKey: before.size ? prevKey : null,
    rankBy: ctx.rankBy,
    rankDecimals: rankingOf(ctx).decimals,
    timeProgress: rows[0]?.timeProgress ?? null,
    usesMilestones: hasMilestones(ind, ctx.year),
    province,
    rows,
  };
}
