import { AppError } from '../../../shared/errors';
import { kindSpec } from '../../../shared/report/kinds';
import type { DocumentKind } from '../../../shared/report/model';
import type { IssueRecord } from '../../../shared/schemas/workspace';
import type { Workspace } from '../storage/workspace';

/**
 * Marks a document as issued (签发): records it and moves the issue counters on. Only this moves them,
 * so drafting and exporting as often as needed never burns an issue number.
 */
export async function markIssued(
  ws: Workspace,
  input: { period: string; kind: DocumentKind; title: string; now: Date },
): Promise<IssueRecord> {
  const year = String(input.now.getFullYear());
  const docs = ws.settings.documents;
  // Each kind numbers from its own counter (a 通报's 文号 never takes a 简报's 期号).
  const counter = kindSpec(input.kind).counter.setting;
  const number = docs[counter][year] ?? 1;
  if (docs.issued.some((r) => r.year === year && r.number === number && r.kind === input.kind)) {
    throw new AppError('CONFLICT', `${year}年第${number}期${input.kind}已经签发过，请检查期号设置。`);
  }
  const record: IssueRecord = {
    year,
    number,
    ...(counter === 'issueCounters' && docs.totalIssueNext ? { total: docs.totalIssueNext } : {}),
    kind: input.kind,
    period: input.period,
    title: input.title,
    issuedAt: input.now.toISOString(),
    issuedBy: ws.user,
  };
  await ws.updateSettings(
    (current) => ({
      ...current,
      documents: {
        ...current.documents,
        [counter]: { ...current.documents[counter], [year]: number + 1 },
        ...(counter === 'issueCounters' && current.documents.totalIssueNext
          ? { totalIssueNext: current.documents.totalIssueNext + 1 }
          : {}),
        issued: [...current.documents.issued, record],
      },
    }),
    `签发${input.kind}${year}年第${number}期${record.total ? `（总第${record.total}期）` : ''}：${input.title}`,
    'briefing.issue',
  );
  return record;
}
