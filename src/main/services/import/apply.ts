import { AppError } from '../../../shared/errors';
import type { AppliedFile, ApplyResult, ImportPreview } from '../../../shared/import-types';
import type { StoreChange } from '../storage/figure-store';
import type { Workspace } from '../storage/workspace';
import { FORM_SHEET } from '../documents/xlsx-forms/form-meta';
import { recordImportReturns } from '../returns/returns-service';
import type { ImportPreviewStore } from './preview-store';

export interface ApplyOptions {
  /** Where previews applied by id are kept. */
  store?: ImportPreviewStore;
  /** Cells the clerk left out of this import (per-row exclude in the preview), as excludeKey(file, ref). */
  exclude?: ReadonlySet<string>;
}

/** How an excluded cell is named: the file and the cell's reference ("填报表!D7"). */
export function excludeKey(file: string, ref: string): string {
  return `${file}\u0000${ref}`;
}

function resolvePreview(target: ImportPreview | string, store: ImportPreviewStore | undefined): ImportPreview {
  if (typeof target !== 'string') return target;
  const found = store?.get(target);
  if (found === 'expired') {
    throw new AppError(
      'CONFLICT',
      `导入预览已过期（超过 ${Math.round((store?.ttlMs ?? 0) / 60_000)} 分钟未确认），请重新选择文件预览后再导入。`,
    );
  }
  if (!found)
    throw new AppError('NOT_FOUND', '找不到这次导入预览（可能已经导入过，或程序重启过），请重新选择文件预览。');
  return found;
}

/** Within one preview main refuses both files of a region and period; across previews it is checked here. */
function assertNoDuplicates(previews: ImportPreview[]): void {
  const seen = new Map<string, { file: string; previewId: string }>();
  for (const p of previews) {
    for (const f of p.files) {
      if (f.status !== 'accepted' || !f.region || !f.period) continue;
      const key = `${f.region}\u0000${f.period}`;
      const other = seen.get(key);
      if (other && other.previewId !== p.id) {
        throw new AppError(
          'CONFLICT',
          `“${other.file}”和“${f.file}”都是${f.region}${f.periodTitle ?? f.period}的填报表，不能同时导入。本次未导入任何数据，请只保留一份后重新预览。`,
        );
      }
      seen.set(key, { file: f.file, previewId: p.id });
    }
  }
}

/**
 * Writes what a preview reported as changed, through Workspace.setFigures: one journal entry per file and
 * period, with the file as the entry's origin and each change's own cell ({kind:'import', file, sheet,
 * cell}), so every figure's history names the file and cell it came from. Rejected cells and refused files
 * are not written. Refused as a whole when any period moved since the preview (someone saved in between):
 * the old → new the clerk confirmed would no longer be true.
 *
 * Several previews are one import sent in several requests (a large batch): they are checked together
 * before anything is written, since writing the first one moves the revisions the others were read at.
 */
export async function applyImport(
  ws: Workspace,
  target: ImportPreview | string | readonly (ImportPreview | string)[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const targets = Array.isArray(target) ? target : [target];
  if (targets.length === 0) throw new AppError('BAD_INPUT', '没有要导入的预览，请先选择文件预览。');
  const previews = targets.map((t: ImportPreview | string) => resolvePreview(t, options.store));
  if (previews.some((p) => p.workspaceId !== ws.settings.id))
    throw new AppError('CONFLICT', '这次导入预览是在另一个工作区中做的，不能导入到当前工作区。请重新预览。');
  assertNoDuplicates(previews);
  for (const preview of previews) {
    for (const [period, revision] of Object.entries(preview.basis)) {
      const now = (await ws.figures.get(period)).revision;
      if (now !== revision) {
        throw new AppError(
          'CONFLICT',
          `${period} 的数据在预览之后被修改过（第 ${revision} 版 → 第 ${now} 版），为免覆盖，本次未导入任何数据。请重新预览后再导入。`,
          { period, revision, now },
        );
      }
    }
  }
  await ws.assertWritable();

  const applied: AppliedFile[] = [];
  let changed = 0;
  let excluded = 0;
  for (const file of previews.flatMap((p) => p.files)) {
    if (file.status !== 'accepted' || !file.region) continue;
    const byPeriod = new Map<string, StoreChange[]>();
    for (const cell of file.cells) {
      if (cell.status !== 'changed') continue;
      if (options.exclude?.has(excludeKey(file.file, cell.ref))) {
        excluded++;
        continue;
      }
      const list = byPeriod.get(cell.period) ?? [];
      list.push({
        systemId: cell.systemId,
        indicatorId: cell.indicatorId,
        region: cell.region,
        value: cell.new,
        ...(cell.newNote !== undefined ? { note: cell.newNote } : {}),
        origin: { kind: 'import', file: file.file, sheet: FORM_SHEET, cell: cell.ref.slice(cell.ref.indexOf('!') + 1) },
      });
      byPeriod.set(cell.period, list);
    }
    const done: AppliedFile = { file: file.file, region: file.region, periods: [] };
    for (const [period, changes] of byPeriod) {
      try {
        const result = await ws.setFigures(period, changes, { kind: 'import', file: file.file, sheet: FORM_SHEET });
        done.periods.push({ period, revision: result.revision, changed: result.changed });
        changed += result.changed;
      } catch (err) {
        const saved = [...applied, done].flatMap((a) => a.periods.map((p) => `${a.file}（${p.period}）`));
        const why = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err);
        throw new AppError(
          err instanceof AppError ? err.code : 'INTERNAL',
          `导入“${file.file}”的 ${period} 数据时出错：${why}${saved.length ? `。此前已保存：${saved.join('、')}` : '。本次未保存任何数据'}`,
          {
            applied: [...applied, done],
          },
        );
      }
    }
    applied.push(done);
  }
  for (const p of previews) options.store?.delete(p.id);
  try {
    await recordImportReturns(ws, previews, (file, ref) => options.exclude?.has(excludeKey(file, ref)) ?? false);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError(
      'INTERNAL',
      `数据已全部写入，但各区县的报送记录未能保存（${why}）。可在“导入”页的报送情况中核对。`,
      {
        applied,
      },
    );
  }
  return {
    previewId: previews[0]?.id ?? '',
    applied,
    changed,
    skippedCells: previews.reduce((n, p) => n + p.totals.rejected, 0),
    excludedCells: excluded,
    refusedFiles: previews.reduce((n, p) => n + p.totals.refusedFiles, 0),
  };
}
