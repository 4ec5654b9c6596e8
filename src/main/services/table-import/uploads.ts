import { AppError } from '../../../shared/errors';
import { MAX_FILE_BYTES } from '../import/file-guard';
import { base64DecodedSize } from '../import/uploads';
import type { TableSource } from './read-grid';

export type TableSourceInput = { kind: 'file'; name: string; base64: string } | { kind: 'text'; text: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A table as the renderer sends it (bytes as base64, never paths); an oversized file arrives by size only. */
export function decodeTableSource(source: TableSourceInput): TableSource {
  if (source.kind === 'text') return source;
  const { name, base64 } = source;
  const size = base64DecodedSize(base64);
  if (size > MAX_FILE_BYTES) return { kind: 'file', name, size };
  if (base64.length % 4 !== 0 || !BASE64.test(base64))
    throw new AppError('BAD_INPUT', `“${name}”的内容没有正确传送（不是有效的 base64 编码），请重新选择文件。`);
  return { kind: 'file', name, bytes: Buffer.from(base64, 'base64') };
}
