import { AppError } from '../../../shared/errors';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import type { TableReadOptions } from '../../../shared/table-import/schemas';
import { previewSystemImport } from '../../../shared/table-import/system-preview';
import { MAX_TARGET_TABLE_ROWS } from '../../../shared/table-import/target-table';
import type { SystemImportPreview } from '../../../shared/table-import/types';
import type { RegionDirectory } from '../../../shared/table-import/vocabulary';
import { PASTED_SHEET } from '../../../shared/table-import/grid';
import type { Workspace } from '../storage/workspace';
import { addSystemToWorkspace } from '../systems/workspace-systems';
import { readGrids, type TableSource } from './read-grid';

export interface SystemTableRequest {
  source: TableSource;
  options: TableReadOptions;
}

export interface SystemImportDeps {
  registries: RegionRegistry[];
  now: Date;
}

export function regionDirectory(registry: RegionRegistry): RegionDirectory {
  return { city: registry.city, regions: registry.regions.map((r) => ({ short: r.short, name: r.name })) };
}

/** table-2026-1, table-2026-2 …: the first id no system of the workspace has. */
function freeSystemId(ws: Workspace): (year: string) => string {
  const taken = new Set([...ws.settings.systems, ...ws.systemList().map((s) => s.id)]);
  return (year) => {
    let n = 1;
    while (taken.has(`table-${year}-${n}`)) n++;
    return `table-${year}-${n}`;
  };
}

function sourceName(source: TableSource): string {
  return source.kind === 'text' ? PASTED_SHEET : source.name;
}

/** What "从表格新建" would store in this workspace. Nothing is written. */
export async function previewSystemTable(
  ws: Workspace,
  request: SystemTableRequest,
  deps: SystemImportDeps,
): Promise<SystemImportPreview> {
  const registry = deps.registries.find((r) => r.city === ws.settings.city);
  if (!registry) throw new AppError('NOT_FOUND', `没有城市“${ws.settings.city}”的区县清单，无法读取分区县目标。`);
  const grids = await readGrids(request.source, {
    maxRows: MAX_TARGET_TABLE_ROWS + 1,
    ...(request.options.sheet ? { sheet: request.options.sheet } : {}),
  });
  return previewSystemImport(grids, {
    regions: regionDirectory(registry),
    fallbackYear: String(deps.now.getFullYear()),
    options: request.options,
    source: sourceName(request.source),
    systemId: freeSystemId(ws),
    regionOrder: registry.regions.map((r) => r.short),
    workspaceRegions: ws.settings.regions,
  });
}

/**
 * Reads the table again with the clerk's choices and, when nothing is left to fix, adds the system to the
 * workspace. Refused as a whole (nothing written) while any error remains.
 */
export async function applySystemTable(
  ws: Workspace,
  request: SystemTableRequest,
  deps: SystemImportDeps,
): Promise<{ system: IndicatorSystem; preview: SystemImportPreview }> {
  await ws.assertWritable();
  const preview = await previewSystemTable(ws, request, deps);
  const errors = [
    ...preview.table.messages,
    ...preview.table.rows.filter((r) => r.include).flatMap((r) => r.messages),
  ].filter((m) => m.severity === 'error');
  if (errors.length > 0 || !preview.system) {
    const shown = errors.slice(0, 5).map((e) => e.text);
    throw new AppError(
      'BAD_INPUT',
      `指标体系未保存：还有 ${errors.length} 处需要改正。${shown.join('；')}${errors.length > shown.length ? '……' : ''}`,
      errors,
    );
  }
  // The same checks and the same add as any system brought into the workspace (templates, other workspaces).
  const { system } = await addSystemToWorkspace(ws, deps.registries, {
    built: preview.system,
    fileName: preview.source,
    sheet: preview.table.sheet,
  });
  return { system, preview };
}
