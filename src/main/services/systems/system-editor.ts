import { AppError } from '../../../shared/errors';
import type { IndicatorPatch } from '../../../shared/schemas/indicator-patch';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import type { SystemEdit, SystemEditOutcome } from '../../../shared/schemas/system-edit';
import { diffSystems, type SystemChange } from '../../../shared/systems/diff';
import { applySystemEdit } from '../../../shared/systems/edits';
import type { Workspace } from '../storage/workspace';
import { validateSystem } from './system-loader';

/** The districts a workspace's systems may name: current names and the earlier names of renamed ones. */
export function workspaceRegionNames(ws: Workspace): string[] {
  return [...ws.settings.regions, ...Object.values(ws.settings.regionFormerNames).flat()];
}

/**
 * Validates an edited copy of a workspace system (schema, cross-references, milestones) against the
 * workspace's districts and saves it with its changes (old → new) in the audit trail. A problem is refused
 * with its Chinese message and nothing is written; an edit that changes nothing writes nothing.
 */
export async function saveEditedSystem(
  ws: Workspace,
  edited: unknown,
  registries: readonly RegionRegistry[],
  summary: string,
): Promise<{ system: IndicatorSystem; changes: SystemChange[] }> {
  const checked = validateSystem(edited, registries, workspaceRegionNames(ws));
  if (!checked.ok) throw new AppError('BAD_INPUT', `修改未保存：${checked.problems.join('；')}`, checked.problems);
  const before = ws.system(checked.value.id);
  const changes = diffSystems(before, checked.value);
  if (changes.length === 0) return { system: before, changes };
  await ws.replaceSystem(checked.value, summary, { changes });
  return { system: checked.value, changes };
}

/** The indicators of a system that any period holds a figure for (a cleared figure counts: it has history). */
export async function indicatorsWithFigures(ws: Workspace, systemId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const period of await ws.figures.listPeriods()) {
    const view = await ws.figures.get(period);
    for (const id of Object.keys(view.figures[systemId] ?? {})) ids.add(id);
  }
  return ids;
}

export interface EditResult extends SystemEditOutcome {
  system: IndicatorSystem;
  changes: SystemChange[];
}

/** Applies one edit of the 指标体系 page or the command line to a workspace system. */
export async function editSystem(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  systemId: string,
  edit: SystemEdit,
): Promise<EditResult> {
  await ws.assertWritable();
  const system = structuredClone(ws.system(systemId));
  const withFigures = edit.op === 'removeIndicator' ? await indicatorsWithFigures(ws, systemId) : new Set<string>();
  const outcome = applySystemEdit(system, edit, {
    now: ws.now().toISOString(),
    user: ws.user,
    hasFigures: (id) => withFigures.has(id),
  });
  const saved = await saveEditedSystem(ws, system, registries, outcome.summary);
  return { ...outcome, ...saved };
}

/** Applies the edit dialog's patch to one indicator. */
export async function updateIndicator(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  systemId: string,
  indicatorId: string,
  patch: IndicatorPatch,
): Promise<IndicatorSystem> {
  return (await editSystem(ws, registries, systemId, { op: 'updateIndicator', indicatorId, patch })).system;
}
