import { readBase64 } from '../../shared/base64';

/** A table as sent to main: an .xlsx file's bytes as base64, or text pasted from Excel, WPS or Word. */
export type TableSourceInput = { kind: 'file'; name: string; base64: string } | { kind: 'text'; text: string };

/** Main refuses files over 20 MB (file-guard.ts); such a file is not read here either. */
export const MAX_TABLE_FILE_BYTES = 20 * 1024 * 1024;

/** The file as a source, or a Chinese reason why it is not sent. */
export async function fileSource(file: File): Promise<TableSourceInput | { error: string }> {
  if (file.size > MAX_TABLE_FILE_BYTES)
    return {
      error: `“${file.name}”大小为 ${(file.size / 1048576).toFixed(1)} MB，超过 20 MB 上限，不像是一张目标表或数据表，未读取`,
    };
  return { kind: 'file', name: file.name, base64: await readBase64(file) };
}

export function sourceName(source: TableSourceInput): string {
  return source.kind === 'file' ? source.name : '粘贴的表格';
}
