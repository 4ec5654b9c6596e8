import { regionDirectory } from '../../../src/main/services/table-import/system-import';
import { readGrids, type TableSource } from '../../../src/main/services/table-import/read-grid';
import type { TableReadOptions } from '../../../src/shared/table-import/schemas';
import { previewSystemImport } from '../../../src/shared/table-import/system-preview';
import { MAX_TARGET_TABLE_ROWS } from '../../../src/shared/table-import/target-table';
import type { SystemImportPreview, TableRow } from '../../../src/shared/table-import/types';
import { templates } from '../../support/workspace';

export const HZ_WORKSPACE_REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];

/** The preview of a table for a 湖州 workspace with the six districts, as main makes it. */
export async function previewOf(
  input: Buffer | string,
  options: TableReadOptions = {},
  name = '目标表.xlsx',
): Promise<SystemImportPreview> {
  const registry = await templates.registryForCity('湖州');
  const source: TableSource =
    typeof input === 'string' ? { kind: 'text', text: input } : { kind: 'file', name, bytes: input };
  const grids = await readGrids(source, { maxRows: MAX_TARGET_TABLE_ROWS + 1 });
  return previewSystemImport(grids, {
    regions: regionDirectory(registry),
    fallbackYear: '2026',
    options,
    source: source.kind === 'text' ? '粘贴的表格' : name,
    systemId: (year) => `table-${year}-1`,
    regionOrder: registry.regions.map((r) => r.short),
    workspaceRegions: HZ_WORKSPACE_REGIONS,
  });
}

export function rowNamed(p: SystemImportPreview, name: string): TableRow {
  const row = p.table.rows.find((r) => r.name === name);
  if (!row) throw new Error(`no row “${name}” in ${p.table.rows.map((r) => r.name).join('、')}`);
  return row;
}

/** Every message of a preview (table and rows), as text. */
export function allMessages(p: SystemImportPreview): { severity: string; text: string }[] {
  return [...p.table.messages, ...p.table.rows.flatMap((r) => r.messages)];
}

export function errors(p: SystemImportPreview): string[] {
  return allMessages(p)
    .filter((m) => m.severity === 'error')
    .map((m) => m.text);
}

/** A target's stored value and the comparator the app reads, as "7（不低于7%）". */
export function targetText(row: TableRow, year: string): string {
  const t = row.targets[year];
  if (!t) return '';
  return `${String(t.value)}（${t.meaning ?? `人工：${t.manual ?? ''}`}）`;
}
