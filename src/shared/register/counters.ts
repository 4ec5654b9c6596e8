import type { DocumentKind } from '../report/model';
import type { DocumentSettings } from '../schemas/workspace';

/**
 * Which counter a kind of document numbers from, and how its number is printed. This is the one place
 * the register asks; the kinds table of the documents (src/shared/report/kinds.ts, issue 15) says the
 * same and replaces the body of these functions when it lands.
 */
export type CounterSetting = 'issueCounters' | 'reportCounters' | 'noticeCounters';

export function counterOf(kind: DocumentKind): CounterSetting {
  switch (kind) {
    case '简报':
      return 'issueCounters';
    case '运行分析报告':
      return 'reportCounters';
    case '通报':
      return 'noticeCounters';
  }
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
  if (kind === '通报') return `${docs.noticeNumberPrefix}〔${year}〕${number}号`;
  return `第${number}期${total ? `（总第${total}期）` : ''}`;
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
