import {
  parsePeriod,
  periodKey,
  previousPeriod,
  samePeriodLastYear,
  tryParsePeriod,
  type Period,
} from '../../../../shared/domain/periods';
import { periodTitle } from '../../../../shared/domain/period-labels';
import { AppError } from '../../../../shared/errors';
import type { Frequency, Indicator, IndicatorKind, TargetValue } from '../../../../shared/schemas/indicator-system';
import {
  activeIndicators,
  applicableTargetOf,
  hasMilestones,
  hasRegionTargets,
  regionTargetOf,
} from '../../../../shared/systems/accessors';
import { systemsForYear } from '../../../../shared/systems/lineage';
import type { Workspace } from '../../storage/workspace';

/**
 * Which indicators a district's fill-in workbook (填报表) lists for a period, and under which storage
 * period key each one is stored.
 *
 * A form is made for a month, a quarter or a year. A month form lists the monthly indicators (stored
 * under the month, 2023-09); at a quarter-end month also the quarterly ones (stored under 2023Q3); in
 * December also the annual ones (stored under 2023). Each group is a section of the sheet with its own
 * period in the heading, and every row's storage key is recorded in the hidden _meta sheet, so one
 * returned workbook writes each cell to its own period. A quarter form lists only quarterly indicators,
 * a year form only annual ones (for offices that collect those separately).
 */

export interface FormRow {
  systemId: string;
  indicatorId: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
  ytd: boolean;
  /** Storage period key of this row's figure. */
  period: string;
  /** The region's own target, or the system's (city) target; null when none is set for the year. */
  target: TargetValue | null;
  targetScope: 'region' | 'city';
}

export interface FormSection {
  frequency: Frequency;
  period: string;
  periodTitle: string;
  lastYearPeriod: string;
  previousPeriod: string;
  rows: FormRow[];
}

export interface FormRowOptions {
  /** Only these systems (default: every system of the workspace that lists the region). */
  systems?: string[];
}

const FREQUENCY_OF_KIND: Record<Period['kind'], Frequency | null> = {
  month: 'monthly',
  quarter: 'quarterly',
  year: 'annual',
  half: null,
};

/** The storage keys a form for `period` covers, by frequency, in sheet order. */
export function formPeriodKeys(period: string): { frequency: Frequency; period: string }[] {
  const parsed = tryParsePeriod(period);
  if (!parsed.ok) throw new AppError('BAD_INPUT', parsed.reason);
  const p = parsed.period;
  if (p.kind === 'half')
    throw new AppError(
      'BAD_INPUT',
      `没有按半年报送的指标，不能为“${period}”生成填报表。请选择月份（如 ${p.year}-06）。`,
    );
  const keys = [{ frequency: FREQUENCY_OF_KIND[p.kind] as Frequency, period: periodKey(p) }];
  if (p.kind === 'month' && p.month % 3 === 0)
    keys.push({ frequency: 'quarterly', period: `${p.year}Q${p.month / 3}` });
  if (p.kind === 'month' && p.month === 12) keys.push({ frequency: 'annual', period: String(p.year) });
  return keys;
}

/** Years a form may be made or imported for: the systems' target years and the years holding figures. */
export async function workspaceYears(ws: Workspace): Promise<Set<number>> {
  const years = new Set<number>();
  for (const s of ws.systemList()) for (const y of s.years) years.add(Number(y));
  for (const key of await ws.figures.listPeriods()) years.add(Number(key.slice(0, 4)));
  return years;
}

export async function assertPeriodInWorkspace(ws: Workspace, period: string): Promise<void> {
  const year = parsePeriod(period).year;
  const years = await workspaceYears(ws);
  if (!years.has(year)) {
    const list = [...years].sort().join('、');
    throw new AppError(
      'BAD_INPUT',
      `${period} 不在本工作区的年度范围内（本工作区的指标体系和数据涉及 ${list || '无'} 年）。请核对统计期。`,
    );
  }
}

function targetFor(ind: Indicator, region: string, year: string): Pick<FormRow, 'target' | 'targetScope'> {
  const applicable = applicableTargetOf(ind, region, year);
  if (!applicable) return { target: null, targetScope: 'city' };
  return { target: applicable.target, targetScope: applicable.scope === 'region' ? 'region' : 'city' };
}

/**
 * How specifically an indicator belongs to a district's form: decomposed to it > has milestones > listed.
 * A year without a decomposition of its own keeps the districts of the latest earlier one (a district the
 * plan left out stays out until the office decomposes the new year).
 */
function specificity(ind: Indicator, region: string, year: string): number | null {
  const decomposed = Object.keys(ind.regionTargets)
    .filter((y) => y <= year && hasRegionTargets(ind, y))
    .sort()
    .pop();
  if (decomposed) return regionTargetOf(ind, region, decomposed) !== null ? 2 : null;
  return hasMilestones(ind, year) ? 1 : 0;
}

/**
 * The sections of one region's form. An indicator decomposed to districts (byRegion) is listed for the
 * districts it names; one without a decomposition is listed for every district of its system. When two
 * systems carry the same indicator (same name, unit and frequency: the 2023 target table repeats the
 * district table's growth rates), the more specific one is kept, then the first in workspace order.
 */
export function formSections(
  ws: Workspace,
  period: string,
  region: string,
  options: FormRowOptions = {},
): FormSection[] {
  if (!ws.settings.regions.includes(region)) {
    throw new AppError('BAD_INPUT', `“${region}”不是本工作区的区县（本工作区：${ws.settings.regions.join('、')}）。`);
  }
  const keys = formPeriodKeys(period);
  const year = keys[0] ? parsePeriod(keys[0].period).year : 0;
  const systems = systemsForYear(ws.systemList(), year).filter(
    (s) => (!options.systems || options.systems.includes(s.id)) && s.regions.includes(region),
  );
  const sections: FormSection[] = [];
  for (const { frequency, period: key } of keys) {
    const p = parsePeriod(key);
    const year = String(p.year);
    const chosen = new Map<string, { rank: number; row: FormRow }>();
    for (const system of systems) {
      for (const ind of activeIndicators(system)) {
        if (ind.frequency !== frequency) continue;
        const rank = specificity(ind, region, year);
        if (rank === null) continue;
        const dedupe = `${ind.name}|${ind.unit}`;
        const existing = chosen.get(dedupe);
        if (existing && existing.rank >= rank) continue;
        const spec = ws.spec(system.id, ind.id);
        chosen.set(dedupe, {
          rank,
          row: {
            systemId: system.id,
            indicatorId: ind.id,
            name: ind.name,
            unit: ind.unit,
            kind: ind.kind,
            decimals: spec?.decimals ?? ind.decimals,
            ytd: ind.ytd,
            period: key,
            ...targetFor(ind, region, year),
          },
        });
      }
    }
    const rows = [...chosen.values()].map((c) => c.row);
    if (rows.length === 0) continue;
    sections.push({
      frequency,
      period: key,
      periodTitle: periodTitle(p),
      lastYearPeriod: periodKey(samePeriodLastYear(p)),
      previousPeriod: periodKey(previousPeriod(p)),
      rows,
    });
  }
  return sections;
}
