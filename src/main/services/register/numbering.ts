import { counterOf, documentsNumbered, nextNumberOf } from '../../../shared/register/counters';
import type { DocumentKind } from '../../../shared/report/model';
import type { IssuedDocument } from '../../../shared/schemas/register';
import type { DocumentSettings } from '../../../shared/schemas/workspace';
import type { Workspace } from '../storage/workspace';
import { highestIssued, issuedOf, readRegister } from './register-store';

export interface Numbering {
  /** The settings to draft from: the counters point at the number this document carries. */
  documents: DocumentSettings;
  /** 成文日期: the issue date of an issued document, else the date asked for. */
  issueDate: Date;
  number: number;
  total?: number;
  year: string;
  /** The issued document in force for this period and kind, when it has been issued. */
  issued: IssuedDocument | null;
}

/** "2023-10-12" as the local calendar day (noon, so no time zone moves it to another day). */
export function dateOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

/**
 * The number a period's document carries. Once issued, the issued number and date, so the preview and a
 * later export show 第8期 as issued, not the next number. Before, the kind's own next number (a 通报 never
 * takes a 简报's 期号), and never one already issued: the register is checked beside the counter, so a
 * counter left behind (a crash between the two writes, a hand edit) cannot make two documents one number.
 */
export async function numberingFor(
  ws: Workspace,
  period: string,
  kind: DocumentKind,
  issueDate: Date,
): Promise<Numbering> {
  const docs = ws.settings.documents;
  const register = await readRegister(ws);
  const issued = issuedOf(register, period, kind);
  if (issued) {
    const { year, number, total } = issued.original;
    return {
      documents: documentsNumbered(docs, kind, year, number, total),
      issueDate: dateOfDay(issued.current.issueDate),
      number,
      ...(total ? { total } : {}),
      year,
      issued: issued.current,
    };
  }
  const year = String(issueDate.getFullYear());
  const number = Math.max(nextNumberOf(docs, kind, year), highestIssued(register, kind, year) + 1);
  const highestTotal = register.filter((d) => d.kind === '简报').reduce((n, d) => Math.max(n, d.total ?? 0), 0);
  const total =
    counterOf(kind) === 'issueCounters' && docs.totalIssueNext
      ? Math.max(docs.totalIssueNext, highestTotal + 1)
      : undefined;
  return {
    documents: documentsNumbered(docs, kind, year, number, total),
    issueDate,
    number,
    ...(total ? { total } : {}),
    year,
    issued: null,
  };
}
