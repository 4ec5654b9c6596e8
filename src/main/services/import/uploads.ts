import { AppError } from '../../../shared/errors';
import { MAX_FILE_BYTES } from './file-guard';
import type { ImportFile } from './identify';

/** Bytes a base64 text decodes to, from its length alone (so an oversized file is never decoded). */
export function base64DecodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Files sent by the renderer as base64 (it sends bytes, never paths). A file over the limit is passed on
 * by size only and refused by the importer with its name; text that is not base64 is a bad request.
 */
export function decodeUploads(files: { name: string; base64: string }[]): ImportFile[] {
  return files.map(({ name, base64 }) => {
    const size = base64DecodedSize(base64);
    if (size > MAX_FILE_BYTES) return { name, size };
    if (base64.length % 4 !== 0 || !BASE64.test(base64))
      throw new AppError('BAD_INPUT', `“${name}”的内容没有正确传送（不是有效的 base64 编码），请重新选择文件。`);
    return { name, bytes: Buffer.from(base64, 'base64') };
  });
}
