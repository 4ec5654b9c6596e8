import type { FigureRecord, FigureTable } from '../schemas/figures';
import type { IndicatorSystem } from '../schemas/indicator-system';

/**
 * District renames. Figures stay stored under the name they were entered with; the workspace keeps the
 * earlier names of each district (workspace.json `regionFormerNames`, latest first) and every reader sees
 * them under the current name.
 */
export type FormerNames = Readonly<Record<string, readonly string[]>>;

/** Earlier name → current name. */
export function currentNameMap(former: FormerNames): Map<string, string> {
  const map = new Map<string, string>();
  for (const [current, names] of Object.entries(former)) for (const n of names) map.set(n, current);
  return map;
}

/** The names a district's figures may be stored under: its current name first, then its earlier ones. */
export function storedNamesOf(region: string, former: FormerNames): string[] {
  return [region, ...(former[region] ?? [])];
}

/**
 * A period's figures with every district under its current name. A figure stored under an earlier name
 * is shown as the district's unless one was stored under the current name too (that one is newer).
 */
export function withCurrentRegionNames(table: FigureTable, former: FormerNames): FigureTable {
  const current = currentNameMap(former);
  if (current.size === 0) return table;
  const out: FigureTable = {};
  for (const [systemId, bySystem] of Object.entries(table)) {
    const sys: Record<string, Record<string, FigureRecord>> = {};
    for (const [indicatorId, byRegion] of Object.entries(bySystem)) {
      const cells: Record<string, FigureRecord> = {};
      const names = new Set(Object.keys(byRegion).map((r) => current.get(r) ?? r));
      for (const name of names) {
        const stored = storedNamesOf(name, former).find((n) => byRegion[n] !== undefined);
        if (stored) cells[name] = byRegion[stored]!;
      }
      sys[indicatorId] = cells;
    }
    out[systemId] = sys;
  }
  return out;
}

/** A system with one district renamed everywhere it is named: its regions, district targets and milestones. */
export function renameRegionInSystem(system: IndicatorSystem, from: string, to: string): IndicatorSystem {
  if (!system.regions.includes(from)) return system;
  const rename = <V>(record: Record<string, V>): Record<string, V> =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
  return {
    ...system,
    regions: system.regions.map((r) => (r === from ? to : r)),
    indicators: system.indicators.map((ind) => ({
      ...ind,
      regionTargets: Object.fromEntries(Object.entries(ind.regionTargets).map(([y, r]) => [y, rename(r)])),
      regionMilestones: Object.fromEntries(Object.entries(ind.regionMilestones).map(([y, r]) => [y, rename(r)])),
    })),
  };
}

/**
 * A system with every earlier district name replaced by the current one: repairs a system file that a
 * rename did not reach (the program stopped between writing workspace.json and the system files).
 */
export function withCurrentRegionNamesInSystem(system: IndicatorSystem, former: FormerNames): IndicatorSystem {
  let out = system;
  for (const [old, current] of currentNameMap(former)) out = renameRegionInSystem(out, old, current);
  return out;
}
