import { createHash } from 'node:crypto';
import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import { AppError } from '../../../shared/errors';
import { counterOf, documentsNumbered, numberLabel } from '../../../shared/register/counters';
import type { DocumentKind } from '../../../shared/report/model';
import type { BriefingEdits } from '../../../shared/schemas/briefing';
import type { IssuedDocument, IssuedFile } from '../../../shared/schemas/register';
import { renderBriefingDocx } from '../documents/docx';
import { renderRankingXlsx } from '../documents/xlsx';
import { exportFileNames } from '../reports/export-service';
import { keysNeeded } from '../reports/figure-loader';
import { buildWorkspaceReport, loadEdits } from '../reports/report-service';
import { modelWarnings } from '../reports/model-warnings';
import { assertNoOpenErrors } from '../review/review-service';
import { KeyedMutex } from '../storage/keyed-mutex';
import type { Workspace } from '../storage/workspace';
import { dateOfDay, numberingFor } from './numbering';
import { issuedOf, readRegister, registerFile } from './register-store';

export interface IssueRequest {
  period: string;
  kind: DocumentKind;
  /** 成文日期 "2023-10-12"; today when absent. */
  date?: string;
  /** A corrected issue (更正) of the document already issued for this period and kind. */
  correct?: { reason: string };
}

export interface IssueResult {
  document: IssuedDocument;
  /** What the clerk should know about the issued document (stale edited numbers, damaged data). */
  warnings: string[];
}

function dayOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * A folder left by a 签发 that died before the register was written holds no issued document: it is moved
 * aside (kept, never deleted) so the name is free again.
 */
async function clearUnregistered(ws: Workspace, year: string, id: string, stamp: string): Promise<void> {
  const entries = (await ws.files.list(`issued/${year}`)) ?? [];
  if (!entries.some((e) => e.name === id)) return;
  await ws.files.moveAside(`issued/${year}/${id}`, `.未完成-${stamp.replace(/[:.]/g, '-')}`);
}

/**
 * 签发: freezes the document of a period exactly as issued — the .docx and the ranking .xlsx bytes, the edits
 * it was drafted with and each data file's revision — under issued/<year>/<id>/ with their SHA-256, never
 * overwriting anything, then records it in the register and moves the kind's counter on. A period and kind
 * is issued once; after that only a 更正 (a corrected issue with a reason, under the same number, labelled
 * 更正) is possible. Refused while a 审核 错误 is open.
 */
export function issueDocument(ws: Workspace, request: IssueRequest): Promise<IssueResult> {
  // One 签发 at a time per workspace: a double click must not let two of them pick the same number and
  // folder (the second would find the first's half-written folder and move it aside). Other PCs are kept
  // out by the workspace's write lock.
  return issuing.run(ws.dir, () => issueUnderLock(ws, request));
}

const issuing = new KeyedMutex();

async function issueUnderLock(ws: Workspace, request: IssueRequest): Promise<IssueResult> {
  const period = parsePeriod(request.period);
  const title = periodTitle(period);
  await ws.assertWritable();
  const now = ws.now();
  const register = await readRegister(ws);
  const issued = issuedOf(register, request.period, request.kind);
  if (issued && !request.correct) {
    const o = issued.original;
    throw new AppError(
      'CONFLICT',
      `${title}的${request.kind}已于${chineseDate(o.issueDate)}签发（${o.label}，${o.issuedBy}），不能再次签发。如需改动，请用“更正”并写明原因。`,
      { id: issued.current.id },
    );
  }
  if (!issued && request.correct)
    throw new AppError('BAD_INPUT', `${title}的${request.kind}还没有签发，无需更正；请直接签发。`);
  const reason = request.correct?.reason.trim() ?? '';
  if (request.correct && reason.length < 2)
    throw new AppError('BAD_INPUT', '请写明更正的原因（至少 2 个字），它会印在更正稿的更正说明中。');
  if (request.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(request.date))
    throw new AppError('BAD_INPUT', `成文日期“${request.date}”格式不对，应为 2026-10-12 这样的年-月-日。`);
  await assertNoOpenErrors(ws, request.period);

  const issueDay = request.date ?? dayOf(now);
  const numbering = await numberingFor(ws, request.period, request.kind, dateOfDay(issueDay));
  const { year, number, total } = numbering;
  const seq = issued ? issued.corrections.length + 1 : undefined;
  const id = `${request.kind}-${year}-${number}${seq ? `-更正${seq}` : ''}`;
  const label = `${numberLabel(ws.settings.documents, request.kind, year, number, total)}${seq ? '（更正）' : ''}`;

  const saved = await loadEdits(ws, request.period, request.kind);
  const reportRequest = {
    period,
    periodKey: request.period,
    kind: request.kind,
    issueDate: dateOfDay(issueDay),
    documents: documentsNumbered(ws.settings.documents, request.kind, year, number, total),
  };
  let report = await buildWorkspaceReport(ws, { ...reportRequest, edits: saved });
  let edits: BriefingEdits = saved ?? { paragraphs: {} };
  if (issued && seq) {
    const note = `更正说明：${reason}。本稿代替${chineseDate(issued.current.issueDate)}签发的${issued.current.label}。`;
    edits = {
      ...edits,
      title: `${report.model.title}（更正）`,
      editorNote: edits.editorNote ? `${note}${edits.editorNote}` : note,
    };
    report = await buildWorkspaceReport(ws, { ...reportRequest, edits });
  }
  const { model } = report;
  const warnings = modelWarnings(model, report.damaged);
  const docx = await renderBriefingDocx(model, { onWarning: (w) => warnings.push(w) });
  const xlsx = await renderRankingXlsx(model);
  const names = exportFileNames(model);
  const suffix = seq ? `（更正${seq > 1 ? seq : ''}）` : '';
  const withSuffix = (name: string) => name.replace(/(\.[a-z]+)$/, `${suffix}$1`);
  const parts: { role: IssuedFile['role']; name: string; data: Buffer }[] = [
    { role: 'docx', name: withSuffix(names.docx), data: docx },
    { role: 'xlsx', name: withSuffix(names.xlsx), data: xlsx },
    { role: 'edits', name: '签发时的文稿修改.json', data: Buffer.from(JSON.stringify(edits, null, 2) + '\n', 'utf8') },
  ];

  await clearUnregistered(ws, year, id, now.toISOString());
  const files: IssuedFile[] = [];
  for (const part of parts) {
    const path = `issued/${year}/${id}/${part.name}`;
    if (!(await ws.files.createExclusive(path, part.data)))
      throw new AppError('CONFLICT', `${path} 已存在，签发的文件不会被覆盖；本次签发未登记。请刷新“已签发”页后再试。`);
    files.push({ name: part.name, path, sha256: sha256(part.data), bytes: part.data.length, role: part.role });
  }
  const frequencies = new Set(ws.systemList().flatMap((s) => s.indicators.map((i) => i.frequency)));
  const data: Record<string, number> = {};
  for (const key of keysNeeded(period, frequencies).sort()) data[key] = (await ws.figures.get(key)).revision;

  const document: IssuedDocument = {
    id,
    kind: request.kind,
    year,
    number,
    ...(total ? { total } : {}),
    label,
    period: request.period,
    periodTitle: model.periodTitle,
    title: model.title,
    issueDate: issueDay,
    issuedAt: now.toISOString(),
    issuedBy: ws.user,
    ...(issued && seq ? { correction: { of: issued.original.id, seq, reason } } : {}),
    data,
    files,
    sample: ws.settings.sample,
  };
  await registerFile(ws).update((file) => {
    if (file.documents.some((d) => d.id === id))
      throw new AppError('CONFLICT', `登记簿中已有“${id}”，本次签发未登记。请刷新“已签发”页后再试。`);
    return { ...file, documents: [...file.documents, document] };
  }, now.toISOString());
  const what = `${request.kind}${label}（${title}）`;
  if (seq) {
    await ws.audit('register.correct', `更正${what}：${reason}`, { period: request.period, id });
  } else {
    await advanceCounter(ws, request.kind, year, number, total);
    await ws.audit('register.issue', `签发${what}：${model.title}`, { period: request.period, id });
  }
  return { document, warnings };
}

/** Moves the kind's counter past the issued number (and the 简报's 总期号 past its total). */
async function advanceCounter(
  ws: Workspace,
  kind: DocumentKind,
  year: string,
  number: number,
  total: number | undefined,
): Promise<void> {
  const counter = counterOf(kind);
  await ws.updateSettings(
    (current) => {
      const docs = current.documents;
      return {
        ...current,
        documents: {
          ...docs,
          [counter]: { ...docs[counter], [year]: Math.max(docs[counter][year] ?? 1, number + 1) },
          ...(total ? { totalIssueNext: Math.max(docs.totalIssueNext ?? 1, total + 1) } : {}),
        },
      };
    },
    `${kind}${year}年计数器移到第${number + 1}号`,
    'briefing.issue',
  );
}
