import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace, type WorkspaceContext } from '../src/main/services/storage/workspace';
import type { FigureChangeInput } from '../src/shared/schemas/figures';
import type { IndicatorSystem } from '../src/shared/schemas/indicator-system';
import type { RegionRegistry } from '../src/shared/schemas/region';

export interface StorageBench {
  years: number;
  indicators: number;
  regions: number;
  buildSeconds: number;
  openMs: number;
  firstPeriodLoadMs: number;
  saveMedianMs: number;
  saveP95Ms: number;
  saveMaxMs: number;
  smallWorkspaceSaveMedianMs: number;
  rssMb: number;
}

/** A synthetic city of `n` districts and a system of `m` monthly indicators (benchmark data only). */
function fixtures(n: number, m: number): { registry: RegionRegistry; system: IndicatorSystem } {
  const regions = Array.from({ length: n }, (_, i) => ({
    id: `r${i}`,
    name: `测试区${i}`,
    short: `区${i}`,
    optional: false,
  }));
  const registry: RegionRegistry = { formatVersion: 1, cityId: 'bench', city: '基准市', totalName: '全市', regions };
  const system: IndicatorSystem = {
    formatVersion: 2,
    id: 'bench-system',
    title: '基准测试体系（示例数据）',
    document: { title: '基准测试', seedFile: 'bench' },
    city: '基准市',
    years: ['2023'],
    regions: regions.map((r) => r.short),
    categories: [],
    indicators: Array.from({ length: m }, (_, i) => ({
      id: `ind-${i}`,
      name: `指标${i}`,
      unit: '亿元',
      markers: [],
      responsible: [],
      kind: 'level' as const,
      direction: 'higher' as const,
      decimals: 1,
      cityIsSumOfRegions: true,
      frequency: 'monthly' as const,
      ytd: true,
      targets: {},
      regionTargets: {},
      milestones: {},
      regionMilestones: {},
      notes: [],
      source: { file: 'bench', lines: [1] },
    })),
    footnotes: [],
  };
  return { registry, system };
}

async function buildWorkspace(
  dir: string,
  years: number,
  m: number,
  n: number,
): Promise<{ ctx: WorkspaceContext; seconds: number; registry: RegionRegistry }> {
  const { registry, system } = fixtures(n, m);
  const ctx: WorkspaceContext = { userName: 'bench', app: 'cli', now: () => new Date(), registries: [registry] };
  const start = performance.now();
  const ws = await Workspace.create(
    dir,
    { name: '基准测试工作区', city: '基准市', systems: [system], sample: true },
    ctx,
  );
  const regions = system.regions;
  for (let y = 0; y < years; y++) {
    for (let month = 1; month <= 12; month++) {
      const key = `${2014 + y}-${String(month).padStart(2, '0')}`;
      const changes: FigureChangeInput[] = [];
      for (let i = 0; i < m; i++)
        for (let r = 0; r < n; r++)
          changes.push({
            systemId: system.id,
            indicatorId: `ind-${i}`,
            region: regions[r]!,
            value: Math.round((i + r + month) * 10.7) / 10,
          });
      await ws.setFigures(key, changes, { kind: 'sample' });
    }
  }
  await ws.close();
  return { ctx, seconds: (performance.now() - start) / 1000, registry };
}

/** Opens and edits the workspace in a fresh process (so RSS is the app's, not the builder's). */
function measureInChild(dir: string, registry: RegionRegistry, saves: number) {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'storage-open.ts'), dir, JSON.stringify(registry), String(saves)],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as {
    periods: number;
    openMs: number;
    firstPeriodLoadMs: number;
    saveMedianMs: number;
    saveP95Ms: number;
    saveMaxMs: number;
    rssMb: number;
  };
}

export async function benchStorage(
  options = { years: 10, indicators: 300, regions: 100 },
): Promise<StorageBench & { periods: number; smallWorkspaceRssMb: number }> {
  const root = mkdtempSync(join(tmpdir(), 'zjb-bench-storage-'));
  try {
    const big = join(root, 'big');
    const built = await buildWorkspace(big, options.years, options.indicators, options.regions);
    const bigRun = measureInChild(big, built.registry, 250);
    const small = join(root, 'small');
    const smallBuilt = await buildWorkspace(small, 1, options.indicators, options.regions);
    const smallRun = measureInChild(small, smallBuilt.registry, 250);
    return {
      ...options,
      periods: bigRun.periods,
      buildSeconds: built.seconds,
      openMs: bigRun.openMs,
      firstPeriodLoadMs: bigRun.firstPeriodLoadMs,
      saveMedianMs: bigRun.saveMedianMs,
      saveP95Ms: bigRun.saveP95Ms,
      saveMaxMs: bigRun.saveMaxMs,
      smallWorkspaceSaveMedianMs: smallRun.saveMedianMs,
      rssMb: bigRun.rssMb,
      smallWorkspaceRssMb: smallRun.rssMb,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
