import type { SystemHistoryItem } from '../../../shared/api-types';
import { AppError } from '../../../shared/errors';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import { normalizeSystem } from '../../../shared/systems/accessors';
import { diffSystems, type SystemChange } from '../../../shared/systems/diff';
import { withCurrentRegionNamesInSystem } from '../../../shared/systems/regions';
import { rolloverSystem } from '../../../shared/systems/rollover';
import { readAudit } from '../storage/audit-log';
import type { Workspace } from '../storage/workspace';
import { validateSystem } from './system-loader';
import { saveEditedSystem, workspaceRegionNames } from './system-editor';

const MAX_SYSTEM_BYTES = 2 * 1024 * 1024;

function checkedForWorkspace(
  ws: Workspace,
  raw: unknown,
  registries: readonly RegionRegistry[],
  what: string,
): IndicatorSystem {
  const checked = validateSystem(raw, registries, workspaceRegionNames(ws));
  if (!checked.ok)
    throw new AppError(
      'BAD_INPUT',
      `${what}有误，未添加：${checked.problems.slice(0, 5).join('；')}`,
      checked.problems,
    );
  if (checked.value.city !== ws.settings.city)
    throw new AppError('BAD_INPUT', `${what}属于${checked.value.city}，本工作区是${ws.settings.city}的，不能添加。`);
  return checked.value;
}

/**
 * 新建下一年度: copies a system for `toYear` (indicators, districts, milestones kept; targets to fill) and
 * links it to the old one. An old system without a working year gets the year before `toYear`, so the
 * periods before `toYear` keep using it.
 */
export async function rolloverWorkspaceSystem(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  systemId: string,
  toYear: string,
): Promise<IndicatorSystem> {
  await ws.assertWritable();
  if (!/^\d{4}$/.test(toYear)) throw new AppError('BAD_INPUT', `年度“${toYear}”应为四位数字，如 2027。`);
  const old = ws.system(systemId);
  const existing = ws
    .systemList()
    .find((s) => s.previous?.systemId === old.id && s.year !== undefined && s.year <= toYear);
  if (existing)
    throw new AppError(
      'CONFLICT',
      `“${old.title}”已有 ${existing.year} 年度的体系“${existing.title}”（${existing.id}），请在那个体系上新建下一年度。`,
    );
  const fromYear = old.year ?? String(Number(toYear) - 1);
  if (fromYear >= toYear)
    throw new AppError('BAD_INPUT', `“${old.title}”是 ${fromYear} 年度的体系，下一年度应晚于 ${fromYear} 年。`);
  const next = rolloverSystem({ ...old, year: fromYear }, toYear, new Set(ws.systemList().map((s) => s.id)));
  const checked = checkedForWorkspace(ws, next, registries, `${toYear}年度体系`);
  if (!old.year)
    await saveEditedSystem(ws, { ...old, year: fromYear }, registries, `设定“${old.title}”的工作年度为 ${fromYear} 年`);
  await ws.addSystem(checked, `新建下一年度：由“${old.title}”新建“${checked.title}”（${toYear}年）`, {
    previous: old.id,
    year: toYear,
  });
  return checked;
}

/**
 * Adds a system to the workspace: a shipped template, or a system file exported from another workspace
 * (JSON, any known format version). An id already used here gets a suffix; a link to a previous-year
 * system this workspace does not have is dropped.
 */
export async function addSystemToWorkspace(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  source:
    | { template: IndicatorSystem }
    | { fileName: string; text: string }
    /** A system built from a target table (.xlsx or pasted) by the importer. */
    | { built: unknown; fileName: string; sheet: string },
): Promise<{ system: IndicatorSystem; renamedFrom?: string }> {
  await ws.assertWritable();
  let raw: unknown;
  let what: string;
  if ('template' in source) {
    raw = structuredClone(source.template);
    what = `模板“${source.template.title}”`;
  } else if ('built' in source) {
    raw = structuredClone(source.built);
    what = `从“${source.fileName}”导入的体系`;
  } else {
    what = `文件“${source.fileName}”`;
    if (Buffer.byteLength(source.text, 'utf8') > MAX_SYSTEM_BYTES)
      throw new AppError('BAD_INPUT', `${what}超过 2 MB，不像是指标体系文件，未读取。`);
    try {
      raw = JSON.parse(source.text);
    } catch {
      throw new AppError(
        'BAD_INPUT',
        `${what}不是有效的 JSON 文件。请选择从“指标体系”页面“导出 JSON”得到的文件（.json）；Excel 表格请用“从表格新建”。`,
      );
    }
  }
  let system = checkedForWorkspace(ws, raw, registries, what);
  const ids = new Set(ws.systemList().map((s) => s.id));
  let renamedFrom: string | undefined;
  if (ids.has(system.id)) {
    renamedFrom = system.id;
    let n = 2;
    while (ids.has(`${system.id}-${n}`)) n++;
    system = { ...system, id: `${system.id}-${n}` };
  }
  if (system.previous && !ids.has(system.previous.systemId)) {
    const { previous: _dropped, ...rest } = system;
    system = normalizeSystem(rest);
  }
  const renamed = renamedFrom ? `，编号改为 ${system.id}` : '';
  await ws.addSystem(
    system,
    'built' in source
      ? `从“${source.fileName}”（工作表“${source.sheet}”）新建指标体系“${system.title}”，${system.indicators.length} 项指标${renamed}`
      : `添加指标体系“${system.title}”（来自${what}）${renamed}`,
  );
  return { system, ...(renamedFrom ? { renamedFrom } : {}) };
}

/** The system file as exported: the stored format, readable by 添加体系 in another workspace. */
export function systemFileText(system: IndicatorSystem): string {
  return JSON.stringify(system, null, 2) + '\n';
}

interface SystemAuditDetail {
  systemId?: string;
  historyFile?: string;
  changes?: SystemChange[];
}

/** Every change of a system in the audit trail, newest first, with the version each one replaced. */
export async function systemHistory(ws: Workspace, systemId: string): Promise<SystemHistoryItem[]> {
  const items: SystemHistoryItem[] = [];
  for (const e of await readAudit(ws.files)) {
    if (!e.action.startsWith('system.')) continue;
    const detail = (e.detail ?? {}) as SystemAuditDetail;
    if (detail.systemId !== systemId) continue;
    items.push({
      at: e.at,
      by: e.by,
      action: e.action,
      summary: e.summary,
      ...(detail.historyFile ? { historyFile: detail.historyFile } : {}),
      changes: Array.isArray(detail.changes) ? detail.changes : [],
    });
  }
  return items.reverse();
}

/**
 * Restores the version a change replaced (history/systems/<file>), itself recorded as a change with its
 * old → new, so a restore can be undone the same way.
 */
export async function restoreSystemVersion(
  ws: Workspace,
  registries: readonly RegionRegistry[],
  systemId: string,
  historyFile: string,
): Promise<IndicatorSystem> {
  await ws.assertWritable();
  if (!historyFile.startsWith(`${systemId}-`) || !/^[A-Za-z0-9~-]+\.json$/.test(historyFile))
    throw new AppError('BAD_INPUT', `“${historyFile}”不是体系“${systemId}”的历史版本。`);
  const text = await ws.files.readText(`history/systems/${historyFile}`, MAX_SYSTEM_BYTES);
  if (text === null)
    throw new AppError('NOT_FOUND', `找不到历史版本 history/systems/${historyFile}，可能已被移走或删除。`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('INVALID_FILE', `历史版本 history/systems/${historyFile} 已损坏（不是有效的 JSON），无法恢复。`);
  }
  const checked = validateSystem(raw, registries, workspaceRegionNames(ws));
  if (!checked.ok)
    throw new AppError(
      'INVALID_FILE',
      `历史版本 ${historyFile} 与本工作区现在的设置不符，无法恢复：${checked.problems.slice(0, 3).join('；')}`,
      checked.problems,
    );
  if (checked.value.id !== systemId)
    throw new AppError('BAD_INPUT', `历史版本 ${historyFile} 属于体系“${checked.value.id}”，不是“${systemId}”。`);
  const current = ws.system(systemId);
  // A district renamed since that version keeps its new name.
  const restored = withCurrentRegionNamesInSystem(checked.value, ws.settings.regionFormerNames);
  const changes = diffSystems(current, restored);
  if (changes.length === 0) return current;
  const when = historyFile
    .slice(systemId.length + 1, systemId.length + 20)
    .replace(/T(\d\d)-(\d\d)-(\d\d)/, ' $1:$2:$3');
  await ws.replaceSystem(
    restored,
    `恢复体系“${current.title}”到 ${when}（UTC）修改前的版本`,
    { changes },
    'system.restore',
  );
  return restored;
}
