import type { WorkspaceContext } from '../../src/main/services/storage/workspace';
import { Workspace } from '../../src/main/services/storage/workspace';
import type { FigureChangeInput } from '../../src/shared/schemas/figures';
import type { IndicatorSystem } from '../../src/shared/schemas/indicator-system';
import type { RegionRegistry } from '../../src/shared/schemas/region';

/**
 * A synthetic city of 20 districts and 300 monthly indicators (test data only), big enough that one
 * save of every cell with a note is a 1–2 MB journal line: the batch a shared-folder reader must not
 * disturb while it is being written.
 */
export const BULK_REGIONS = 20;
export const BULK_INDICATORS = 300;
export const BULK_SYSTEM = 'bulk-system';

export const bulkRegistry: RegionRegistry = {
  formatVersion: 1,
  cityId: 'bulk',
  city: '测试市',
  totalName: '全市',
  regions: Array.from({ length: BULK_REGIONS }, (_, i) => ({
    id: `r${i}`,
    name: `测试区${i}`,
    short: `区${i}`,
    optional: false,
  })),
};

export const bulkSystem: IndicatorSystem = {
  formatVersion: 2,
  id: BULK_SYSTEM,
  title: '大批量测试体系（示例数据）',
  document: { title: '大批量测试', seedFile: 'test' },
  city: '测试市',
  years: ['2023'],
  regions: bulkRegistry.regions.map((r) => r.short),
  categories: [],
  indicators: Array.from({ length: BULK_INDICATORS }, (_, i) => ({
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
    source: { file: 'test', lines: [1] },
  })),
  footnotes: [],
};

export function bulkContext(userName = '测试员'): WorkspaceContext {
  return { userName, app: 'cli', now: () => new Date(), registries: [bulkRegistry] };
}

export async function createBulkWorkspace(dir: string): Promise<void> {
  const ws = await Workspace.create(dir, { name: '大批量测试', city: '测试市', systems: [bulkSystem] }, bulkContext());
  await ws.close();
}

/** One save of `cells` cells (from the first), each with a note of `noteChars` characters. */
export function bulkBatch(round: number, cells: number, noteChars: number): FigureChangeInput[] {
  const note = `第${round}轮说明`.padEnd(noteChars, '据');
  const changes: FigureChangeInput[] = [];
  for (let k = 0; k < cells; k++) {
    changes.push({
      systemId: BULK_SYSTEM,
      indicatorId: `ind-${k % BULK_INDICATORS}`,
      region: `区${Math.floor(k / BULK_INDICATORS) % BULK_REGIONS}`,
      value: Math.round((round * 7 + k) % 10000) / 10,
      note,
    });
  }
  return changes;
}
