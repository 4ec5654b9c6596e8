import { parsePeriod, type Period } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import type { FigureTable } from '../../../shared/schemas/figures';
import type { Frequency, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { FigureLookup } from '../../../shared/report/compute';
import { figureKeyFor, lastYearFigureKey, previousFigureKey } from '../../../shared/report/figure-keys';
import { seriesKeys } from '../../../shared/report/series';
import type { Workspace } from '../storage/workspace';

function keyToPeriod(key: string): Period {
  return parsePeriod(key);
}

/**
 * Every storage key a computation for `period` reads: this period, last year, the previous period and its last
 * year; with `wholeYears`, every month or quarter of this year and last (a report's trend and 当月).
 */
export function keysNeeded(period: Period, frequencies: Iterable<Frequency>, wholeYears = false): string[] {
  const keys = new Set<string>();
  for (const f of frequencies) {
    if (wholeYears) for (const y of [period.year, period.year - 1]) for (const k of seriesKeys(f, y)) keys.add(k);
    const current = figureKeyFor(f, period);
    if (!current) continue;
    keys.add(current);
    const last = lastYearFigureKey(f, period);
    if (last) keys.add(last);
    const prev = previousFigureKey(f, period);
    if (prev) {
      keys.add(prev);
      const prevLast = lastYearFigureKey(f, keyToPeriod(prev));
      if (prevLast) keys.add(prevLast);
    }
  }
  return [...keys];
}

export interface LoadedFigures {
  lookup: FigureLookup;
  /** Periods whose files are damaged, with the message, so documents are not made from them silently. */
  damaged: { period: string; message: string }[];
}

/** Loads the period files a computation needs and returns a lookup over them. */
export async function loadFigures(
  ws: Workspace,
  period: Period,
  systems: IndicatorSystem[],
  options: { wholeYears?: boolean } = {},
): Promise<LoadedFigures> {
  const frequencies = new Set(systems.flatMap((s) => s.indicators.map((i) => i.frequency)));
  const keys = keysNeeded(period, frequencies, options.wholeYears);
  const tables = new Map<string, FigureTable>();
  const damaged: LoadedFigures['damaged'] = [];
  for (const key of keys) {
    const view = await ws.figures.get(key);
    tables.set(key, view.figures);
    if (view.damage) damaged.push({ period: key, message: `${view.damage.file}：${view.damage.message}` });
  }
  return { lookup: (key, s, i, r) => tables.get(key)?.[s]?.[i]?.[r], damaged };
}

export function parsePeriodOrThrow(text: string): Period {
  try {
    return parsePeriod(text);
  } catch (err) {
    throw new AppError('BAD_INPUT', err instanceof Error ? err.message : String(err));
  }
}
