import { aheadOfProgress, timeProgress, type TimeProgress } from '../domain/progress';
import { completionRate } from '../domain/completion';
import { fail, type Outcome } from '../domain/outcome';
import { endMonth, type Period } from '../domain/periods';
import { rankChange, rankRegions } from '../domain/ranks';
import { statusFlags, type StatusFlag } from '../domain/flags';
import { evaluateTarget, type TargetEvaluation } from '../domain/target-eval';
import { yearOnYear, type YearOnYear } from '../domain/yoy';
import type { FigureValue } from '../schemas/figure';
import type { FigureRecord } from '../schemas/figures';
import type { Indicator, IndicatorSystem, RankBy, TargetValue } from '../schemas/indicator-system';
import { cityTargetOf, hasMilestones, hasRegionTargets, milestonesOf, regionTargetOf } from '../systems/accessors';
import { figureKeyFor, lastYearFigureKey, previousFigureKey } from './figure-keys';

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
  target: TargetValue | null;
  /** Only where the target is comparable now (rates, or a level at year end); else null. */
  targetEval: TargetEvaluation | null;
  /** null when the indicator's kind has no completion rate at all. */
  completion: Outcome<{ rate: number }> | null;
  /** 序时进度 of this region: the year's milestones, the district's own milestones, or months elapsed. */
  timeProgress: TimeProgress | null;
  /** 完成率 − 序时进度, unrounded. */
  aheadPp: number | null;
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

function valueOf(record: FigureRecord | undefined): FigureValue {
  return record ? record.v : null;
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

/**
 * The ranking basis in a year: by completion only when the year has a target to complete (a year whose
 * targets are not set yet, e.g. January after 新建下一年度, ranks by the figure itself).
 */
export function rankByForYear(ind: Indicator, year: string): RankBy {
  const rankBy = defaultRankBy(ind);
  if (rankBy !== 'completion') return rankBy;
  const anyTarget = cityTargetOf(ind, year) !== null || hasRegionTargets(ind, year);
  return anyTarget ? rankBy : 'value';
}

/**
 * Progress indicators with milestones (开工率 一季度30%…) compare the rate reached with the milestone;
 * other kinds use the completion rate rules of the domain.
 */
function completionFor(
  ind: Indicator,
  value: FigureValue,
  target: TargetValue | null,
  usesMilestones: boolean,
): Outcome<{ rate: number }> | null {
  if (usesMilestones && ind.kind === 'share') {
    if (typeof target !== 'number' || target <= 0) return fail('目标不是正数，不计算进度');
    if (typeof value !== 'number') return fail(value === '/' ? '实际数为“/”（不适用）' : '尚未报送实际数');
    return { ok: true, rate: (value / target) * 100 };
  }
  if (ind.kind !== 'level' && ind.kind !== 'count') return null;
  return completionRate(value, target, ind.kind);
}

/**
 * Whether a target can be judged now: rates are compared with their target every period; a year-to-date
 * total or per-unit figure only at year end (before that, completion and time progress tell the story).
 */
function targetComparableNow(ind: Indicator, period: Period): boolean {
  if (ind.kind === 'growth' || ind.kind === 'share') return true;
  return !ind.ytd || endMonth(period) === 12;
}

/** Computes one indicator for every region: values, targets, completion, progress, 同比, ranks, flags. */
export function computeIndicator(
  system: IndicatorSystem,
  ind: Indicator,
  options: ComputeOptions,
): IndicatorResult | null {
  const { period, regions, lookup } = options;
  const key = figureKeyFor(ind.frequency, period);
  if (!key) return null;
  const overrideKey = `${system.id}/${ind.id}`;
  const decimals = options.decimalsOverride?.[overrideKey] ?? ind.decimals;
  const year = String(period.year);
  const rankBy = options.rankByOverride?.[overrideKey] ?? rankByForYear(ind, year);
  const lastKey = lastYearFigureKey(ind.frequency, period);
  const prevKey = previousFigureKey(ind.frequency, period);
  const usesMilestones = hasMilestones(ind, year);
  const progressFor = (region: string): TimeProgress | null =>
    ind.kind === 'level' || ind.kind === 'count' || usesMilestones
      ? timeProgress(period, milestonesOf(ind, year, region))
      : null;
  const progress = progressFor(TOTAL);
  const get = (k: string | null, region: string) => (k ? lookup(k, system.id, ind.id, region) : undefined);
  const province = valueOf(get(key, PROVINCE));
  const cityValue = valueOf(get(key, TOTAL));

  const rows: RegionResult[] = [TOTAL, ...regions].map((region) => {
    const record = get(key, region);
    const value = valueOf(record);
    const lastYear = valueOf(get(lastKey, region));
    const target = regionTargetOf(ind, region, year);
    const completion = completionFor(ind, value, target, usesMilestones);
    const rowProgress = region === TOTAL ? progress : progressFor(region);
    const aheadPp = completion?.ok && rowProgress ? aheadOfProgress(completion.rate, rowProgress.percent) : null;
    const yoy = yearOnYear(value, lastYear, ind.kind);
    const targetEval =
      target !== null && targetComparableNow(ind, period)
        ? evaluateTarget(value, target, {
            direction: ind.direction,
            kind: ind.kind,
            unit: ind.unit,
            decimals,
            reference: {
              city: typeof cityValue === 'number' ? cityValue : null,
              province: typeof province === 'number' ? province : null,
            },
          })
        : null;
    const rankValue: FigureValue =
      rankBy === 'completion'
        ? completion?.ok
          ? completion.rate
          : value === '/'
            ? '/'
            : null
        : rankBy === 'growth' && ind.kind !== 'growth'
          ? yoy.ok
            ? yoy.value
            : value === '/'
              ? '/'
              : null
          : value;
    return {
      region,
      isTotal: region === TOTAL,
      value,
      ref: `fig:${key}/${system.id}/${ind.id}/${region}`,
      ...(record ? { record } : {}),
      lastYear,
      target,
      targetEval,
      completion,
      timeProgress: rowProgress,
      aheadPp,
      yoy,
      rankValue,
      rank: null,
      tied: false,
      previousRank: null,
      rankChange: null,
      flags: [],
    };
  });

  const rankDecimals = rankBy === 'value' ? decimals : RATE_DECIMALS;
  const direction = rankBy === 'completion' ? 'higher' : ind.direction;
  const districts = rows.filter((r) => !r.isTotal);
  const ranked = rankRegions(
    districts.map((r) => ({ key: r.region, value: r.rankValue })),
    { direction, decimals: rankDecimals },
  );
  const previousRanks = prevKey
    ? previousRanksOf(system, ind, prevKey, regions, lookup, rankBy, rankDecimals, direction)
    : new Map<string, number | null>();
  for (const r of districts) {
    const entry = ranked.find((e) => e.key === r.region);
    r.rank = entry?.rank ?? null;
    r.tied = entry?.tied ?? false;
    r.previousRank = previousRanks.get(r.region) ?? null;
    r.rankChange = rankChange(r.rank, r.previousRank);
  }
  // Province and 全市 are compared on the ranked figure (growth, completion or value); a district's total
  // is never "below 全市" when 全市 is their sum.
  const compared = (r: RegionResult): FigureValue => (rankBy === 'value' ? r.value : r.rankValue);
  const cityRow = rows[0];
  const cityCompared = cityRow && !(rankBy === 'value' && ind.cityIsSumOfRegions) ? compared(cityRow) : null;
  for (const r of rows) {
    r.flags = statusFlags({
      direction,
      decimals: rankDecimals,
      value: compared(r),
      province: r.isTotal && rankBy !== 'completion' && typeof province === 'number' ? province : null,
      city: !r.isTotal && typeof cityCompared === 'number' ? cityCompared : null,
      completionRate: r.completion?.ok ? r.completion.rate : null,
      timeProgress: r.timeProgress?.percent ?? null,
      ...(r.targetEval ? { targetStatus: r.targetEval.status } : {}),
    });
  }
  return {
    systemId: system.id,
    indicator: ind,
    decimals,
    periodKey: key,
    rankBy,
    rankDecimals,
    timeProgress: progress,
    usesMilestones,
    province,
    rows,
  };
}

/** Ranks in the previous reporting period, computed the same way (for 前移/后退). */
function previousRanksOf(
  system: IndicatorSystem,
  ind: Indicator,
  prevKey: string,
  regions: readonly string[],
  lookup: FigureLookup,
  rankBy: RankBy,
  rankDecimals: number,
  direction: 'higher' | 'lower',
): Map<string, number | null> {
  const prevPeriod: Period = prevKey.includes('Q')
    ? { kind: 'quarter', year: Number(prevKey.slice(0, 4)), quarter: Number(prevKey.slice(5)) as 1 | 2 | 3 | 4 }
    : prevKey.length === 4
      ? { kind: 'year', year: Number(prevKey) }
      : { kind: 'month', year: Number(prevKey.slice(0, 4)), month: Number(prevKey.slice(5)) };
  const prevLastYearKey = lastYearFigureKey(ind.frequency, prevPeriod);
  const progressYear = String(prevPeriod.year);
  const prevUsesMilestones = hasMilestones(ind, progressYear);
  const values = regions.map((region) => {
    const value = valueOf(lookup(prevKey, system.id, ind.id, region));
    if (rankBy === 'value') return { key: region, value };
    if (rankBy === 'growth' && ind.kind !== 'growth') {
      const y = yearOnYear(
        value,
        valueOf(prevLastYearKey ? lookup(prevLastYearKey, system.id, ind.id, region) : undefined),
        ind.kind,
      );
      return { key: region, value: y.ok ? y.value : value === '/' ? ('/' as const) : null };
    }
    if (rankBy === 'growth') return { key: region, value };
    const c = completionFor(ind, value, regionTargetOf(ind, region, progressYear), prevUsesMilestones);
    return { key: region, value: c?.ok ? c.rate : null };
  });
  return new Map(rankRegions(values, { direction, decimals: rankDecimals }).map((e) => [e.key, e.rank]));
}
