import { AppError } from '../../../shared/errors';
import type { Period } from '../../../shared/domain/periods';
import { BriefingDraftFileSchema, type BriefingEdits } from '../../../shared/schemas/briefing';
import { buildReportModel, computeAll, computeKeyIndicators, type ReportWorkspace } from '../../../shared/report/build';
import type { IndicatorResult } from '../../../shared/report/compute';
import { kindSpec } from '../../../shared/report/kinds';
import type { DocumentKind, ReportModel } from '../../../shared/report/model';
import type { Workspace } from '../storage/workspace';
import type { IssuedDocument } from '../../../shared/schemas/register';
import type { DocumentSettings } from '../../../shared/schemas/workspace';
import { numberingFor } from '../register/numbering';
import { loadFigures } from './figure-loader';
import { newerFormat } from '../systems/system-loader';

function reportWorkspace(ws: Workspace): ReportWorkspace {
  const s = ws.settings;
  return { name: s.name, sample: s.sample, regions: s.regions, documents: s.documents, ranking: s.ranking };
}

/** Relative to the workspace; read and written through its files, which refuse links. */
function draftPath(periodKey: string, kind: DocumentKind): string {
  return `briefings/${periodKey}/${kind}.json`;
}

/** The clerk's saved edits for a period and kind, or none. A damaged draft file is reported, not ignored. */
export async function loadEdits(
  ws: Workspace,
  periodKey: string,
  kind: DocumentKind,
): Promise<BriefingEdits | undefined> {
  const text = await ws.files.readText(draftPath(periodKey, kind), 4 * 1024 * 1024);
  if (text === null) return undefined;
  try {
    const raw: unknown = JSON.parse(text);
    const newer = newerFormat(raw, 1);
    if (newer) throw new AppError('INVALID_FILE', `briefings/${periodKey}/${kind}.json：${newer}。本程序不会改动它。`);
    const parsed = BriefingDraftFileSchema.safeParse(raw);
    if (parsed.success) return parsed.data.edits;
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Not JSON: reported below.
  }
  throw new AppError(
    'INVALID_FILE',
    `briefings/${periodKey}/${kind}.json 已损坏，无法读取修改过的文稿。可从 history/briefings/ 找回上一版，或删除该文件重新起草。`,
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function saveEdits(
  ws: Workspace,
  periodKey: string,
  kind: DocumentKind,
  edits: BriefingEdits,
  now: Date,
): Promise<void> {
  await ws.assertWritable();
  const path = draftPath(periodKey, kind);
  const previous = await ws.files.readText(path, 4 * 1024 * 1024);
  const newer = previous === null ? null : newerFormat(safeJson(previous), 1);
  if (newer) throw new AppError('INVALID_FILE', `${path}：${newer}。本程序不会覆盖它。`);
  if (previous !== null)
    await ws.files.writeExclusive(
      `history/briefings/${periodKey}/${kind}-${now.toISOString().replace(/[:.]/g, '-')}.json`,
      previous,
    );
  const file = {
    formatVersion: 1 as const,
    period: periodKey,
    kind,
    edits,
    updatedAt: now.toISOString(),
    updatedBy: ws.user,
  };
  await ws.files.writeAtomic(path, JSON.stringify(file, null, 2) + '\n');
}

export interface ReportRequest {
  period: Period;
  periodKey: string;
  kind: DocumentKind;
  issueDate: Date;
  /** Use these edits instead of the saved ones (preview of unsaved changes). */
  edits?: BriefingEdits | undefined;
  /** Draft with these settings (a number fixed by the caller, as for a 更正), not the register's numbering. */
  documents?: DocumentSettings;
}

export interface WorkspaceReport {
  model: ReportModel;
  /** The issued document in force for this period and kind, when it has been issued (签发). */
  issued: IssuedDocument | null;
  /** The key indicators the model was built from, computed once for the model and the rankings page. */
  results: IndicatorResult[];
  damaged: { period: string; message: string }[];
}

/** Builds the report model of a workspace for a period: the one source of the briefing, the table and the preview. */
export async function buildWorkspaceReport(ws: Workspace, request: ReportRequest): Promise<WorkspaceReport> {
  const systems = ws.systemList();
  if (systems.length === 0) throw new AppError('NOT_FOUND', '本工作区没有可用的指标体系，无法生成文稿。');
  const spec = kindSpec(request.kind);
  const wholeYears = spec.monthlyDetail || spec.chart === 'trend';
  const { lookup, damaged } = await loadFigures(ws, request.period, systems, { wholeYears });
  const edits = request.edits ?? (await loadEdits(ws, request.periodKey, request.kind));
  const numbering = request.documents
    ? { documents: request.documents, issueDate: request.issueDate, issued: null }
    : await numberingFor(ws, request.periodKey, request.kind, request.issueDate);
  const d = numbering.issueDate;
  const input = {
    kind: request.kind,
    period: request.period,
    workspace: { ...reportWorkspace(ws), documents: numbering.documents },
    systems,
    lookup,
    issueDate: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() },
    ...(edits ? { edits } : {}),
  };
  const results = computeKeyIndicators(input);
  return { model: buildReportModel(input, results), results, damaged, issued: numbering.issued };
}

/** All indicators of the workspace (or one system) computed for a period. */
export async function computeWorkspace(ws: Workspace, period: Period, systemId?: string): Promise<IndicatorResult[]> {
  if (systemId) ws.system(systemId);
  // Every system, also for one: a later year's system reads last year's figures from its predecessor.
  const systems = ws.systemList();
  const { lookup } = await loadFigures(ws, period, systems);
  return computeAll({
    period,
    workspace: reportWorkspace(ws),
    systems,
    lookup,
    ...(systemId ? { onlySystemId: systemId } : {}),
  });
}
