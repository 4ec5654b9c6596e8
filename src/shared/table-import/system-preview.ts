import { IndicatorSystemSchema, type IndicatorSystem, type IndicatorSystemInput } from '../schemas/indicator-system';
import { zodErrorToChinese } from '../zod-chinese';
import { cellLabel, type Grid } from './grid';
import type { TableReadOptions } from './schemas';
import { readTargetTable } from './target-table';
import { toIndicatorSystem } from './to-system';
import { normalizeSystem } from '../systems/accessors';
import { systemProblems } from '../systems/validate';
import type { SheetChoice, SystemImportPreview, TableMessage, TableRead } from './types';
import type { RegionDirectory } from './vocabulary';

export interface SystemPreviewContext {
  regions: RegionDirectory;
  /** The year of undated target columns when neither the clerk nor the title gives one. */
  fallbackYear: string;
  options: TableReadOptions;
  /** File name, or 粘贴的表格. */
  source: string;
  /** The id the new system gets, given its latest target year. */
  systemId: (year: string) => string;
  regionOrder: string[];
  workspaceRegions: string[];
}

function sheetChoices(grids: Grid[], reads: Map<Grid, TableRead>): SheetChoice[] {
  return grids.map((g) => {
    const read = reads.get(g);
    return { name: g.name, rows: g.totalRows, table: read !== undefined && read.rows.length > 0 };
  });
}

/** The sheet to read: the clerk's, or the one whose table has the most indicator rows. */
function pickSheet(grids: Grid[], ctx: SystemPreviewContext, reads: Map<Grid, TableRead>): Grid | string {
  const wanted = ctx.options.sheet;
  if (wanted !== undefined) {
    const g = grids.find((x) => x.name === wanted);
    return g ?? `文件中没有名为“${wanted}”的工作表（有：${grids.map((x) => x.name).join('、')}）。请选择其中一个`;
  }
  let best: Grid | undefined;
  let bestRows = -1;
  for (const g of grids) {
    const read = readTargetTable(g, { regions: ctx.regions, fallbackYear: ctx.fallbackYear, options: {} });
    reads.set(g, read);
    const n = read.rows.length;
    if (n > bestRows) {
      best = g;
      bestRows = n;
    }
  }
  return best ?? '文件中没有工作表';
}

function count(table: TableRead, extra: TableMessage[]) {
  const all = [...table.messages, ...extra, ...table.rows.filter((r) => r.include).flatMap((r) => r.messages)];
  return {
    rows: table.rows.length,
    included: table.rows.filter((r) => r.include).length,
    errors: all.filter((m) => m.severity === 'error').length,
    warnings: all.filter((m) => m.severity === 'warning').length,
  };
}

/**
 * Reads a target table and shows what "从表格新建" would store: the mapping, every row, the system, and
 * the messages. Pure: the caller reads the file, supplies the city's regions and keeps nothing.
 */
export function previewSystemImport(grids: Grid[], ctx: SystemPreviewContext): SystemImportPreview {
  const reads = new Map<Grid, TableRead>();
  const picked = pickSheet(grids, ctx, reads);
  if (typeof picked === 'string') {
    const table: TableRead = readTargetTable(
      {
        name: ctx.options.sheet ?? '',
        source: 'xlsx',
        cells: [],
        rowCount: 0,
        colCount: 0,
        merges: [],
        hiddenRows: [],
        hiddenCols: [],
        totalRows: 0,
      },
      { regions: ctx.regions, fallbackYear: ctx.fallbackYear },
    );
    table.messages = [{ severity: 'error', text: picked }];
    return {
      source: ctx.source,
      sheets: sheetChoices(grids, reads),
      table,
      title: ctx.options.title ?? '',
      system: null,
      counts: count(table, []),
      regionsNotInWorkspace: [],
    };
  }
  const table = readTargetTable(picked, { regions: ctx.regions, fallbackYear: ctx.fallbackYear, options: ctx.options });
  reads.set(picked, table);
  const fallbackTitle =
    picked.source === 'paste'
      ? `${table.years[table.years.length - 1] ?? table.year}年指标体系`
      : ctx.source.replace(/\.xlsx$/i, '');
  const title = ctx.options.title ?? (table.title || fallbackTitle);
  const extra: TableMessage[] = [];
  let system: IndicatorSystem | null = null;
  if (count(table, []).errors === 0 && table.rows.some((r) => r.include)) {
    const input: IndicatorSystemInput = toIndicatorSystem(table, {
      id: ctx.systemId(table.years[table.years.length - 1] ?? table.year),
      title,
      city: ctx.regions.city,
      regionOrder: ctx.regionOrder,
      file: ctx.source,
      defaultRegions: ctx.workspaceRegions,
    });
    // The same checks the loader makes (schema, then ids, categories, parents, districts, milestones).
    const parsed = IndicatorSystemSchema.safeParse(input);
    const problems = parsed.success
      ? systemProblems(normalizeSystem(parsed.data), {
          city: ctx.regions.city,
          names: [...new Set([...ctx.regionOrder, ...ctx.workspaceRegions])],
        })
      : zodErrorToChinese(parsed.error, input);
    for (const p of problems) extra.push({ severity: 'error', text: `${cellLabel(table.sheet, undefined)}：${p}` });
    if (parsed.success && problems.length === 0) system = normalizeSystem(parsed.data);
  }
  table.messages.push(...extra);
  const regionsNotInWorkspace = table.regions.filter((r) => !ctx.workspaceRegions.includes(r));
  for (const r of regionsNotInWorkspace)
    table.messages.push({
      severity: 'warning',
      text: `${cellLabel(table.sheet, undefined)}：“${r}”不在本工作区的区县中。其目标会保存，但要填报和排名它的数据，需先在工作区中添加该区县`,
    });
  return {
    source: ctx.source,
    sheets: sheetChoices(grids, reads),
    table,
    title,
    system,
    counts: count(table, []),
    regionsNotInWorkspace,
  };
}
