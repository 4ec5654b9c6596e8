import type { FigureRecord } from '../schemas/figures';
import type { Indicator, IndicatorSystem } from '../schemas/indicator-system';

/**
 * Systems across years. 新建下一年度 makes a copy of a system for the next year (`year`) that links to the
 * old one (`previous`); the workspace keeps both. Periods of a year use the system serving that year, and
 * figures of another year (同比, trends, last year's column) are looked up in the system that served it.
 */

type Linked = Pick<IndicatorSystem, 'id' | 'year' | 'previous'>;

function yearOf(system: Linked): number | null {
  return system.year ? Number(system.year) : null;
}

function previousOf<S extends Linked>(systems: readonly S[], system: S): S | undefined {
  const id = system.previous?.systemId;
  return id ? systems.find((s) => s.id === id) : undefined;
}

/** The successors of a system (systems made from it by 新建下一年度), latest year first. */
function successorsOf<S extends Linked>(systems: readonly S[], system: S): S[] {
  return systems
    .filter((s) => s.previous?.systemId === system.id && yearOf(s) !== null)
    .sort((a, b) => (yearOf(b) ?? 0) - (yearOf(a) ?? 0));
}

/**
 * Whether a system serves the periods of a year: not when a successor has taken over by then, nor before
 * its own year when it has a predecessor (the first of a line also serves the years before it).
 */
export function servesYear<S extends Linked>(systems: readonly S[], system: S, year: number): boolean {
  const own = yearOf(system);
  if (own !== null && own > year && previousOf(systems, system)) return false;
  return !successorsOf(systems, system).some((s) => (yearOf(s) ?? Infinity) <= year);
}

/** The systems serving a year's periods, in the order given. */
export function systemsForYear<S extends Linked>(systems: readonly S[], year: number): S[] {
  return systems.filter((s) => servesYear(systems, s, year));
}

/** The system of the same line that serves a year (the system itself when it does). */
export function systemServing<S extends Linked>(systems: readonly S[], system: S, year: number): S {
  let current = system;
  const seen = new Set<string>();
  while (!seen.has(current.id)) {
    seen.add(current.id);
    const own = yearOf(current);
    const previous = previousOf(systems, current);
    if (own !== null && own > year && previous) {
      current = previous;
      continue;
    }
    const next = successorsOf(systems, current).find((s) => (yearOf(s) ?? Infinity) <= year);
    if (next) {
      current = next;
      continue;
    }
    break;
  }
  return current;
}

/** An indicator's counterpart in the next system of the line: the one naming it as `previousId`, else the same id. */
function forward(next: IndicatorSystem, indicatorId: string): Indicator | undefined {
  return (
    next.indicators.find((i) => i.previousId === indicatorId) ??
    next.indicators.find((i) => i.id === indicatorId && i.previousId === undefined)
  );
}

/** An indicator's counterpart in the previous system of the line. */
function backward(previous: IndicatorSystem, ind: Indicator): Indicator | undefined {
  return previous.indicators.find((i) => i.id === (ind.previousId ?? ind.id));
}

/**
 * The system and indicator that stand for (systemId, indicatorId) in a year: the ranking settings name
 * an indicator once, and a 2027 report uses its 2027 copy. Undefined when the line has no counterpart.
 */
export function indicatorForYear(
  systems: readonly IndicatorSystem[],
  systemId: string,
  indicatorId: string,
  year: number,
): { system: IndicatorSystem; indicator: Indicator } | undefined {
  let system = systems.find((s) => s.id === systemId);
  let indicator = system?.indicators.find((i) => i.id === indicatorId);
  if (!system || !indicator) return undefined;
  const target = systemServing(systems, system, year);
  const seen = new Set<string>();
  while (system.id !== target.id && !seen.has(system.id)) {
    seen.add(system.id);
    const own = yearOf(system);
    const previous: IndicatorSystem | undefined = previousOf(systems, system);
    let next: IndicatorSystem | undefined;
    let ind: Indicator | undefined;
    if (own !== null && own > year && previous) {
      next = previous;
      ind = backward(previous, indicator);
    } else {
      next = successorsOf(systems, system).find((s) => (yearOf(s) ?? Infinity) <= year);
      ind = next ? forward(next, indicator.id) : undefined;
    }
    if (!next || !ind) return undefined;
    system = next;
    indicator = ind;
  }
  return { system, indicator };
}

type Lookup = (periodKey: string, systemId: string, indicatorId: string, region: string) => FigureRecord | undefined;

/**
 * A figure lookup that follows the line: a figure of another year is read from the system that served
 * that year (2026 figures of a 2027 system are stored under its 2026 predecessor), else under the ids asked.
 */
export function lineageLookup(lookup: Lookup, systems: readonly IndicatorSystem[]): Lookup {
  return (periodKey, systemId, indicatorId, region) => {
    const year = Number(periodKey.slice(0, 4));
    const serving = indicatorForYear(systems, systemId, indicatorId, year);
    if (serving && serving.system.id !== systemId) {
      const found = lookup(periodKey, serving.system.id, serving.indicator.id, region);
      if (found) return found;
    }
    return lookup(periodKey, systemId, indicatorId, region);
  };
}

/** The line of a system, oldest first (its predecessors, itself, and the successors of the latest). */
export function lineOf<S extends Linked>(systems: readonly S[], system: S): S[] {
  const before: S[] = [];
  const seen = new Set<string>([system.id]);
  for (let p = previousOf(systems, system); p && !seen.has(p.id); p = previousOf(systems, p)) {
    seen.add(p.id);
    before.unshift(p);
  }
  const after: S[] = [];
  for (let n = successorsOf(systems, system).at(-1); n && !seen.has(n.id); n = successorsOf(systems, n).at(-1)) {
    seen.add(n.id);
    after.push(n);
  }
  return [...before, system, ...after];
}

/** A reference to an indicator (ranking settings, weights) moved to its counterpart serving a year. */
export function refForYear<R extends { systemId: string; indicatorId: string }>(
  ref: R,
  systems: readonly IndicatorSystem[],
  year: number,
): R {
  const found = indicatorForYear(systems, ref.systemId, ref.indicatorId, year);
  return found ? { ...ref, systemId: found.system.id, indicatorId: found.indicator.id } : ref;
}

/** The link fields of a system summary (SystemSummary names its predecessor by id). */
export function linkOf(summary: { id: string; year?: string; previousId?: string }): Linked {
  return {
    id: summary.id,
    ...(summary.year ? { year: summary.year } : {}),
    ...(summary.previousId ? { previous: { systemId: summary.previousId } } : {}),
  };
}

/**
 * A period's figures of one system as its indicators see them, following the line: for a year another
 * system of the line served (last year's column of a 2027 system), its counterparts' figures.
 */
export function lineRecords(
  table: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, FigureRecord>>>>>>,
  systems: readonly IndicatorSystem[],
  system: IndicatorSystem,
  year: number,
): Record<string, Record<string, FigureRecord>> {
  const out: Record<string, Record<string, FigureRecord>> = {};
  for (const ind of system.indicators) {
    const found = indicatorForYear(systems, system.id, ind.id, year);
    const stored =
      (found && found.system.id !== system.id ? table[found.system.id]?.[found.indicator.id] : undefined) ??
      table[system.id]?.[ind.id];
    if (stored) out[ind.id] = { ...stored };
  }
  return out;
}
