import type { ExportResult } from '../../../shared/api-types';
import type { DocumentKind } from '../../../shared/report/model';
import { exportsForDownload } from '../documents/deliver-files';
import type { DownloadStore } from '../downloads/download-store';
import type { JobService } from '../jobs/job-service';
import type { Workspace } from '../storage/workspace';
import { exportDocuments, type ExportPart } from './export-service';
import { parsePeriodOrThrow } from './figure-loader';
import { periodLabel } from '../../../shared/domain/period-labels';

export interface ExportJobRequest {
  periodKey: string;
  kind: DocumentKind;
  parts: ExportPart[];
  issueDate: Date;
  asCopy?: boolean;
}

/**
 * Starts exporting a period's documents as a job and returns its id. With a download store (the browser
 * host, which cannot open the workspace folder) each written file is also offered for download.
 */
export function startExportJob(
  deps: { jobs: JobService; downloads: DownloadStore | null },
  ws: Workspace,
  request: ExportJobRequest,
): string {
  const period = parsePeriodOrThrow(request.periodKey);
  // The label names the period, so the clerk sees which period was written before opening the file.
  const what = request.parts.includes('docx') ? request.kind : '排名表';
  const label = `导出${periodLabel(request.periodKey)}${what}`;
  return deps.jobs.start<ExportResult>(label, async (job) => {
    const result = await exportDocuments(ws, { ...request, period }, job);
    const files = deps.downloads
      ? await exportsForDownload(result.files, result.absolutePaths, deps.downloads)
      : result.files;
    return { files, checks: result.checks, warnings: result.warnings };
  });
}
