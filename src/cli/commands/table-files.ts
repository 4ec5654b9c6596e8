import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { TableSource } from '../../main/services/table-import/read-grid';
import { MAX_FILE_BYTES } from '../../main/services/import';
import { UsageError } from '../command';

/** A table file named on the command line: .xlsx as bytes, .txt / .tsv as pasted text (tab-separated). */
export async function readTableFile(path: string): Promise<TableSource> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`找不到文件“${path}”`);
  const name = basename(path);
  if (info.size > MAX_FILE_BYTES) return { kind: 'file', name, size: info.size };
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.tsv') return { kind: 'text', text: await readFile(path, 'utf8') };
  return { kind: 'file', name, bytes: await readFile(path) };
}
