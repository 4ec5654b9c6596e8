import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { ExportResult } from '../../../shared/api-types';
import { endMonth, type Period } from '../../../shared/domain/periods';
import { modelContentChecks } from '../../../shared/report/model-checks';
import type { DocumentKind, ReportModel } from '../../../shared/report/model';
import { checkBriefingDocx } from '../documents/docx-checker';
import { renderBriefingDocx } from '../documents/docx';
import { replaceInFolder, saveIntoFolder } from '../documents/save-files';
import { renderRankingXlsx } from '../documents/xlsx';
import type { JobContext } from '../jobs/job-service';
import type { Workspace } from '../storage/workspace';
import { assertNoOpenErrors } from '../review/review-service';
import { buildWorkspaceReport } from './report-service';
import { modelWarnings } from './model-warnings';

export type ExportPart = 'docx' | 'xlsx';

export interface ExportRequest {
  period: Period;
  periodKey: string;
  kind: DocumentKind;
  issueDate: Date;
  parts: ExportPart[];
  /** Defaults to the workspace's exports/<period>/ folder. */
  outDir?: string;
  /** Keep an earlier export of the same name and write this one as "（2）"…; by default it is replaced. */
  asCopy?: boolean;
}

/** File names say what the file is, its issue and period, and 示例数据 for the sample. */
export function exportFileNames(model: ReportModel): { docx: string; xlsx: string } {
  const sample = model.sample ? '（示例数据）' : '';
  const issue = model.meta.documentNumber;
  return {
    docx: `${model.periodTitle}${model.meta.kind}${issue ? `（${issue}）` : ''}${sample}.docx`,
    xlsx: `${model.periodTitle}各区县主要指标亮晒表${sample}.xlsx`,
  };
}

const noProgress: JobContext = { progress: () => {}, signal: new AbortController().signal };

/**
 * Writes the briefing .docx and/or the ranking .xlsx of a period from one report model, runs the format
 * checker on the .docx. An earlier export of the same document is replaced unless a copy is asked for.
 */
export async function exportDocuments(
  ws: Workspace,
  request: ExportRequest,
  job: JobContext = noProgress,
): Promise<ExportResult & { absolutePaths: string[]; model: ReportModel }> {
  const total = request.parts.length + 2;
  job.progress(0, total, '正在审核');
  await assertNoOpenErrors(ws, request.periodKey);
  job.progress(0, total, '正在计算并起草');
  const { model, damaged } = await buildWorkspaceReport(ws, {
    period: request.period,
    periodKey: request.periodKey,
    kind: request.kind,
    issueDate: request.issueDate,
  });
  const warnings = modelWarnings(model, damaged, ws.problemList());
  const names = exportFileNames(model);
  // The default folder is inside the workspace: a link there would put the documents somewhere else.
  if (!request.outDir) await ws.files.assertNoLinks(`exports/${request.periodKey}`);
  const outDir = request.outDir ?? join(ws.dir, 'exports', request.periodKey);
  await mkdir(outDir, { recursive: true });
  const files: { fileName: string; buffer: Buffer }[] = [];
  let checks: ExportResult['checks'] = [];
  let step = 1;
  if (request.parts.includes('docx')) {
    job.progress(step++, total, '正在生成简报 .docx');
    const docx = await renderBriefingDocx(model, { onWarning: (w) => warnings.push(w) });
    checks = [
      ...(await checkBriefingDocx(docx, {
        kind: model.meta.kind,
        linePitchTwips: model.style.linePitchTwips,
        fonts: model.style.fonts,
        sample: model.sample,
        copies: model.meta.copies,
        dateText: model.meta.dateText,
        yearEnd: endMonth(request.period) === 12,
      })),
      ...modelContentChecks(model),
    ];
    files.push({ fileName: names.docx, buffer: docx });
  }
  if (request.parts.includes('xlsx')) {
    job.progress(step++, total, '正在生成排名表 .xlsx');
    files.push({ fileName: names.xlsx, buffer: await renderRankingXlsx(model) });
  }
  job.progress(step, total, '正在保存');
  const paths = await (request.asCopy ? saveIntoFolder(outDir, files) : replaceInFolder(outDir, files));
  job.progress(total, total, '完成');
  return {
    files: paths.map((p, i) => ({
      name: p.slice(outDir.length + 1),
      relativePath: relative(ws.dir, p),
      bytes: files[i]?.buffer.length ?? 0,
    })),
    checks,
    warnings,
    absolutePaths: paths,
    model,
  };
}
