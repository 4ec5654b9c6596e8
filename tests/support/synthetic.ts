import { join } from 'node:path';
import { createRandom, between } from '../../src/main/services/sample/prng';
import { Workspace } from '../../src/main/services/storage/workspace';
import { PROVINCE_REGION } from '../../src/main/services/storage/workspace';
import { parseTarget } from '../../src/shared/domain/targets';
import type { FigureChangeInput } from '../../src/shared/schemas/figures';
import type { Indicator, IndicatorSystem } from '../../src/shared/schemas/indicator-system';
import { milestonesOf, regionTargetOf } from '../../src/shared/systems/accessors';
import { context, tempDir } from './workspace';

/**
 * A workspace of any shipped system with synthetic figures (示例数据) for a year and the year before: every
 * monthly, quarterly and annual indicator, every district and 全市, shaped like the sample (districts with a
 * temperament ahead of or behind the time progress), plus one figure left unreported and one tie at the period
 * reported on. Nothing here is a real statistic.
 */

export interface SyntheticOptions {
  system: IndicatorSystem;
  /** The year reported on; figures exist for it up to `lastMonth` and for the whole year before. */
  year: number;
  lastMonth: number;
  seed?: number;
  /** This many due indicators as key indicators (tables with many columns); else the workspace default. */
  keyIndicators?: number;
  name?: string;
}

type Period = { key: string; year: number; months: number };

function periodsOf(frequency: Indicator['frequency'], year: number, lastMonth: number): Period[] {
  const out: Period[] = [];
  for (const y of [year - 1, year]) {
    const last = y === year ? lastMonth : 12;
    if (frequency === 'monthly')
      for (let m = 1; m <= last; m++) out.push({ key: `${y}-${String(m).padStart(2, '0')}`, year: y, months: m });
    else if (frequency === 'quarterly')
      for (let q = 1; q * 3 <= last; q++) out.push({ key: `${y}Q${q}`, year: y, months: q * 3 });
    else if (last === 12) out.push({ key: String(y), year: y, months: 12 });
  }
  return out;
}

/** A number the target states, or a plausible stand-in for the kind when it states none. */
function baseOf(ind: Indicator, region: string, year: string): number {
  const t = regionTargetOf(ind, region, year) ?? regionTargetOf(ind, '全市', year);
  if (typeof t === 'number' && t > 0) return t;
  if (typeof t === 'string') {
    const parsed = parseTarget(t, { direction: ind.direction, kind: ind.kind, unit: ind.unit });
    if ('value' in parsed && typeof parsed.value === 'number' && parsed.value > 0) return parsed.value;
  }
  switch (ind.kind) {
    case 'growth':
      return 6;
    case 'share':
      return ind.unit === '‰' ? 12 : ind.unit === '个百分点' ? 1.5 : 40;
    case 'count':
      return 80;
    case 'perUnit':
      return 25;
    case 'level':
      return 300;
  }
}

function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

export function syntheticFigures(options: SyntheticOptions, regions: string[]): Map<string, FigureChangeInput[]> {
  const { system, year, lastMonth } = options;
  const random = createRandom(options.seed ?? 20260501);
  const pace = new Map(regions.map((r) => [r, between(random, 0.82, 1.2)]));
  const byPeriod = new Map<string, FigureChangeInput[]>();
  const put = (c: FigureChangeInput, key: string) => {
    const list = byPeriod.get(key) ?? [];
    list.push(c);
    byPeriod.set(key, list);
  };
  for (const ind of system.indicators) {
    for (const p of periodsOf(ind.frequency, year, lastMonth)) {
      const values = new Map<string, number>();
      for (const region of regions) {
        const base = baseOf(ind, region, String(year));
        const k = pace.get(region) ?? 1;
        const lastYear = p.year < year ? 0.93 : 1;
        const milestones = milestonesOf(ind, String(year), region);
        const due = milestones.find((m) => m.period === `Q${p.months / 3}`)?.percent;
        let v: number;
        if (ind.kind === 'growth') v = base + (k - 1) * 8 + between(random, -0.8, 0.8) - (p.year < year ? 0.6 : 0);
        else if (due !== undefined) v = Math.min(100, due * k * between(random, 0.94, 1.04));
        else if (ind.ytd && (ind.kind === 'level' || ind.kind === 'count'))
          v = (base / (regions.length || 1)) * (p.months / 12) * k * lastYear * between(random, 0.97, 1.03) * 1.1;
        else v = base * (0.9 + 0.12 * k) * lastYear * between(random, 0.98, 1.02);
        if (ind.kind === 'share' && ind.unit === '%') v = Math.min(v, 100);
        values.set(
          region,
          round(ind.kind === 'count' ? Math.round(v) : Math.max(v, ind.kind === 'growth' ? -50 : 0), ind.decimals),
        );
      }
      const numbers = [...values.values()];
      const additive = ind.cityIsSumOfRegions || (ind.ytd && (ind.kind === 'level' || ind.kind === 'count'));
      const city = additive
        ? numbers.reduce((a, b) => a + b, 0)
        : numbers.reduce((a, b) => a + b, 0) / numbers.length + between(random, -0.3, 0.3);
      values.set('全市', round(Math.max(city, ind.kind === 'growth' ? -50 : 0), ind.decimals));
      for (const [region, value] of values) put({ systemId: system.id, indicatorId: ind.id, region, value }, p.key);
      if (ind.kind === 'growth')
        put(
          {
            systemId: system.id,
            indicatorId: ind.id,
            region: PROVINCE_REGION,
            value: round(city - between(random, -0.4, 1.2), 1),
          },
          p.key,
        );
    }
  }
  markSpecialCases(byPeriod, system, regions, year, lastMonth);
  return byPeriod;
}

/** At the period reported on: one district leaves its first monthly indicator unreported, two districts tie. */
function markSpecialCases(
  byPeriod: Map<string, FigureChangeInput[]>,
  system: IndicatorSystem,
  regions: string[],
  year: number,
  lastMonth: number,
): void {
  const current = byPeriod.get(`${year}-${String(lastMonth).padStart(2, '0')}`) ?? [];
  const monthly = system.indicators.filter((i) => i.frequency === 'monthly');
  const first = monthly[0];
  const second = monthly[1] ?? monthly[0];
  const [a, b, c] = [regions[1], regions[2], regions[regions.length - 1]];
  if (first && c) {
    const cell = current.find((x) => x.indicatorId === first.id && x.region === c);
    if (cell) cell.value = null;
  }
  if (second && a && b) {
    const x = current.find((v) => v.indicatorId === second.id && v.region === a);
    const y = current.find((v) => v.indicatorId === second.id && v.region === b);
    if (x && y) y.value = x.value;
    // A 全市 that is the districts' sum stays their sum, or 审核 (SH01) would rightly hold the export back.
    const city = current.find((v) => v.indicatorId === second.id && v.region === '全市');
    const districts = current.filter((v) => v.indicatorId === second.id && regions.includes(v.region));
    // With a district unreported there is no sum to keep (and 审核 does not ask for one).
    if (second.cityIsSumOfRegions && city && districts.every((v) => typeof v.value === 'number')) {
      city.value = round(
        districts.reduce((sum, v) => sum + (v.value as number), 0),
        second.decimals,
      );
    }
  }
}

/** Creates the workspace in a temp folder and stores the synthetic figures. */
export async function createSyntheticWorkspace(options: SyntheticOptions): Promise<Workspace> {
  const ctx = await context('示例');
  const dir = join(tempDir('zjb-syn-'), 'ws');
  const registry = ctx.registries.find((r) => r.city === options.system.city);
  const regions = registry?.regions.filter((r) => !r.optional).map((r) => r.short) ?? options.system.regions;
  const due = options.system.indicators.filter((i) => i.frequency !== 'annual' || options.lastMonth === 12);
  const ws = await Workspace.create(
    dir,
    {
      name: options.name ?? `${options.system.city}${options.system.title}（示例数据）`,
      city: options.system.city,
      systems: [options.system],
      regions,
      sample: true,
      ...(options.keyIndicators
        ? {
            ranking: {
              keyIndicators: due
                .slice(0, options.keyIndicators)
                .map((i) => ({ systemId: options.system.id, indicatorId: i.id })),
            },
          }
        : {}),
    },
    ctx,
  );
  for (const [key, changes] of [...syntheticFigures(options, regions)].sort(([x], [y]) => x.localeCompare(y)))
    await ws.setFigures(key, changes, { kind: 'sample' });
  return ws;
}
