import type { ImportFileReport } from '../../../shared/import-types';

/**
 * Returned workbooks leave the renderer as bytes (base64 in JSON), never as paths. Sizes are checked
 * before reading, so a stray 2 GB video is never loaded into memory, and a large selection goes to main
 * in several requests that each stay well under the host's 64 MB request limit.
 */

/** Main's per-file limit (file-guard.ts): a bigger file is refused here without being read. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Raw bytes per request: about 32 MB once base64-encoded, half of the host's limit. */
export const MAX_BATCH_BYTES = 24 * 1024 * 1024;
/** Main reads at most 200 files per preview; fewer keeps each request quick to answer. */
export const MAX_BATCH_FILES = 50;
/** Previews of one import kept by main at once (its store holds 20). */
export const MAX_BATCHES = 12;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1048576).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

const ZERO_COUNTS = { unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 };

/** A file refused in the renderer, shaped like main's refusals so the summary lists both alike. */
export function localRefusal(name: string, message: string): ImportFileReport {
  return { file: name, status: 'refused', message, cells: [], counts: { ...ZERO_COUNTS } };
}

export interface Screened<T> {
  /** Files to send, in the order chosen. */
  send: T[];
  refused: ImportFileReport[];
  /** Names of files chosen twice (the same file from one folder), sent once. */
  repeated: string[];
}

type Chosen = Pick<File, 'name' | 'size' | 'lastModified'>;

/** Drops repeats of the same file and refuses files over the limit without reading them. */
export function screenFiles<T extends Chosen>(files: readonly T[]): Screened<T> {
  const out: Screened<T> = { send: [], refused: [], repeated: [] };
  const seen = new Set<string>();
  for (const f of files) {
    const key = `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
    if (seen.has(key)) {
      out.repeated.push(f.name);
      continue;
    }
    seen.add(key);
    if (f.size > MAX_FILE_BYTES) {
      out.refused.push(
        localRefusal(
          f.name,
          `“${f.name}”大小为 ${sizeText(f.size)}，超过 20 MB 上限，不像是填报表，未读取。请确认选择了区县发回的填报表（一般不到 1 MB）`,
        ),
      );
    } else {
      out.send.push(f);
    }
  }
  return out;
}

/** Consecutive groups of files, each within the byte and count limits of one request (order kept). */
export function planBatches<T extends { size: number }>(
  files: readonly T[],
  maxBytes = MAX_BATCH_BYTES,
  maxFiles = MAX_BATCH_FILES,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const f of files) {
    if (current.length > 0 && (bytes + f.size > maxBytes || current.length >= maxFiles)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(f);
    bytes += f.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export { bytesToBase64, readBase64 } from '../../shared/base64';
