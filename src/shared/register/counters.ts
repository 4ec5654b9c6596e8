import type { DocumentKind } from '../report/model';
import type { DocumentSettings } from '../schemas/workspace';
import { formatDocumentNumber, kindSpec, type CounterSetting } from '../report/kinds';

export type { CounterSetting };

/** Which counter a kind of document numbers from: the kinds table says (简报 issueCounters, 通报 noticeCounters…). */
export function counterOf(kind: DocumentKind): CounterSetting {
  return kindSpec(kind).counter.setting;
}

/** The number the next document of a kind gets in a year (1 when the year has none yet). */
export function nextNumberOf(docs: DocumentSettings, kind: DocumentKind, year: string): number {
  return docs[counterOf(kind)][year] ?? 1;
}

/** How the number is printed: "第8期（总第31期）", "第3期", "湖制造专班〔2026〕8号" (GB/T 9704 §7.2.5). */
export function numberLabel(
  docs: Pick<DocumentSettings, 'noticeNumberPrefix'>,
  kind: DocumentKind,
  year: string,
  number: number,
  total?: number,
): string {
  const printed = formatDocumentNumber(kindSpec(kind).counter, docs.noticeNumberPrefix, year, number);
  return `${printed}${total ? `（总第${total}期）` : ''}`;
}

/**
 * The settings a document is drafted from when it must carry a given number (an issued one, or a kind's
 * own next number): every counter the drafting may read for the year points at it.
 */
export function documentsNumbered(
  docs: DocumentSettings,
  kind: DocumentKind,
  year: string,
  number: number,
  total?: number,
): DocumentSettings {
  const own = counterOf(kind);
  const next: DocumentSettings = {
    ...docs,
    issueCounters: { ...docs.issueCounters, [year]: number },
    [own]: { ...docs[own], [year]: number },
  };
  if (kind === '简报' && total !== undefined) next.totalIssueNext = total;
  else if (kind !== '简报') delete next.totalIssueNext;
  return next;
}
