import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import { context, fixedClock, tempDir, templates } from '../../support/workspace';

export const REGIONAL = 'hz-mfg-cluster-regional-2023';
export const CITY_TARGETS = 'hz-mfg-cluster-targets-2023';
export const MILESTONES = 'hz-mfg-project-milestones-2023';
export const DISTRICTS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'] as const;

/** A 湖州 workspace with the three systems of the 先进制造业集群 plan (seed 001), on a temp folder. */
export async function reviewWorkspace(
  user = '审核测试员',
): Promise<{ ws: Workspace; dir: string; clock: ReturnType<typeof fixedClock> }> {
  const clock = fixedClock('2023-10-10T09:00:00+08:00');
  const dir = join(tempDir('zjb-review-'), 'ws');
  const systems = await Promise.all([REGIONAL, CITY_TARGETS, MILESTONES].map((id) => templates.get(id)));
  const ws = await Workspace.create(
    dir,
    { name: '审核测试专班', city: '湖州', systems },
    await context(user, clock.now),
  );
  return { ws, dir, clock };
}

/** Saves one indicator's figures for the listed regions (全市 included when given). */
export async function put(
  ws: Workspace,
  period: string,
  systemId: string,
  indicatorId: string,
  values: Record<string, FigureValue>,
): Promise<void> {
  await ws.setFigures(
    period,
    Object.entries(values).map(([region, value]) => ({ systemId, indicatorId, region, value })),
    { kind: 'entry' },
  );
}

/** The same value for every district, with its own for 全市 when given. */
export function districts(values: readonly number[], city?: FigureValue): Record<string, FigureValue> {
  const out: Record<string, FigureValue> = {};
  DISTRICTS.forEach((d, i) => (out[d] = values[i] ?? null));
  if (city !== undefined) out['全市'] = city;
  return out;
}
