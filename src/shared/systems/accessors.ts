import type { Indicator, IndicatorSystem, Milestone, TargetValue } from '../schemas/indicator-system';

/**
 * The one way to read targets, district targets and milestones of an indicator for a year. Every reader
 * (calculations, tables, narrative, forms, entry hints, command line) goes through these functions, so the
 * stored shape (docs/indicator-system-format.md) can change without touching them.
 */

export const TOTAL_REGION = '全市';
/** The province average is a reference figure, never a task: it has no target. */
export const PROVINCE_REGION = '全省';

/** The year's target for the whole system (全市), or null when none is set. */
export function cityTargetOf(ind: Indicator, year: string): TargetValue | null {
  return ind.targets[year] ?? null;
}

/**
 * The target of one region in a year: 全市 gets the system's target; a district its 区县分解目标, or null
 * when the year has none for it (a district never silently inherits the city's target).
 */
export function regionTargetOf(ind: Indicator, region: string, year: string): TargetValue | null {
  if (region === TOTAL_REGION) return cityTargetOf(ind, year);
  if (region === PROVINCE_REGION) return null;
  return ind.regionTargets[year]?.[region] ?? null;
}

/** The district targets of a year, by district (全市 excluded); empty when the year is not decomposed. */
export function regionTargetsOf(ind: Indicator, year: string): Readonly<Record<string, TargetValue>> {
  return ind.regionTargets[year] ?? {};
}

/** Whether the year's target is decomposed to districts at all (then every district has its own or none). */
export function hasRegionTargets(ind: Indicator, year: string): boolean {
  return Object.keys(ind.regionTargets[year] ?? {}).length > 0;
}

/** The target that applies to a cell: the district's own, else (for districts) the system's as a guide. */
export function applicableTargetOf(
  ind: Indicator,
  region: string,
  year: string,
): { target: TargetValue; scope: 'region' | 'system' } | null {
  if (region === PROVINCE_REGION) return null;
  const own = region === TOTAL_REGION ? null : regionTargetOf(ind, region, year);
  if (own !== null) return { target: own, scope: 'region' };
  const city = cityTargetOf(ind, year);
  return city === null ? null : { target: city, scope: 'system' };
}

/**
 * The milestones (节点) that apply to a region in a year: the district's own list when it has one, else the
 * year's list; empty when the year has none (time progress then runs by months).
 */
export function milestonesOf(ind: Indicator, year: string, region?: string): readonly Milestone[] {
  if (region && region !== TOTAL_REGION) {
    const own = ind.regionMilestones[year]?.[region];
    if (own) return own;
  }
  return ind.milestones[year] ?? [];
}

/** Whether any region of the year runs on milestones (the tables then say 进度 rather than 完成率). */
export function hasMilestones(ind: Indicator, year: string): boolean {
  if ((ind.milestones[year]?.length ?? 0) > 0) return true;
  return Object.values(ind.regionMilestones[year] ?? {}).some((list) => list.length > 0);
}

/** The districts of a year with milestones of their own. */
export function milestoneOverridesOf(ind: Indicator, year: string): Readonly<Record<string, readonly Milestone[]>> {
  return ind.regionMilestones[year] ?? {};
}

export function isArchived(ind: Indicator): boolean {
  return ind.archived !== undefined;
}

/** The indicators in use, in table order: archived ones keep their figures but are shown nowhere. */
export function activeIndicators(system: IndicatorSystem): Indicator[] {
  return system.indicators.filter((ind) => !isArchived(ind));
}

/** An indicator in use, or undefined when unknown or archived. */
export function activeIndicator(system: IndicatorSystem, id: string): Indicator | undefined {
  const ind = system.indicators.find((i) => i.id === id);
  return ind && !isArchived(ind) ? ind : undefined;
}

/** The years an indicator holds anything for: targets, district targets, milestones. */
export function indicatorYears(ind: Indicator): string[] {
  const years = new Set<string>([
    ...Object.keys(ind.targets),
    ...Object.entries(ind.regionTargets)
      .filter(([, t]) => Object.keys(t).length > 0)
      .map(([y]) => y),
    ...Object.entries(ind.milestones)
      .filter(([, m]) => m.length > 0)
      .map(([y]) => y),
    ...Object.entries(ind.regionMilestones)
      .filter(([, m]) => Object.keys(m).length > 0)
      .map(([y]) => y),
  ]);
  return [...years].sort();
}

/** A system's years follow its targets: every year any indicator holds something for, plus its own year. */
export function systemYears(system: Pick<IndicatorSystem, 'indicators' | 'year'>): string[] {
  const years = new Set<string>(system.year ? [system.year] : []);
  for (const ind of system.indicators) for (const y of indicatorYears(ind)) years.add(y);
  return [...years].sort();
}

/**
 * The stored form of a system after any change: `years` recomputed, empty per-year entries dropped, so two
 * equal systems serialise alike and a year with nothing left disappears from `years`.
 */
export function normalizeSystem<S extends IndicatorSystem>(system: S): S {
  const indicators = system.indicators.map((ind) => ({
    ...ind,
    regionTargets: dropEmpty(ind.regionTargets, (t) => Object.keys(t).length === 0),
    milestones: dropEmpty(ind.milestones, (m) => m.length === 0),
    regionMilestones: dropEmpty(ind.regionMilestones, (m) => Object.keys(m).length === 0),
  }));
  const next = { ...system, indicators };
  return { ...next, years: systemYears(next) };
}

function dropEmpty<V>(record: Record<string, V>, isEmpty: (v: V) => boolean): Record<string, V> {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => !isEmpty(v))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
