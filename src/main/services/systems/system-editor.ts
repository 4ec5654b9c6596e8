import { AppError } from '../../../shared/errors';
import { withoutUndefined } from '../../../shared/objects';
import type { IndicatorPatch } from '../../../shared/schemas/indicator-patch';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import type { Workspace } from '../storage/workspace';
import { validateSystem } from './system-loader';

/**
 * Validates an edited copy of a workspace system (schema, cross-references, milestones) against the
 * workspace's districts and saves it; a problem is refused with its Chinese message and nothing is written.
 */
export async function saveEditedSystem(
  ws: Workspace,
  edited: unknown,
  registries: readonly RegionRegistry[],
  summary: string,
): Promise<IndicatorSystem> {
  const checked = validateSystem(edited, registries, ws.settings.regions);
  if (!checked.ok) throw new AppError('BAD_INPUT', `修改未保存：${checked.problems.join('；')}`, checked.problems);
  await ws.replaceSystem(checked.value, summary);
  return checked.value;
}

/** Applies the edit dialog's patch to one indicator. */
export async function updateIndicator(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  systemId: string,
  indicatorId: string,
  patch: IndicatorPatch,
): Promise<IndicatorSystem> {
  const system = structuredClone(ws.system(systemId));
  const index = system.indicators.findIndex((i) => i.id === indicatorId);
  const current = system.indicators[index];
  if (!current) throw new AppError('NOT_FOUND', `指标体系“${system.title}”中没有指标“${indicatorId}”。`);
  system.indicators[index] = { ...current, ...withoutUndefined(patch) };
  return saveEditedSystem(ws, system, registries, `修改指标“${current.name}”（${Object.keys(patch).join('、')}）`);
}
