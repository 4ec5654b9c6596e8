import { AppError } from '../../../shared/errors';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import type { RegionEdit } from '../../../shared/schemas/region-edit';
import { PROVINCE_REGION, TOTAL_REGION } from '../../../shared/systems/accessors';
import { renameRegionInSystem } from '../../../shared/systems/regions';
import type { Workspace } from '../storage/workspace';
import { saveEditedSystem } from './system-editor';

/**
 * The workspace's districts: add one, rename one (its figures stay stored under the old name and read as
 * the new one), put them in order. workspace.json is written first, then every system that names them, so
 * a stop in between is completed when the workspace is next opened (the old name is a known earlier name).
 */

function taken(ws: Workspace): Map<string, string> {
  const names = new Map<string, string>();
  for (const r of ws.settings.regions) names.set(r, `本工作区已有区县“${r}”`);
  for (const [current, former] of Object.entries(ws.settings.regionFormerNames))
    for (const f of former) names.set(f, `“${f}”是“${current}”以前的名称，已有数据按它保存，不能再用作其他区县的名称`);
  names.set(TOTAL_REGION, `“${TOTAL_REGION}”是全市合计行，不能用作区县名称`);
  names.set(PROVINCE_REGION, `“${PROVINCE_REGION}”是全省平均，不能用作区县名称`);
  return names;
}

function checkNewName(ws: Workspace, name: string): void {
  const why = taken(ws).get(name);
  if (why) throw new AppError('BAD_INPUT', `${why}。`);
  if (/[\\/:*?"<>|]/.test(name)) throw new AppError('BAD_INPUT', `区县名称“${name}”不能含 \\ / : * ? " < > |。`);
}

/** A system's districts in the workspace's order, with a new district added when `add` is given. */
function inWorkspaceOrder(system: IndicatorSystem, order: readonly string[], add?: string): string[] {
  const wanted = new Set([...system.regions, ...(add ? [add] : [])]);
  return order.filter((r) => wanted.has(r)).concat(system.regions.filter((r) => !order.includes(r)));
}

async function updateSystems(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  change: (system: IndicatorSystem) => IndicatorSystem,
  summary: string,
): Promise<void> {
  for (const system of ws.systemList()) {
    const next = change(system);
    if (next !== system) await saveEditedSystem(ws, next, registries, summary);
  }
}

export async function editRegions(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  edit: RegionEdit,
): Promise<void> {
  await ws.assertWritable();
  const regions = ws.settings.regions;
  switch (edit.op) {
    case 'add': {
      const name = edit.name;
      checkNewName(ws, name);
      const at = edit.after ? regions.indexOf(edit.after) + 1 : regions.length;
      if (edit.after && at === 0) throw new AppError('NOT_FOUND', `本工作区没有区县“${edit.after}”。`);
      const order = [...regions.slice(0, at), name, ...regions.slice(at)];
      const summary = `添加区县“${name}”`;
      await ws.updateSettings((f) => ({ ...f, regions: order }), summary, 'regions.update', { add: name });
      await updateSystems(
        ws,
        registries,
        (s) => ({ ...s, regions: inWorkspaceOrder(s, order, name) }),
        `${summary}（体系的区县随之增加）`,
      );
      return;
    }
    case 'rename': {
      const { from, to } = edit;
      if (!regions.includes(from)) throw new AppError('NOT_FOUND', `本工作区没有区县“${from}”。`);
      if (from === to) return;
      checkNewName(ws, to);
      const summary = `区县“${from}”改名为“${to}”（以前的数据保留，按新名称显示）`;
      await ws.updateSettings(
        (f) => {
          const { [from]: fromFormer = [], ...others } = f.regionFormerNames;
          return {
            ...f,
            regions: f.regions.map((r) => (r === from ? to : r)),
            regionFormerNames: { ...others, [to]: [from, ...fromFormer] },
          };
        },
        summary,
        'regions.update',
        { rename: { from, to } },
      );
      await updateSystems(ws, registries, (s) => renameRegionInSystem(s, from, to), summary);
      return;
    }
    case 'order': {
      const order = edit.regions;
      const same = order.length === regions.length && new Set(order).size === order.length;
      if (!same || regions.some((r) => !order.includes(r)))
        throw new AppError(
          'BAD_INPUT',
          `调整顺序时应列出全部 ${regions.length} 个区县（${regions.join('、')}），每个一次。`,
        );
      const summary = `调整区县顺序为 ${order.join('、')}`;
      await ws.updateSettings((f) => ({ ...f, regions: [...order] }), summary, 'regions.update');
      await updateSystems(
        ws,
        registries,
        (s) => {
          const next = inWorkspaceOrder(s, order);
          return next.join() === s.regions.join() ? s : { ...s, regions: next };
        },
        summary,
      );
      return;
    }
  }
}
