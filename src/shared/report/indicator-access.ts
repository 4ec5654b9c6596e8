import type { Indicator, IndicatorSystem, Milestone, TargetValue } from '../schemas/indicator-system';

/**
 * The targets and milestones the report reads, for a region and a year. Every reader in src/shared/report goes
 * through these two functions, so a change of the stored shape of indicator systems touches only them.
 *
 * A district target (byRegion) holds only for the year the system decomposed (regionTargetYear, else its only
 * year); milestones hold for the system's years. Another year has none: a 2026 report never judges districts
 * against 2023's decomposition.
 */

const TOTAL = '全市';

function decompositionYear(system: IndicatorSystem): string | undefined {
  return system.regionTargetYear ?? (system.years.length === 1 ? system.years[0] : undefined);
}

/** The target of a region (全市 or a district) in a year, or null when the year has none for it. */
export function targetForRegion(
  system: IndicatorSystem,
  ind: Indicator,
  region: string,
  year: string,
): TargetValue | null {
  const decomposed = decompositionYear(system) === year ? ind.byRegion : undefined;
  if (region === TOTAL) return ind.targets[year] ?? decomposed?.[TOTAL] ?? null;
  return decomposed?.[region] ?? null;
}

/** The milestones (节点) of an indicator that apply to a region in a year; empty when none. */
export function milestonesForRegion(
  system: IndicatorSystem,
  ind: Indicator,
  year: string,
  _region?: string,
): readonly Milestone[] {
  if (!ind.milestones?.length) return [];
  return system.years.includes(year) ? ind.milestones : [];
}
