import { AppError } from '../../../shared/errors';
import { decodeUploads } from '../import';
import type { TableSource } from './read-grid';

export type TableSourceInput = { kind: 'file'; name: string; base64: string } | { kind: 'text'; text: string };

/** A table as the renderer sends it (bytes as base64, never paths); an oversized file arrives by size only. */
export function decodeTableSource(source: TableSourceInput): TableSource {
  if (source.kind === 'text') return source;
  const [file] = decodeUploads([{ name: source.name, base64: source.base64 }]);
  if (!file) throw new AppError('BAD_INPUT', '没有收到文件。');
  return { kind: 'file', ...file };
}
