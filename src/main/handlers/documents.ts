import { readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import type { ExportResult } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { parsePeriodOrThrow } from '../services/reports/figure-loader';
import { saveIntoFolder } from '../services/documents/save-files';
import { exportDocuments } from '../services/reports/export-service';

type DocumentHandlers = Pick<Handlers, 'documents.export' | 'documents.result' | 'documents.reveal' | 'app.print'>;

export function documentHandlers({ session, jobs, downloads, dialogs }: Services): DocumentHandlers {
  return {
    'documents.export': ({ period, kind, parts }) => {
      const ws = session.require();
      const p = parsePeriodOrThrow(period);
      const label = parts.includes('docx') ? `导出${kind}` : '导出排名表';
      const jobId = jobs.start<ExportResult>(label, async (job) => {
        const result = await exportDocuments(
          ws,
          { period: p, periodKey: period, kind, issueDate: new Date(), parts },
          job,
        );
        // The browser host cannot open the workspace folder: it offers each file for download instead.
        const files = await Promise.all(
          result.files.map(async (f, i) => {
            if (dialogs) return f;
            const body = await readFile(result.absolutePaths[i] ?? '');
            const { id } = downloads.put({
              fileName: f.name,
              contentType: f.name.endsWith('.docx') ? DOCX_CONTENT_TYPE : XLSX_CONTENT_TYPE,
              body,
            });
            return { ...f, downloadId: id };
          }),
        );
        return { files, checks: result.checks, warnings: result.warnings };
      });
      return { jobId };
    },
    'documents.result': ({ jobId }) => jobs.result<ExportResult>(jobId),
    'app.print': async ({ mode, period, fileName, landscape }) => {
      if (!dialogs) throw new AppError('BAD_INPUT', '浏览器预览请使用浏览器的打印功能（Ctrl+P），可选择“另存为 PDF”。');
      if (mode === 'print') return { printed: await dialogs.printWindow() };
      const ws = session.require();
      const pdf = await dialogs.printWindowToPdf(landscape);
      const [path] = await saveIntoFolder(join(ws.dir, 'exports', period), [
        { fileName: fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf`, buffer: pdf },
      ]);
      return { printed: true, pdf: { relativePath: relative(ws.dir, path ?? '') } };
    },
    'documents.reveal': ({ relativePath }) => {
      const ws = session.require();
      const exportsDir = resolve(ws.dir, 'exports');
      const full = resolve(ws.dir, relativePath);
      if (!full.startsWith(exportsDir + sep))
        throw new AppError('FORBIDDEN', '只能打开工作区 exports 文件夹中的文件。');
      if (!dialogs)
        throw new AppError('BAD_INPUT', `浏览器预览中无法打开文件夹，文件位于：${join(ws.dir, relativePath)}`);
      dialogs.revealInFolder(full);
      return null;
    },
  };
}
