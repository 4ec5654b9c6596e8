import type { SystemSummary } from '../../shared/api-types';

export interface DocumentGroup {
  document: string;
  docNumber?: string;
  systems: SystemSummary[];
}

/** Systems grouped by the plan document they come from, in the order the documents first appear. */
export function groupByDocument(systems: readonly SystemSummary[]): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup>();
  for (const s of systems) {
    let g = groups.get(s.document);
    if (!g)
      groups.set(
        s.document,
        (g = { document: s.document, ...(s.docNumber ? { docNumber: s.docNumber } : {}), systems: [] }),
      );
    g.systems.push(s);
  }
  return [...groups.values()];
}
