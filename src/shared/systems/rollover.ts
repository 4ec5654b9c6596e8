import { AppError } from '../errors';
import type { Indicator, IndicatorSystem } from '../schemas/indicator-system';
import { activeIndicators, normalizeSystem } from './accessors';

/**
 * 新建下一年度: a copy of a system for a later year. Indicators (in use), categories, districts and
 * milestones are kept, the new year's targets and district targets are left to fill; targets the plan
 * already sets for that year or later stay, being the plan's own. The copy links to the old system, so
 * last year's figures, 同比 and trends carry across.
 */

/** hz-mfg-cluster-regional-2023 → hz-mfg-cluster-regional-2027; an id without a year gets one. */
export function rolloverId(id: string, toYear: string, taken: ReadonlySet<string>): string {
  const base = /-\d{4}$/.test(id) ? id.replace(/-\d{4}$/, `-${toYear}`) : `${id}-${toYear}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** "2023年目标体系表" → "2027年目标体系表"; a title without the old year gets "（2027年）". */
export function rolloverTitle(title: string, fromYear: string | undefined, toYear: string): string {
  if (fromYear && title.includes(`${fromYear}年`)) return title.split(`${fromYear}年`).join(`${toYear}年`);
  return title.includes(`${toYear}年`) ? title : `${title}（${toYear}年）`;
}

function latestBefore<V>(record: Record<string, V>, year: string): V | undefined {
  const key = Object.keys(record)
    .filter((y) => y < year)
    .sort()
    .pop();
  return key === undefined ? undefined : record[key];
}

function fromYearOn<V>(record: Record<string, V>, year: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).filter(([y]) => y >= year));
}

function rolloverIndicator(ind: Indicator, toYear: string): Indicator {
  const milestones = fromYearOn(ind.milestones, toYear);
  const carried = latestBefore(ind.milestones, toYear);
  if (!milestones[toYear] && carried) milestones[toYear] = carried;
  const regionMilestones = fromYearOn(ind.regionMilestones, toYear);
  const carriedOverrides = latestBefore(ind.regionMilestones, toYear);
  if (!regionMilestones[toYear] && carriedOverrides) regionMilestones[toYear] = carriedOverrides;
  const { previousId: _previousId, ...rest } = ind;
  return {
    ...rest,
    targets: fromYearOn(ind.targets, toYear),
    regionTargets: fromYearOn(ind.regionTargets, toYear),
    milestones,
    regionMilestones,
  };
}

/** The new year's system; `taken` holds the workspace's system ids. */
export function rolloverSystem(system: IndicatorSystem, toYear: string, taken: ReadonlySet<string>): IndicatorSystem {
  const fromYear = system.year;
  if (fromYear && toYear <= fromYear)
    throw new AppError('BAD_INPUT', `“${system.title}”是 ${fromYear} 年度的体系，下一年度应晚于 ${fromYear} 年。`);
  const kept = new Set(activeIndicators(system).map((i) => i.id));
  const indicators = activeIndicators(system)
    .map((ind) => rolloverIndicator(ind, toYear))
    // A 其中 row whose parent was archived becomes a row of its own.
    .map((ind) => (ind.parent && !kept.has(ind.parent) ? (({ parent: _p, ...rest }) => rest)(ind) : ind));
  const next: IndicatorSystem = {
    ...system,
    id: rolloverId(system.id, toYear, taken),
    title: rolloverTitle(system.title, fromYear ?? system.years.filter((y) => y < toYear).pop(), toYear),
    year: toYear,
    previous: { systemId: system.id },
    indicators,
  };
  return normalizeSystem(next);
}
