import type { DocumentKind } from '../../../shared/report/model';
import {
  REGISTER_FORMAT_VERSION,
  RegisterFileSchema,
  type IssuedDocument,
  type RegisterFile,
} from '../../../shared/schemas/register';
import { RecordFile } from '../storage/record-file';
import type { Workspace } from '../storage/workspace';

/** issued/register.json: the list of every document issued, the source of truth for the 已签发 page. */
export function registerFile(ws: Workspace): RecordFile<RegisterFile> {
  return new RecordFile(ws.files, 'issued/register.json', RegisterFileSchema, () => ({
    formatVersion: REGISTER_FORMAT_VERSION,
    documents: [],
  }));
}

export async function readRegister(ws: Workspace): Promise<IssuedDocument[]> {
  return (await registerFile(ws).read()).documents;
}

/** The issued document of a period and kind, and its latest correction (the one in force), or null. */
export function issuedOf(
  documents: readonly IssuedDocument[],
  period: string,
  kind: DocumentKind,
): { original: IssuedDocument; current: IssuedDocument; corrections: IssuedDocument[] } | null {
  const mine = documents.filter((d) => d.period === period && d.kind === kind);
  const original = mine.find((d) => !d.correction);
  if (!original) return null;
  const corrections = mine.filter((d) => d.correction?.of === original.id);
  return { original, current: corrections[corrections.length - 1] ?? original, corrections };
}

/** The highest number of a kind issued in a year (0 when none). */
export function highestIssued(documents: readonly IssuedDocument[], kind: DocumentKind, year: string): number {
  return documents.filter((d) => d.kind === kind && d.year === year).reduce((n, d) => Math.max(n, d.number), 0);
}
