import type { FigureChangeInput } from '../../../shared/schemas/figures';
import type { Indicator, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import { TOTAL_REGION } from '../../../shared/schemas/region';
import { cityTargetOf, hasMilestones, milestonesOf, regionTargetOf } from '../../../shared/systems/accessors';
import { PROVINCE_REGION, Workspace } from '../storage/workspace';
import { between, createRandom } from './prng';

/** Systems of the 先进制造业集群 plan (seed 001) used by the sample. */
export const SAMPLE_SYSTEM_IDS = [
  'hz-mfg-cluster-regional-2023',
  'hz-mfg-cluster-targets-2023',
  'hz-mfg-project-milestones-2023',
];
const REGIONAL = 'hz-mfg-cluster-regional-2023';
const CITY_TARGETS = 'hz-mfg-cluster-targets-2023';
const MILESTONES = 'hz-mfg-project-milestones-2023';

/** The sample's "current" month: data exist for 2022 and for 2023 up to this month. */
export const SAMPLE_LAST_MONTH = 9;
export const SAMPLE_NAME = '湖州市先进制造业集群培育工程专班（示例数据）';

export interface SampleOptions {
  dir: string;
  seed: number;
  systems: IndicatorSystem[];
  registries: RegionRegistry[];
  userName: string;
  /** Year whose issue counter is seeded besides 2023 (defaults to the current year). */
  issueYear?: number;
  /** The last month of 2023 with figures (defaults to SAMPLE_LAST_MONTH); 12 gives a whole year. */
  lastMonth?: number;
}

interface Period {
  key: string;
  year: number;
  /** Months elapsed in the year at the end of the period. */
  months: number;
}

function periodsOf(frequency: Indicator['frequency'], lastMonthOf2023: number): Period[] {
  const out: Period[] = [];
  for (const year of [2022, 2023]) {
    const lastMonth = year === 2023 ? lastMonthOf2023 : 12;
    if (frequency === 'monthly') {
      for (let m = 1; m <= lastMonth; m++) out.push({ key: `${year}-${String(m).padStart(2, '0')}`, year, months: m });
    } else if (frequency === 'quarterly') {
      for (let q = 1; q * 3 <= lastMonth; q++) out.push({ key: `${year}Q${q}`, year, months: q * 3 });
    } else if (year === 2022 || lastMonth === 12) {
      out.push({ key: `${year}`, year, months: 12 });
    }
  }
  return out;
}

function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}

/** The sample is shaped on the plan year's targets, for 2022 as well as 2023. */
const PLAN_YEAR = '2023';

function numericTarget(ind: Indicator, region: string): number | null {
  const t = regionTargetOf(ind, region, PLAN_YEAR);
  return typeof t === 'number' ? t : null;
}

/**
 * Synthetic figures (示例数据) shaped like the real thing: YTD levels that grow through the year with
 * some districts ahead of the time progress and some behind; growth rates around their targets;
 * one tie, one unreported district and one '/' at 2023-09. Nothing here is a real statistic.
 */
function generate(
  systems: IndicatorSystem[],
  regions: string[],
  seed: number,
  lastMonth: number,
): Map<string, FigureChangeInput[]> {
  const random = createRandom(seed);
  const byPeriod = new Map<string, FigureChangeInput[]>();
  const put = (period: string, c: FigureChangeInput) => {
    let list = byPeriod.get(period);
    if (!list) byPeriod.set(period, (list = []));
    list.push(c);
  };
  // Each district has a temperament, so it is consistently ahead or behind across months.
  const pace = new Map(regions.map((r) => [r, between(random, 0.82, 1.22)]));
  const cityValues = new Map<string, number>();

  const regional = systems.find((s) => s.id === REGIONAL);
  for (const ind of regional?.indicators ?? []) {
    for (const p of periodsOf(ind.frequency, lastMonth)) {
      const values = new Map<string, number | '/' | null>();
      for (const region of regions) {
        const target = numericTarget(ind, region);
        if (regionTargetOf(ind, region, PLAN_YEAR) === '/') {
          values.set(region, '/');
          continue;
        }
        const base = target ?? numericTarget(ind, TOTAL_REGION);
        if (base === null) continue;
        const k = pace.get(region) ?? 1;
        const yearFactor = p.year === 2022 ? 0.93 : 1;
        const v =
          ind.kind === 'growth'
            ? base + (k - 1) * 8 + between(random, -0.8, 0.8) + (p.year === 2022 ? -0.6 : 0) + (p.months - 9) * 0.05
            : ind.ytd
              ? base * (p.months / 12) * k * yearFactor * between(random, 0.97, 1.03)
              : base * (0.9 + 0.12 * k) * yearFactor * between(random, 0.98, 1.02);
        values.set(region, round(ind.kind === 'count' ? Math.round(v) : v, ind.decimals));
      }
      const numbers = [...values.values()].filter((v): v is number => typeof v === 'number');
      if (numbers.length === 0) continue;
      const additive = ind.kind === 'level' || ind.kind === 'count';
      const city = additive
        ? numbers.reduce((a, b) => a + b, 0)
        : numbers.reduce((a, b) => a + b, 0) / numbers.length + between(random, -0.3, 0.3);
      values.set(TOTAL_REGION, round(city, ind.decimals));
      cityValues.set(`${ind.name}@${p.key}`, round(city, ind.decimals));
      if (ind.kind === 'growth')
        put(p.key, {
          systemId: REGIONAL,
          indicatorId: ind.id,
          region: PROVINCE_REGION,
          value: round(city - between(random, -0.4, 1.4), 1),
        });
      for (const [region, value] of values) put(p.key, { systemId: REGIONAL, indicatorId: ind.id, region, value });
    }
  }

  // City-level targets: the 全市 figure only, identical to the regional table's where both have the indicator.
  const cityTargets = systems.find((s) => s.id === CITY_TARGETS);
  for (const ind of cityTargets?.indicators ?? []) {
    if (ind.frequency === 'annual') continue;
    const target = cityTargetOf(ind, PLAN_YEAR);
    const twin = ind.sameAs?.find((l) => l.systemId === REGIONAL);
    const twinName = regional?.indicators.find((i) => i.id === twin?.indicatorId)?.name;
    for (const p of periodsOf(ind.frequency, lastMonth)) {
      const shared = cityValues.get(`${ind.name}@${p.key}`);
      let value: number | null = shared ?? null;
      if (value === null && typeof target === 'number') {
        const v =
          ind.kind === 'growth'
            ? target + between(random, -2, 1.5)
            : ind.ytd
              ? target * (p.months / 12) * between(random, 0.85, 1.15)
              : target * between(random, 0.9, 1.05);
        value = round(ind.kind === 'count' ? Math.round(v) : v, ind.decimals);
      }
      // 同一数据 under another name takes the district table's figure, as a real office's would. The draw
      // above still happens so every other figure of the sample stays as it always was.
      const twinValue = twinName === undefined ? undefined : cityValues.get(`${twinName}@${p.key}`);
      if (twinValue !== undefined) value = twinValue;
      if (value !== null) put(p.key, { systemId: CITY_TARGETS, indicatorId: ind.id, region: TOTAL_REGION, value });
    }
  }

  // Project start rates with quarterly milestones: every district and the city.
  const milestones = systems.find((s) => s.id === MILESTONES);
  const startRate = milestones?.indicators.find((i) => hasMilestones(i, PLAN_YEAR));
  if (startRate) {
    for (const p of periodsOf('quarterly', lastMonth)) {
      const due = milestonesOf(startRate, PLAN_YEAR).find((m) => m.period === `Q${p.months / 3}`)?.percent ?? 0;
      let sum = 0;
      for (const region of regions) {
        const v = round(Math.min(100, due * (pace.get(region) ?? 1) * between(random, 0.94, 1.04)), 1);
        sum += v;
        put(p.key, { systemId: MILESTONES, indicatorId: startRate.id, region, value: v });
      }
      put(p.key, {
        systemId: MILESTONES,
        indicatorId: startRate.id,
        region: TOTAL_REGION,
        value: round(sum / regions.length, 1),
      });
    }
  }

  applySpecialCases(byPeriod, regions);
  return byPeriod;
}

/** The cases a ranking must handle, placed where the demo briefing (2023-09) shows them. */
function applySpecialCases(byPeriod: Map<string, FigureChangeInput[]>, regions: string[]): void {
  const sept = byPeriod.get(`2023-${String(SAMPLE_LAST_MONTH).padStart(2, '0')}`) ?? [];
  const growth = sept.filter((c) => c.systemId === REGIONAL && c.indicatorId === 'industrial-value-added-growth');
  const [first, second] = [regions[2], regions[3]].map((r) => growth.find((c) => c.region === r));
  if (first && second) second.value = first.value; // a tie: 德清 and 长兴 share a rank
  const investment = sept.find(
    (c) => c.systemId === REGIONAL && c.indicatorId === 'manufacturing-investment-growth' && c.region === regions[4],
  );
  if (investment) investment.value = null; // 安吉 has not reported this month
}

/** Creates the 湖州 sample workspace (示例数据) with figures for 2022 and 2023 up to September. */
export async function createSampleWorkspace(options: SampleOptions): Promise<Workspace> {
  const systems = SAMPLE_SYSTEM_IDS.map((id) => {
    const s = options.systems.find((x) => x.id === id);
    if (!s) throw new Error(`sample needs system ${id}`);
    return s;
  });
  let clock = new Date('2023-01-05T09:00:00+08:00');
  const ctx = { userName: options.userName, app: 'cli' as const, now: () => clock, registries: options.registries };
  const registry = options.registries.find((r) => r.city === '湖州');
  const regions = registry?.regions.filter((r) => !r.optional).map((r) => r.short) ?? [];
  const workspace = await Workspace.create(
    options.dir,
    {
      name: SAMPLE_NAME,
      city: '湖州',
      systems,
      regions,
      sample: true,
      id: `sample-${options.seed}`,
      documents: {
        briefingName: '湖州市先进制造业集群培育工程简报',
        subject: '先进制造业集群培育工程',
        issuer: '湖州市先进制造业集群培育工程工作专班办公室',
        noticeIssuerMark: '湖州市先进制造业集群培育工程工作专班办公室',
        noticeNumberPrefix: '湖制造专班',
        distribution: { bao: ['市委、市政府领导'], song: ['市级有关部门'], fa: ['各区县人民政府，南太湖新区管委会'] },
        copies: 60,
        // 2023 for the demo's fixed-date briefing; the current year for briefings drafted today.
        issueCounters: { '2023': 8, [String(options.issueYear ?? new Date().getFullYear())]: 8 },
        reportCounters: { '2023': 9, [String(options.issueYear ?? new Date().getFullYear())]: 9 },
        noticeCounters: { '2023': 3, [String(options.issueYear ?? new Date().getFullYear())]: 3 },
        totalIssueNext: 31,
      },
      ranking: {
        keyIndicators: [
          'industrial-value-added-growth',
          'manufacturing-investment-growth',
          'digital-core-mfg-va-growth',
          'inefficient-firms-rectified',
          'inefficient-rectification-land-freed',
          'industrial-tax-per-mu',
        ]
          .map((indicatorId) => ({ systemId: REGIONAL, indicatorId }))
          .concat([{ systemId: MILESTONES, indicatorId: 'new-provincial-major-projects-start-rate' }]),
        composite: {
          title: '先进制造业集群培育赛马比拼综合得分',
          rule: 'rankPoints',
          weights: [
            { systemId: REGIONAL, indicatorId: 'industrial-value-added-growth', weight: 30 },
            { systemId: REGIONAL, indicatorId: 'manufacturing-investment-growth', weight: 25 },
            { systemId: REGIONAL, indicatorId: 'digital-core-mfg-va-growth', weight: 15 },
            { systemId: REGIONAL, indicatorId: 'inefficient-firms-rectified', weight: 15 },
            { systemId: REGIONAL, indicatorId: 'industrial-tax-per-mu', weight: 15 },
          ],
        },
        orderBy: 'official',
        decimalsOverride: {},
      },
    },
    ctx,
  );
  const batches = generate(systems, regions, options.seed, options.lastMonth ?? SAMPLE_LAST_MONTH);
  for (const key of [...batches.keys()].sort()) {
    // Figures "arrive" on the 8th of the month after the period, as they would from the districts.
    const year = Number(key.slice(0, 4));
    const endMonth = key.length === 4 ? 12 : key.includes('Q') ? Number(key.slice(5)) * 3 : Number(key.slice(5));
    clock = new Date(Date.UTC(year, endMonth, 8, 1, 30));
    await workspace.setFigures(key, batches.get(key) ?? [], { kind: 'sample' });
  }
  return workspace;
}
