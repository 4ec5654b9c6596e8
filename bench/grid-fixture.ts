import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FigureChangeInput } from '../src/shared/schemas/figures';
import type { IndicatorSystemInput } from '../src/shared/schemas/indicator-system';
import type { RegionRegistry } from '../src/shared/schemas/region';

/**
 * A synthetic city of 100 districts and a system of 300 monthly indicators (示例数据/测试), in a temp
 * templates folder, for measuring the entry grid at the size the performance target names.
 */
export const BENCH_CITY = '测试市';
export const BENCH_SYSTEM = 'bench-300';
const KINDS = [
  { kind: 'level', unit: '亿元', decimals: 1 },
  { kind: 'growth', unit: '%', decimals: 1 },
  { kind: 'share', unit: '%', decimals: 1 },
  { kind: 'count', unit: '家', decimals: 0 },
] as const;

export function benchRegions(count = 100): string[] {
  return Array.from({ length: count }, (_, i) => `测试${String(i + 1).padStart(3, '0')}区`);
}

export function writeBenchTemplates(indicators = 300, regionCount = 100): { appRoot: string; regions: string[] } {
  const appRoot = mkdtempSync(join(tmpdir(), 'zjb-bench-root-'));
  const regions = benchRegions(regionCount);
  const registry: RegionRegistry = {
    formatVersion: 1,
    cityId: 'bench-city',
    city: BENCH_CITY,
    totalName: '全市',
    regions: regions.map((short, i) => ({
      id: `r${i + 1}`,
      name: short,
      short,
      optional: false,
      note: '示例数据/测试：合成区县',
    })),
  };
  const system: IndicatorSystemInput = {
    formatVersion: 2,
    id: BENCH_SYSTEM,
    title: '示例数据/测试：300项指标（性能测试）',
    document: { title: '性能测试用合成指标体系（示例数据，非真实文件）', seedFile: 'synthetic-bench.txt' },
    city: BENCH_CITY,
    years: ['2023'],
    regions,
    categories: Array.from({ length: 10 }, (_, c) => ({ id: `c${c + 1}`, name: `第${c + 1}类指标（测试）` })),
    indicators: Array.from({ length: indicators }, (_, i) => {
      const k = KINDS[i % KINDS.length]!;
      const target = k.kind === 'count' ? 10 + (i % 7) : 5 + (i % 9);
      return {
        id: `i${i + 1}`,
        name: `测试指标${i + 1}`,
        unit: k.unit,
        category: `c${Math.floor(i / (indicators / 10)) + 1}`,
        kind: k.kind,
        direction: 'higher',
        decimals: k.decimals,
        frequency: 'monthly',
        ytd: true,
        targets: { '2023': target },
        regionTargets: { '2023': Object.fromEntries(regions.map((r) => [r, target])) },
        notes: ['示例数据/测试：合成指标'],
        source: { file: 'synthetic-bench.txt', lines: [i + 1] },
      };
    }),
    sample: true,
  };
  mkdirSync(join(appRoot, 'templates', 'regions'), { recursive: true });
  mkdirSync(join(appRoot, 'templates', 'systems'), { recursive: true });
  writeFileSync(join(appRoot, 'templates', 'regions', 'bench-city.json'), JSON.stringify(registry));
  writeFileSync(join(appRoot, 'templates', 'systems', `${BENCH_SYSTEM}.json`), JSON.stringify(system));
  return { appRoot, regions };
}

/** A value for every cell of the period, so scrolling paints real text. */
export function benchFigures(indicators: number, regions: string[]): FigureChangeInput[] {
  const out: FigureChangeInput[] = [];
  for (let i = 0; i < indicators; i++) {
    const k = KINDS[i % KINDS.length]!;
    for (const [j, region] of ['全市', ...regions].entries()) {
      const v = k.kind === 'count' ? (i * 7 + j) % 50 : Math.round(((i * 13 + j * 7) % 1000) + 1) / 10;
      out.push({ systemId: BENCH_SYSTEM, indicatorId: `i${i + 1}`, region, value: v });
    }
  }
  return out;
}
