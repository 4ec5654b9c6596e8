import type { IndicatorResult, RegionResult } from './compute';
import { districtRows, isLagging, verdictOf, type Verdict } from './verdicts';

/**
 * Who is behind, who leads and who has not reported, across the key indicators: the facts 存在问题, 下步工作 and a
 * 通报's 表扬/督促 are drafted from, so they name the same districts for the same reasons.
 */

export interface Shortfall {
  res: IndicatorResult;
  row: RegionResult;
  verdict: Verdict & { kind: 'target' | 'progress' | 'node' };
}

function shortfallOf(res: IndicatorResult, row: RegionResult): Shortfall | null {
  const verdict = verdictOf(res, row);
  if (!isLagging(verdict)) return null;
  return { res, row, verdict: verdict as Shortfall['verdict'] };
}

/** 全市's lagging key indicators, in key-indicator order. */
export function cityShortfalls(results: readonly IndicatorResult[]): Shortfall[] {
  return results.flatMap((res) => {
    const city = res.rows.find((r) => r.isTotal);
    const s = city ? shortfallOf(res, city) : null;
    return s ? [s] : [];
  });
}

/** Each district's lagging indicators, districts in official order. */
export function districtShortfalls(
  results: readonly IndicatorResult[],
  regions: readonly string[],
): Map<string, Shortfall[]> {
  const out = new Map<string, Shortfall[]>(regions.map((r) => [r, []]));
  for (const res of results) {
    for (const row of districtRows(res)) {
      const s = shortfallOf(res, row);
      if (s) out.get(row.region)?.push(s);
    }
  }
  return out;
}

/**
 * The one or two weakest districts: most lagging indicators first, official order among equals; a district
 * with none is never named. Naming only these keeps 存在问题 to the districts that matter.
 */
export function weakestDistricts(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  max = 2,
): { region: string; shortfalls: Shortfall[] }[] {
  const all = [...districtShortfalls(results, regions)]
    .map(([region, shortfalls]) => ({ region, shortfalls }))
    .filter((d) => d.shortfalls.length > 0);
  const sorted = [...all].sort((a, b) => b.shortfalls.length - a.shortfalls.length);
  const cut = sorted.slice(0, max);
  return regions.flatMap((r) => cut.filter((d) => d.region === r));
}

/**
 * Districts with at least one first or second place and nothing behind: no lagging indicator, no missing
 * figure, and not below 全市 on an indicator that compares districts with 全市 only (a plan without district
 * targets), since "无落后指标" would then be untrue. Most places first.
 */
export function leadingDistricts(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  max = 3,
): { region: string; tops: IndicatorResult[] }[] {
  const shortfalls = districtShortfalls(results, regions);
  const missing = new Set(missingFigures(results, regions).map((m) => m.region));
  const candidates = regions
    .filter((r) => (shortfalls.get(r)?.length ?? 0) === 0 && !missing.has(r) && !belowCityOnAny(results, r))
    .map((region) => ({
      region,
      tops: results.filter((res) => {
        const rank = res.rows.find((x) => x.region === region)?.rank;
        return rank !== null && rank !== undefined && rank <= 2;
      }),
    }))
    .filter((d) => d.tops.length > 0);
  const cut = [...candidates].sort((a, b) => b.tops.length - a.tops.length).slice(0, max);
  return regions.flatMap((r) => cut.filter((d) => d.region === r));
}

/** Whether a district is worse than 全市 on a key indicator whose districts are compared with 全市 only. */
function belowCityOnAny(results: readonly IndicatorResult[], region: string): boolean {
  return results.some(
    (res) =>
      !districtsJudged(res) &&
      res.rows.some((r) => r.region === region && !r.isTotal && r.flags.some((f) => f.id === 'belowCity')),
  );
}

/** Districts with key indicators not reported this period, in official order, each with those indicators. */
export function missingFigures(
  results: readonly IndicatorResult[],
  regions: readonly string[],
): { region: string; indicators: IndicatorResult[] }[] {
  return regions.flatMap((region) => {
    const indicators = results.filter((res) => res.rows.find((r) => r.region === region)?.value === null);
    return indicators.length ? [{ region, indicators }] : [];
  });
}

/** True when any region's figure of any key indicator was judged against a target, progress or a node. */
export function anythingJudged(results: readonly IndicatorResult[]): boolean {
  return results.some((res) =>
    res.rows.some((row) => {
      const k = verdictOf(res, row).kind;
      return k === 'target' || k === 'progress' || k === 'node';
    }),
  );
}

/** Whether an indicator's districts are judged against targets, progress or nodes (else only against 全市). */
function districtsJudged(res: IndicatorResult): boolean {
  return districtRows(res).some((row) => {
    const k = verdictOf(res, row).kind;
    return k === 'target' || k === 'progress' || k === 'node';
  });
}

/**
 * Where no district falls short of a target, progress or node of its own (a plan without district targets), the
 * one or two districts most often worse than 全市 on the key indicators that compare them with 全市 only, with
 * at least two such indicators: the districts a 通报 urges to catch up. Official order.
 */
export function belowCityDistricts(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  max = 2,
): { region: string; indicators: IndicatorResult[] }[] {
  if ([...districtShortfalls(results, regions).values()].some((s) => s.length > 0)) return [];
  const compared = results.filter((res) => !districtsJudged(res));
  const all = regions
    .map((region) => ({
      region,
      indicators: compared.filter((res) =>
        res.rows.some((r) => r.region === region && !r.isTotal && r.flags.some((f) => f.id === 'belowCity')),
      ),
    }))
    .filter((d) => d.indicators.length >= 2);
  const cut = [...all].sort((a, b) => b.indicators.length - a.indicators.length).slice(0, max);
  return regions.flatMap((r) => cut.filter((d) => d.region === r));
}
