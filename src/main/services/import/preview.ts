import { randomUUID } from 'node:crypto';
import { DEFAULT_ANOMALY_OPTIONS, type AnomalyOptions } from '../../../shared/domain/figure-anomalies';
import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import { AppError } from '../../../shared/errors';
import type { ImportCellReport, ImportFileCounts, ImportFileReport, ImportPreview } from '../../../shared/import-types';
import { reviewOfImport } from '../review/import-review';
import type { Workspace } from '../storage/workspace';
import { evaluateCell, PeriodViews } from './evaluate-cells';
import { identifyFiles, type ImportFile } from './identify';
import type { ImportPreviewStore } from './preview-store';

export const MAX_FILES_PER_IMPORT = 200;

export interface PreviewOptions {
  /** The period the clerk says these forms are for: a form of another period is refused. */
  period?: string;
  anomalies?: { [K in keyof AnomalyOptions]?: AnomalyOptions[K] | undefined };
  /** Keeps the preview for applying it later by id (the contract's import.apply). */
  store?: ImportPreviewStore;
  now?: () => Date;
}

function count(cells: ImportCellReport[]): ImportFileCounts {
  const c: ImportFileCounts = { unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 };
  for (const cell of cells) {
    c[cell.status]++;
    c.anomalies += cell.anomalies.length;
  }
  return c;
}

/**
 * Reads returned fill-in workbooks and reports, per file and per cell, what an import would do.
 * Nothing is written. A file whose identity is wrong (another workspace or city, a tampered meta sheet,
 * a duplicate, an unreadable or unsafe file) is refused whole; within an accepted file a bad cell is
 * reported and skipped while the other cells can be applied, because each cell is an independent
 * figure and holding back a district's good figures for one typo helps nobody.
 */
export async function previewImport(
  ws: Workspace,
  files: ImportFile[],
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  if (files.length === 0) throw new AppError('BAD_INPUT', '请至少选择一个填报表文件。');
  if (files.length > MAX_FILES_PER_IMPORT)
    throw new AppError(
      'BAD_INPUT',
      `一次最多导入 ${MAX_FILES_PER_IMPORT} 个文件，本次选择了 ${files.length} 个，请分批导入。`,
    );
  if (options.period !== undefined) parsePeriod(options.period);
  const anomalyOptions: AnomalyOptions = {
    levelJumpRatio: options.anomalies?.levelJumpRatio ?? DEFAULT_ANOMALY_OPTIONS.levelJumpRatio,
    rateJumpPoints: options.anomalies?.rateJumpPoints ?? DEFAULT_ANOMALY_OPTIONS.rateJumpPoints,
  };
  const views = new PeriodViews(ws);
  const reports: ImportFileReport[] = [];
  const basis: Record<string, number> = {};

  for (const f of await identifyFiles(ws, files, options.period)) {
    if (!f.ok) {
      reports.push({ file: f.name, status: 'refused', message: f.message, cells: [], counts: count([]) });
      continue;
    }
    const cells: ImportCellReport[] = [];
    for (const cell of f.cells) cells.push(await evaluateCell(ws, f.meta.region, cell, views, anomalyOptions));
    for (const key of new Set(f.cells.map((c) => c.meta.period))) basis[key] = (await views.get(key)).revision;
    reports.push({
      file: f.name,
      status: 'accepted',
      region: f.meta.region,
      period: f.meta.period,
      periodTitle: periodTitle(parsePeriod(f.meta.period)),
      ...(f.reporter.name || f.reporter.phone ? { reporter: f.reporter } : {}),
      cells,
      counts: count(cells),
    });
  }

  const createdAt = (options.now ?? (() => new Date()))();
  const totals = reports.reduce(
    (t, r) => {
      for (const k of ['unchanged', 'changed', 'rejected', 'blank', 'anomalies'] as const) t[k] += r.counts[k];
      if (r.status === 'refused') t.refusedFiles++;
      return t;
    },
    { files: reports.length, refusedFiles: 0, unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 },
  );
  const preview: ImportPreview = {
    id: randomUUID(),
    workspaceId: ws.settings.id,
    sample: ws.settings.sample,
    createdAt: createdAt.toISOString(),
    expiresAt: options.store
      ? options.store.expiresAt(createdAt)
      : new Date(createdAt.getTime() + 30 * 60 * 1000).toISOString(),
    files: reports,
    basis,
    totals,
    review: [],
  };
  preview.review = await reviewOfImport(ws, preview);
  options.store?.put(preview);
  return preview;
}
