import { between, createRandom } from '../../../src/main/services/sample/prng';
import { endMonth, periodKey, type Period } from '../../../src/shared/domain/periods';
import type { FigureLookup } from '../../../src/shared/report/compute';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type {
  Indicator,
  IndicatorKind,
  IndicatorSystem,
  Milestone,
} from '../../../src/shared/schemas/indicator-system';
import { DocumentSettingsSchema, RankingSettingsSchema } from '../../../src/shared/schemas/workspace';
import type { ReportWorkspace } from '../../../src/shared/report/build';

/**
 * Random workspaces for the truth property test: random systems (kinds, units, directions, decimals, frequencies,
 * numeric, text and missing targets, district targets, milestones), random figures (missing, not applicable,
 * negative, tied), any period (year ends included). Everything in memory; the same seed gives the same worlds.
 */
export interface World {
  seed: number;
  system: IndicatorSystem;
  workspace: ReportWorkspace;
  period: Period;
  /** figures[key][indicatorId][region] */
  figures: Record<string, Record<string, Record<string, FigureValue>>>;
}

const REGION_POOL = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '南湖', '秀洲', '嘉善', '平湖', '海宁'];
const UNITS: Record<IndicatorKind, string[]> = {
  growth: ['%'],
  share: ['%', '%', '‰', '个百分点'],
  level: ['亿元', '亩', '万吨标煤'],
  count: ['家', '项', '个'],
  perUnit: ['万元/亩', '吨标煤/万元', '人/亿元'],
};
const TEXT_TARGETS: Record<IndicatorKind, string[]> = {
  growth: ['增长6%左右', '增长7%以上', '高于全市平均增速', '3%以内', '完成省定目标', '/'],
  share: ['力争达到80%以上', '不低于40', '≤4.5', '提高3个百分点左右', '待省下达任务指标后再分解'],
  level: ['不少于800亿元', '35亿美元', '完成省定目标', '增加3万人左右'],
  count: ['2个以上', '力争达到4家', '每年新增10家', '1—2家'],
  perUnit: ['低于0.011人/亿元', '不低于40', '完成省定目标'],
};

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const chance = (r: Rand, p: number) => r() < p;

function shuffled<T>(r: Rand, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

function nameOf(r: Rand, kind: IndicatorKind, i: number, unit: string, direction: 'higher' | 'lower'): string {
  switch (kind) {
    case 'growth':
      return direction === 'lower' && chance(r, 0.5)
        ? `居民消费价格${i}涨幅`
        : pick(r, [`产业${i}增加值增长`, `投资${i}增长`, `收入${i}`]);
    case 'share':
      return unit === '个百分点' ? `新兴产业${i}营业收入占比提高` : `研发${i}占比`;
    case 'level':
      return `整治${i}腾出面积`;
    case 'count':
      return `新增企业${i}数`;
    case 'perUnit':
      return direction === 'lower' ? `单位产值${i}能耗` : `亩均税收${i}`;
  }
}

function numericTarget(r: Rand, kind: IndicatorKind): number {
  switch (kind) {
    case 'growth':
      return chance(r, 0.1) ? -2 : Math.round(between(r, 3, 12) * 10) / 10;
    case 'share':
      return Math.round(between(r, 1, 90) * 10) / 10;
    case 'level':
      return Math.round(between(r, 100, 10000));
    case 'count':
      return Math.round(between(r, 10, 1500));
    case 'perUnit':
      return Math.round(between(r, 0.5, 50) * 10) / 10;
  }
}

function randomIndicator(r: Rand, i: number, year: string, regions: string[]): Indicator {
  const kind = pick(r, ['growth', 'growth', 'share', 'level', 'count', 'perUnit'] as const);
  const direction = kind !== 'level' && kind !== 'count' && chance(r, 0.2) ? 'lower' : 'higher';
  const unit = pick(r, UNITS[kind]);
  const frequency = pick(r, ['monthly', 'monthly', 'quarterly', 'quarterly', 'annual'] as const);
  const targetRoll = r();
  const target =
    targetRoll < 0.25 ? undefined : targetRoll < 0.75 ? numericTarget(r, kind) : pick(r, TEXT_TARGETS[kind]);
  const milestones: Milestone[] | undefined =
    kind === 'share' && frequency === 'quarterly' && chance(r, 0.4)
      ? [
          { period: 'Q1', percent: 30 },
          { period: 'Q2', percent: 65 },
          { period: 'Q3', percent: 85 },
          ...(chance(r, 0.5) ? [{ period: 'Q4' as const, percent: 100 }] : []),
        ]
      : undefined;
  const byRegion = chance(r, 0.45)
    ? Object.fromEntries(
        regions.flatMap((reg) =>
          chance(r, 0.85)
            ? [[reg, chance(r, 0.8) ? numericTarget(r, kind) : chance(r, 0.5) ? '/' : pick(r, TEXT_TARGETS[kind])]]
            : [],
        ),
      )
    : undefined;
  return {
    id: `i${i}`,
    name: nameOf(r, kind, i, unit, direction),
    unit,
    markers: [],
    responsible: [],
    kind,
    direction,
    decimals: kind === 'count' ? 0 : pick(r, [0, 1, 1, 1, 2]),
    cityIsSumOfRegions: (kind === 'level' || kind === 'count') && chance(r, 0.5),
    frequency,
    ytd: kind === 'share' ? false : kind === 'perUnit' ? chance(r, 0.5) : chance(r, 0.9),
    ...(chance(r, 0.15) && (kind === 'level' || kind === 'count') ? { rankBy: 'growth' as const } : {}),
    targets: target === undefined ? {} : { [year]: target },
    regionTargets: byRegion && Object.keys(byRegion).length ? { [year]: byRegion } : {},
    milestones: milestones ? { [year]: milestones } : {},
    regionMilestones: {},
    notes: [],
    source: { file: 'random', lines: [1] },
  };
}

function keysOf(frequency: Indicator['frequency'], year: number, upTo: number): string[] {
  if (frequency === 'monthly')
    return Array.from({ length: upTo }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (frequency === 'quarterly') return Array.from({ length: Math.floor(upTo / 3) }, (_, i) => `${year}Q${i + 1}`);
  return upTo === 12 ? [String(year)] : [];
}

function randomValue(r: Rand, ind: Indicator, months: number, regionsCount: number): FigureValue {
  if (chance(r, 0.1)) return null;
  if (chance(r, 0.03)) return '/';
  const base =
    typeof ind.targets[Object.keys(ind.targets)[0] ?? ''] === 'number'
      ? Math.abs(ind.targets[Object.keys(ind.targets)[0]!] as number) || 10
      : ind.kind === 'growth'
        ? 6
        : 100;
  let v: number;
  switch (ind.kind) {
    case 'growth':
      v = base * between(r, 0.3, 1.6) - (chance(r, 0.15) ? base * 1.5 : 0);
      break;
    case 'level':
      v = ((base * months) / 12 / Math.max(1, regionsCount / 2)) * between(r, 0.6, 1.4) * (chance(r, 0.08) ? -1 : 1);
      break;
    case 'count':
      v = Math.round(((base * months) / 12 / Math.max(1, regionsCount / 2)) * between(r, 0.6, 1.4));
      break;
    case 'share':
      v = Math.min(ind.unit === '%' ? 100 : 999, base * between(r, 0.7, 1.3));
      break;
    case 'perUnit':
      v = base * between(r, 0.6, 1.4);
      break;
  }
  return Number(v.toFixed(ind.decimals + (chance(r, 0.3) ? 1 : 0)));
}

/** A period to report on: months and quarters of the year, year ends often. */
function randomPeriod(r: Rand, year: number): Period {
  const roll = r();
  if (roll < 0.1) return { kind: 'year', year };
  if (roll < 0.35) return { kind: 'quarter', year, quarter: pick(r, [1, 2, 3, 4] as const) };
  if (roll < 0.5) return { kind: 'month', year, month: 12 };
  return { kind: 'month', year, month: 1 + Math.floor(r() * 12) };
}

export function randomWorld(seed: number): World {
  const r = createRandom(seed);
  const year = pick(r, [2023, 2026]);
  const regions = shuffled(r, REGION_POOL).slice(0, 3 + Math.floor(r() * 6));
  const count = 1 + Math.floor(r() * 9);
  const indicators = Array.from({ length: count }, (_, i) => randomIndicator(r, i + 1, String(year), regions));
  const system: IndicatorSystem = {
    formatVersion: 2,
    id: 'rnd',
    title: '随机指标表',
    document: { title: `湖州市随机${seed}“一号测试工程”实施方案`, seedFile: 'random' },
    city: '湖州',
    years: [String(year)],
    regions,
    categories: [],
    indicators,
    footnotes: [],
  };
  const period = randomPeriod(r, year);
  const figures: World['figures'] = {};
  for (const ind of indicators) {
    for (const [y, upTo] of [
      [year - 1, 12],
      [year, endMonth(period)],
    ] as const) {
      for (const key of keysOf(ind.frequency, y, upTo)) {
        const months = key.includes('Q') ? Number(key.slice(5)) * 3 : key.length === 4 ? 12 : Number(key.slice(5));
        const row: Record<string, FigureValue> = {};
        for (const region of regions) row[region] = randomValue(r, ind, months, regions.length);
        // Ties: a district copies another's figure.
        if (regions.length > 2 && chance(r, 0.3)) row[regions[1]!] = row[regions[0]!] ?? null;
        row['全市'] = chance(r, 0.1) ? null : randomValue(r, { ...ind, ...{} }, months, 2);
        if (ind.kind === 'growth' || ind.kind === 'share')
          row['全省'] = chance(r, 0.5) ? randomValue(r, ind, months, 2) : null;
        (figures[key] ??= {})[ind.id] = row;
      }
    }
  }
  const keyIndicators = chance(r, 0.5)
    ? shuffled(r, indicators).map((i) => ({ systemId: 'rnd', indicatorId: i.id }))
    : [];
  const distribution = chance(r, 0.8)
    ? { bao: ['市委、市政府领导'], song: ['市级有关部门'], fa: ['各区县人民政府'] }
    : { bao: [], song: [], fa: [] };
  const workspace: ReportWorkspace = {
    name: `随机工作区${seed}`,
    sample: chance(r, 0.5),
    regions,
    documents: DocumentSettingsSchema.parse({
      briefingName: `随机工作区${seed}简报`,
      issuer: '湖州市测试专班办公室',
      noticeIssuerMark: '湖州市测试专班办公室',
      noticeNumberPrefix: '湖测专班',
      distribution,
      issueCounters: { [String(year)]: 1 + Math.floor(r() * 20) },
      noticeCounters: chance(r, 0.5) ? { [String(year)]: 1 + Math.floor(r() * 20) } : {},
    }),
    ranking: RankingSettingsSchema.parse({ keyIndicators }),
  };
  return { seed, system, workspace, period, figures };
}

export function lookupOf(world: World): FigureLookup {
  return (key, _s, ind, region) => {
    const v = world.figures[key]?.[ind]?.[region];
    return v === undefined ? undefined : { v, at: '2026-01-01T00:00:00Z', by: '随机', origin: { kind: 'entry' } };
  };
}

export function worldLabel(world: World): string {
  return `seed ${world.seed}, ${periodKey(world.period)}, ${world.system.indicators.length} indicators, ${world.workspace.regions.length} districts`;
}
