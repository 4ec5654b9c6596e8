import type { ExportResult } from '../../shared/api-types';
import { AppError } from '../../shared/errors';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { startExportJob } from '../services/reports/export-job';
import { exportedFilePath } from '../services/reports/exports-folder';

export function documentsHandlers({ session, jobs, downloads, dialogs }: Services): NamespaceHandlers<'documents'> {
  return {
    'documents.export': ({ period, kind, parts, asCopy }) => {
      // The browser host cannot open the workspace folder: it offers each file for download instead.
      const deps = { jobs, downloads: dialogs ? null : downloads };
      return {
        jobId: startExportJob(deps, session.require(), {
          periodKey: period,
          kind,
          parts,
          asCopy,
          issueDate: new Date(),
        }),
      };
    },
    'documents.result': ({ jobId }) => jobs.result<ExportResult>(jobId),
    'documents.reveal': ({ relativePath }) => {
      const ws = session.require();
      const full = exportedFilePath(ws, relativePath);
      if (!dialogs) throw new AppError('BAD_INPUT', `浏览器预览中无法打开文件夹，文件位于：${full}`);
      dialogs.revealInFolder(full);
      return null;
    },
  };
}
