import { MAX_FILE_BYTES } from './file-guard';
import type { ImportFile } from './identify';

/** Bytes a base64 text decodes to, from its length alone (so an oversized file is never decoded). */
export function base64DecodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * Files sent by the renderer as base64 (it sends bytes, never paths). Nothing is decoded here: a file
 * over the limit is passed on by size only and refused by the importer with its name; the others are
 * checked and decoded in the import worker, so a 20 MB upload costs the main thread nothing.
 */
export function decodeUploads(files: { name: string; base64: string }[]): ImportFile[] {
  return files.map(({ name, base64 }) => {
    const size = base64DecodedSize(base64);
    if (size > MAX_FILE_BYTES) return { name, size };
    return { name, base64 };
  });
}
