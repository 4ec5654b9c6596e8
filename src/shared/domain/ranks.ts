import type { FigureValue } from '../schemas/figure';
import type { Direction } from '../schemas/indicator-system';
import { roundHalfUp } from './rounding';

/**
 * 位次 of districts for one indicator.
 * - Each value is rounded to the published precision first, then compared, so two districts printed with
 *   the same figure share a rank and two printed differently never do.
 * - Competition ranking (1, 2, 2, 4), as Excel RANK.EQ: a district's rank is 1 + the number of districts
 *   with a strictly better rounded value. Higher is better unless the direction is 'lower'.
 * - Missing (null) and not applicable ('/') are not ranked: rank null, printed "—".
 * - 全市 is shown in tables but never ranked: passing it is a programming error and throws.
 */

export interface RankEntry {
  key: string;
  value: FigureValue;
}

export interface RankOptions {
  direction: Direction;
  /** Published precision of the ranked figure. */
  decimals: number;
}

export interface RankedEntry {
  key: string;
  value: FigureValue;
  /** The value at the published precision; null when not ranked. */
  roundedValue: number | null;
  rank: number | null;
  /** True when another district shares the rank (并列). */
  tied: boolean;
}

/** The city total's row name; it is never ranked with the districts. */
export const CITY_ROW = '全市';

/** Throws when the city row is among the entries to rank. */
export function assertNoCityRow(keys: readonly string[]): void {
  if (keys.some((k) => k.trim() === CITY_ROW)) {
    throw new Error('“全市”不参与区县排名，请在排名前将其排除');
  }
}

/** Ranks the entries; results come back in the input order. */
export function rankRegions(entries: readonly RankEntry[], options: RankOptions): RankedEntry[] {
  const keys = entries.map((e) => e.key);
  assertNoCityRow(keys);
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`排名对象“${k}”重复出现`);
    seen.add(k);
  }
  const better = options.direction === 'higher' ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const rounded = entries.map((e) => (typeof e.value === 'number' ? roundHalfUp(e.value, options.decimals) : null));
  const present = rounded.filter((v): v is number => v !== null);
  return entries.map((e, i) => {
    const mine = rounded[i] ?? null;
    if (mine === null) return { key: e.key, value: e.value, roundedValue: null, rank: null, tied: false };
    let strictlyBetter = 0;
    let equal = 0;
    for (const other of present) {
      if (better(other, mine)) strictlyBetter += 1;
      else if (other === mine) equal += 1;
    }
    return { key: e.key, value: e.value, roundedValue: mine, rank: strictlyBetter + 1, tied: equal > 1 };
  });
}

/** Change of rank since the previous period; positive = moved up (前移). Null when either is unranked. */
export function rankChange(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null) return null;
  return previous - current;
}
