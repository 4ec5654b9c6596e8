import { parsePeriod } from '../../shared/domain/periods';
import { periodTitle } from '../../shared/domain/period-labels';
import { AppError } from '../../shared/errors';
import type { FormsGenerateResult } from '../../shared/import-types';
import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { generateFillForms } from '../services/documents/xlsx-forms/generate-fill-forms';
import { saveIntoFolder } from '../services/documents/save-files';
import { applyImport, decodeUploads, excludeKey, missingRegions, previewImport } from '../services/import';

type ImportHandlers = Pick<Handlers, 'forms.generate' | 'import.preview' | 'import.apply' | 'import.missing'>;

export function importHandlers({ session, dialogs, downloads, importPreviews }: Services): ImportHandlers {
  return {
    'forms.generate': async ({ period, regions }) => {
      const ws = session.require();
      const forms = await generateFillForms(ws, period, regions ? { regions } : {});
      const base = { period, periodTitle: periodTitle(parsePeriod(period)), sample: ws.settings.sample };
      if (dialogs) {
        const folder = await dialogs.chooseFolder('选择保存填报表的文件夹', session.defaultParentDir);
        if (!folder) throw new AppError('CANCELLED', '已取消，未生成填报表文件。');
        const paths = await saveIntoFolder(folder, forms);
        return {
          ...base,
          folder,
          files: forms.map((f, i) => ({ region: f.region, fileName: f.fileName, rows: f.rows, path: paths[i] ?? '' })),
        };
      }
      const result: FormsGenerateResult = { ...base, files: [] };
      for (const f of forms) {
        const { id, expiresAt } = downloads.put({
          fileName: f.fileName,
          contentType: XLSX_CONTENT_TYPE,
          body: f.buffer,
        });
        result.expiresAt = expiresAt;
        result.files.push({
          region: f.region,
          fileName: f.fileName,
          rows: f.rows,
          downloadId: id,
          downloadUrl: `/downloads/${id}`,
        });
      }
      return result;
    },
    'import.preview': ({ files, period, anomalies }) =>
      previewImport(session.require(), decodeUploads(files), {
        store: importPreviews,
        ...(period ? { period } : {}),
        ...(anomalies ? { anomalies } : {}),
      }),
    'import.apply': async ({ previewId, morePreviewIds, exclude }, ctx) => {
      const result = await applyImport(session.require(), [previewId, ...(morePreviewIds ?? [])], {
        store: importPreviews,
        exclude: new Set((exclude ?? []).map((e) => excludeKey(e.file, e.ref))),
      });
      const latest = new Map<string, number>();
      for (const file of result.applied)
        for (const p of file.periods) latest.set(p.period, Math.max(latest.get(p.period) ?? 0, p.revision));
      for (const [period, revision] of latest) ctx.emit('figures.changed', { period, revision });
      return result;
    },
    'import.missing': ({ period }) => missingRegions(session.require(), period),
  };
}
