import { createHash } from 'node:crypto';
import type { PeriodView } from '../../../shared/api-types';
import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import { AppError } from '../../../shared/errors';
import type { FigureValue } from '../../../shared/schemas/figure';
import type { RegionRegistry } from '../../../shared/schemas/region';
import {
  MAX_FIGURE_TABLE_ROWS,
  readFiguresTables,
  type FigureCandidate,
  type FigureIndicator,
  type FiguresReadOptions,
} from '../../../shared/table-import/figures-table';
import { PASTED_SHEET } from '../../../shared/table-import/grid';
import type {
  FigureCellReport,
  FiguresImportPreview,
  FiguresImportResult,
  FiguresPeriodReport,
} from '../../../shared/table-import/types';
import type { StoreChange } from '../storage/figure-store';
import type { Workspace } from '../storage/workspace';
import { readGrids, type TableSource } from './read-grid';
import { regionDirectory } from './system-import';

export interface FiguresTableRequest {
  source: TableSource;
  options: FiguresReadOptions;
}

function digestOf(source: TableSource): string {
  const h = createHash('sha256');
  if (source.kind === 'text') h.update(source.text, 'utf8');
  else if ('bytes' in source) h.update(source.bytes);
  return h.digest('hex');
}

function indicatorsOf(ws: Workspace): FigureIndicator[] {
  return ws.systemList().flatMap((s) =>
    s.indicators.map((i) => {
      const spec = ws.spec(s.id, i.id);
      return {
        systemId: s.id,
        systemTitle: s.title,
        indicatorId: i.id,
        name: i.name,
        unit: i.unit,
        kind: i.kind,
        decimals: spec?.decimals ?? i.decimals,
        frequency: i.frequency,
      };
    }),
  );
}

/** Cells listed in a preview: a 10,000-row sheet previews in full, a bigger one lists the refused cells first. */
export const MAX_PREVIEW_CELLS = 20_000;

const keyOf = (c: FigureCandidate) => `${c.period ?? ''}\u0000${c.systemId}\u0000${c.indicatorId}\u0000${c.region}`;

function same(a: FigureValue | undefined, b: FigureValue | undefined): boolean {
  return a === b;
}

/** Compares every figure of the sheets with what is stored. Nothing is written. */
export async function previewFiguresTable(
  ws: Workspace,
  request: FiguresTableRequest,
  registries: RegionRegistry[],
): Promise<FiguresImportPreview> {
  const { allCells: _all, ...preview } = await compareFiguresTable(ws, request, registries);
  return preview;
}

async function compareFiguresTable(
  ws: Workspace,
  request: FiguresTableRequest,
  registries: RegionRegistry[],
): Promise<FiguresImportPreview & { allCells: FigureCellReport[] }> {
  const registry = registries.find((r) => r.city === ws.settings.city);
  if (!registry) throw new AppError('NOT_FOUND', `没有城市“${ws.settings.city}”的区县清单。`);
  if (request.options.systemId) ws.system(request.options.systemId);
  const grids = await readGrids(request.source, {
    maxRows: MAX_FIGURE_TABLE_ROWS + 1,
    ...(request.options.sheet ? { sheet: request.options.sheet } : {}),
  });
  const read = readFiguresTables(grids, {
    regions: regionDirectory(registry),
    workspaceRegions: ws.settings.regions,
    indicators: indicatorsOf(ws),
    options: request.options,
  });

  const groups = new Map<string, FigureCandidate[]>();
  for (const c of read.candidates)
    if (c.message === undefined) groups.set(keyOf(c), [...(groups.get(keyOf(c)) ?? []), c]);
  const basis: Record<string, number> = {};
  const cells: FigureCellReport[] = [];
  const views = new Map<string, PeriodView>();
  for (const c of read.candidates) {
    let old: FigureValue = null;
    if (c.period) {
      let view = views.get(c.period);
      if (!view) views.set(c.period, (view = await ws.figures.get(c.period)));
      basis[c.period] = view.revision;
      old = view.figures[c.systemId]?.[c.indicatorId]?.[c.region]?.v ?? null;
      if (view.damage && c.message === undefined) {
        cells.push({
          ...c,
          old,
          status: 'rejected',
          message: `${c.period} 的数据文件已损坏（${view.damage.message}），请先在“历史版本”中恢复后再导入`,
        });
        continue;
      }
    }
    if (c.message !== undefined) {
      cells.push({ ...c, old, status: 'rejected' });
      continue;
    }
    const group = groups.get(keyOf(c)) ?? [c];
    const first = group[0];
    if (group.length > 1 && group.some((g) => !same(g.value, first?.value))) {
      const where = group.map((g) => `${g.sheet}!${g.cell}（${String(g.value)}）`).join('、');
      cells.push({
        ...c,
        old,
        status: 'rejected',
        message: `${c.region}${c.periodText}的“${c.indicatorName}”在 ${where} 出现了几次，数值不同，均未导入。请只保留正确的一处`,
      });
      continue;
    }
    if (group.length > 1 && first !== c) {
      cells.push({
        ...c,
        old,
        status: 'duplicate',
        message: `与 ${first?.sheet ?? ''}!${first?.cell ?? ''} 相同，只导入一次`,
      });
      continue;
    }
    const next = c.value ?? null;
    cells.push({ ...c, old, new: next, status: same(next, old) ? 'unchanged' : 'changed' });
  }
  const periods: FiguresPeriodReport[] = Object.keys(basis)
    .sort()
    .map((period) => {
      const own = cells.filter((c) => c.period === period);
      return {
        period,
        title: periodTitle(parsePeriod(period)),
        revision: basis[period] ?? 0,
        changed: own.filter((c) => c.status === 'changed').length,
        unchanged: own.filter((c) => c.status === 'unchanged').length,
        rejected: own.filter((c) => c.status === 'rejected').length,
      };
    });
  const countOf = (s: FigureCellReport['status']) => cells.filter((c) => c.status === s).length;
  const shown = [
    ...cells.filter((c) => c.status === 'rejected'),
    ...cells.filter((c) => c.status !== 'rejected'),
  ].slice(0, MAX_PREVIEW_CELLS);
  return {
    source: request.source.kind === 'text' ? PASTED_SHEET : request.source.name,
    digest: digestOf(request.source),
    sample: ws.settings.sample,
    sheets: read.sheets,
    blocks: read.blocks,
    matched: read.matched,
    unmatched: read.unmatched,
    messages: read.messages,
    allCells: cells,
    cells: shown,
    omittedCells: cells.length - shown.length,
    periods,
    basis,
    totals: {
      changed: countOf('changed'),
      unchanged: countOf('unchanged'),
      rejected: countOf('rejected'),
      duplicate: countOf('duplicate'),
    },
  };
}

/**
 * Writes the changed figures of a table, one saved revision per period (all of a period's figures or
 * none), each figure recording the file, sheet and cell it came from. Refused as a whole when the table is
 * not the one previewed or a period moved since the preview.
 */
export async function applyFiguresTable(
  ws: Workspace,
  request: FiguresTableRequest,
  expected: { digest: string; basis: Record<string, number> },
  registries: RegionRegistry[],
): Promise<FiguresImportResult> {
  await ws.assertWritable();
  const preview = await compareFiguresTable(ws, request, registries);
  if (preview.digest !== expected.digest)
    throw new AppError('CONFLICT', '要导入的表格与预览时的不是同一份（内容变了），本次未导入任何数据。请重新预览。');
  for (const [period, revision] of Object.entries(preview.basis)) {
    const seen = expected.basis[period];
    if (seen !== revision)
      throw new AppError(
        'CONFLICT',
        seen === undefined
          ? `预览之后出现了新的统计期 ${period}，本次未导入任何数据。请重新预览。`
          : `${period} 的数据在预览之后被修改过（第 ${seen} 版 → 第 ${revision} 版），为免覆盖，本次未导入任何数据。请重新预览后再导入。`,
        { period, seen, now: revision },
      );
  }
  const file = preview.source;
  const byPeriod = new Map<string, StoreChange[]>();
  for (const c of preview.allCells) {
    if (c.status !== 'changed' || !c.period || c.new === undefined) continue;
    const list = byPeriod.get(c.period) ?? [];
    list.push({
      systemId: c.systemId,
      indicatorId: c.indicatorId,
      region: c.region,
      value: c.new,
      origin: { kind: 'import', file, sheet: c.sheet, cell: c.cell },
    });
    byPeriod.set(c.period, list);
  }
  const result: FiguresImportResult = { periods: [], changed: 0, rejected: preview.totals.rejected };
  for (const [period, changes] of [...byPeriod.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const sheets = new Set(changes.map((c) => (c.origin?.kind === 'import' ? c.origin.sheet : undefined)));
    const sheet = sheets.size === 1 ? [...sheets][0] : undefined;
    try {
      const saved = await ws.setFigures(period, changes, { kind: 'import', file, ...(sheet ? { sheet } : {}) });
      result.periods.push({ period, revision: saved.revision, changed: saved.changed });
      result.changed += saved.changed;
    } catch (err) {
      const done = result.periods.map((p) => p.period);
      const why = err instanceof Error ? err.message : String(err);
      throw new AppError(
        err instanceof AppError ? err.code : 'INTERNAL',
        `导入 ${period} 的数据时出错：${why}。${done.length ? `此前已保存：${done.join('、')}（每期整体保存）` : '本次未保存任何数据'}`,
        { saved: result.periods },
      );
    }
  }
  return result;
}
