import type { FigureValue } from '../schemas/figure';
import type { Direction } from '../schemas/indicator-system';
import { compositeRuleText } from './composite-rule';
import { rankRegions } from './ranks';
import { roundHalfUp } from './rounding';

/**
 * 赛马 composite score: several indicators with weights give each district a score and an overall rank.
 *
 * Rules (the table's note states the one used, from compositeRuleText):
 * - 'rankPoints': per indicator, the districts are ranked (published precision, direction-aware,
 *   competition ranking); with n districts ranked on that indicator, rank r earns n − r + 1 points, tied
 *   districts earn the points of their shared rank, and a district not ranked (missing or '/') earns 0.
 * - 'normalized': per indicator, min–max over the ranked districts' published values to 0–100 (the best
 *   value 100, the worst 0, lower-is-better reversed); when all ranked values are equal, each earns 100.
 *   A missing or '/' value earns 0 — the same rule as rank points; weights are not re-normalised, so a
 *   district never gains by not reporting.
 * The score is the weighted sum of indicator points. The overall rank is a competition ranking of the
 * score rounded to 2 decimals (equal rounded scores share a rank).
 */

export type CompositeRule = 'rankPoints' | 'normalized';

export interface CompositeIndicator {
  indicatorId: string;
  name: string;
  /** Positive weight; any scale (0.3, 30). */
  weight: number;
  direction: Direction;
  /** Published precision of the compared figure. */
  decimals: number;
  /** Which figure is compared: the value, the growth rate or the completion rate. */
  basis: 'value' | 'growth' | 'completion';
}

export interface CompositeInput {
  rule: CompositeRule;
  indicators: readonly CompositeIndicator[];
  /** District names in official order (全市 excluded). */
  regions: readonly string[];
  /** values[indicatorId][region]; an absent entry counts as missing. */
  values: Readonly<Record<string, Readonly<Record<string, FigureValue>>>>;
}

export interface IndicatorPoints {
  indicatorId: string;
  rank: number | null;
  /** Points before weighting. */
  points: number;
}

export interface CompositeRow {
  region: string;
  /** Unrounded weighted sum. */
  score: number;
  /** Score rounded to 2 decimals, as printed and ranked. */
  scoreRounded: number;
  rank: number;
  tied: boolean;
  perIndicator: IndicatorPoints[];
}

export interface CompositeResult {
  /** In the order of `regions`. */
  rows: CompositeRow[];
  /** The rule in Chinese words, for the table's note. */
  ruleText: string;
}

export const SCORE_DECIMALS = 2;

function validate(input: CompositeInput): void {
  if (input.indicators.length === 0) throw new Error('综合评价至少需要一项指标');
  if (input.regions.length === 0) throw new Error('综合评价至少需要一个区县');
  const ids = new Set<string>();
  for (const ind of input.indicators) {
    if (!(ind.weight > 0) || !Number.isFinite(ind.weight)) throw new Error(`指标“${ind.name}”的权重应为正数`);
    if (ids.has(ind.indicatorId)) throw new Error(`指标“${ind.name}”重复出现`);
    ids.add(ind.indicatorId);
  }
}

function pointsFor(
  input: CompositeInput,
  ind: CompositeIndicator,
): { points: Map<string, IndicatorPoints>; ranked: number } {
  const column = input.values[ind.indicatorId] ?? {};
  const ranked = rankRegions(
    input.regions.map((key) => ({ key, value: column[key] ?? null })),
    { direction: ind.direction, decimals: ind.decimals },
  );
  const present = ranked.filter((r) => r.roundedValue !== null).map((r) => r.roundedValue as number);
  const n = present.length;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const points = new Map<string, IndicatorPoints>();
  for (const r of ranked) {
    let p = 0;
    if (r.rank !== null && r.roundedValue !== null) {
      if (input.rule === 'rankPoints') p = n - r.rank + 1;
      else if (max === min) p = 100;
      else p = ((ind.direction === 'higher' ? r.roundedValue - min : max - r.roundedValue) / (max - min)) * 100;
    }
    points.set(r.key, { indicatorId: ind.indicatorId, rank: r.rank, points: p });
  }
  return { points, ranked: n };
}

/** Scores and ranks the districts. */
export function compositeScores(input: CompositeInput): CompositeResult {
  validate(input);
  const perIndicator = input.indicators.map((ind) => ({ ind, ...pointsFor(input, ind) }));
  const partial = input.regions.map((region) => {
    const parts = perIndicator.map(
      ({ ind, points }) => points.get(region) ?? { indicatorId: ind.indicatorId, rank: null, points: 0 },
    );
    const score = perIndicator.reduce((sum, { ind }, i) => sum + ind.weight * (parts[i]?.points ?? 0), 0);
    return { region, score, scoreRounded: roundHalfUp(score, SCORE_DECIMALS), perIndicator: parts };
  });
  const overall = rankRegions(
    partial.map((p) => ({ key: p.region, value: p.scoreRounded })),
    { direction: 'higher', decimals: SCORE_DECIMALS },
  );
  const rows = partial.map((p, i) => {
    const o = overall[i];
    return { ...p, rank: o?.rank ?? 0, tied: o?.tied ?? false };
  });
  const ruleText = compositeRuleText(
    input.rule,
    input.indicators,
    perIndicator.map((p) => p.ranked),
  );
  return { rows, ruleText };
}
