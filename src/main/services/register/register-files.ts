import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { IssuedDocument, IssuedFile } from '../../../shared/schemas/register';
import type { Workspace } from '../storage/workspace';
import { readRegister } from './register-store';

const MAX_ISSUED_FILE = 64 * 1024 * 1024;

/** A frozen file's state: as issued, changed since (by its checksum), or gone. */
export type FileCheck = { state: 'ok' } | { state: 'changed'; sha256: string } | { state: 'missing' };

function pathIn(ws: Workspace, file: IssuedFile): string {
  const root = resolve(ws.dir, 'issued');
  const full = resolve(ws.dir, ...file.path.split('/'));
  if (!full.startsWith(root + sep)) throw new AppError('FORBIDDEN', `${file.path} 不在 issued 文件夹中。`);
  return full;
}

/** A frozen file's bytes (null when gone); one larger than any issued file can be is reported as changed. */
async function readIssued(ws: Workspace, file: IssuedFile): Promise<Buffer | null> {
  pathIn(ws, file);
  const bytes = await ws.files.readBytes(file.path, MAX_ISSUED_FILE);
  if (bytes) return bytes;
  return (await ws.files.exists(file.path)) ? Buffer.from('larger than any issued file') : null;
}

export async function checkFile(ws: Workspace, file: IssuedFile): Promise<FileCheck> {
  const bytes = await readIssued(ws, file);
  if (!bytes) return { state: 'missing' };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return sha256 === file.sha256 ? { state: 'ok' } : { state: 'changed', sha256 };
}

/** What is wrong with a frozen file, in Chinese, naming the file and the checksums; null when intact. */
export function fileProblem(file: IssuedFile, check: FileCheck): string | null {
  if (check.state === 'ok') return null;
  if (check.state === 'missing') return `${file.path} 不见了（签发时 SHA-256 ${file.sha256.slice(0, 16)}…）`;
  return `${file.path} 与签发时不同，已被改动：签发时 SHA-256 为 ${file.sha256.slice(0, 16)}…，现在为 ${check.sha256.slice(0, 16)}…`;
}

export interface RegisterEntry extends IssuedDocument {
  /** Per file, "ok" or what is wrong with it. */
  checks: { name: string; problem: string | null }[];
}

/** The register with every frozen file checked against its SHA-256, newest first. */
export async function listIssued(ws: Workspace): Promise<{ documents: RegisterEntry[]; problems: string[] }> {
  const documents: RegisterEntry[] = [];
  const problems: string[] = [];
  for (const d of await readRegister(ws)) {
    const checks: RegisterEntry['checks'] = [];
    for (const f of d.files) {
      const problem = fileProblem(f, await checkFile(ws, f));
      checks.push({ name: f.name, problem });
      if (problem) problems.push(problem);
    }
    documents.push({ ...d, checks });
  }
  // Newest first; documents issued within the same clock tick keep the register's order, reversed.
  documents.reverse();
  documents.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0));
  return { documents, problems };
}

/** The exact bytes of a frozen file; refused when they are not what was issued. */
export async function readIssuedFile(
  ws: Workspace,
  id: string,
  name: string,
): Promise<{ document: IssuedDocument; file: IssuedFile; bytes: Buffer }> {
  const document = (await readRegister(ws)).find((d) => d.id === id);
  const file = document?.files.find((f) => f.name === name);
  if (!document || !file) throw new AppError('NOT_FOUND', `登记簿中没有“${id}”的文件“${name}”。`);
  const bytes = await readIssued(ws, file);
  const check: FileCheck = !bytes
    ? { state: 'missing' }
    : createHash('sha256').update(bytes).digest('hex') === file.sha256
      ? { state: 'ok' }
      : { state: 'changed', sha256: createHash('sha256').update(bytes).digest('hex') };
  const problem = fileProblem(file, check);
  if (problem || !bytes)
    throw new AppError('INVALID_FILE', `${problem ?? file.path}。这不是签发时的文件，不予提供；请从备份中找回。`);
  return { document, file, bytes };
}

/** Where a frozen file is, for the desktop's "show in folder". */
export function issuedPath(ws: Workspace, file: IssuedFile): string {
  return pathIn(ws, file);
}
