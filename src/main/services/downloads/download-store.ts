import { randomBytes } from 'node:crypto';

/** A generated file waiting to be downloaded by the browser host (shape of the HTTP host's Download). */
export interface StoredDownload {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface DownloadStoreOptions {
  /** How long a download id works (default 12 hours: a working day, so links made in the morning still work). */
  ttlMs?: number;
  /** Memory cap over all pending files; the oldest go first (default 256 MB). */
  maxBytes?: number;
  now?: () => Date;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const ZIP_CONTENT_TYPE = 'application/zip';

/**
 * Files produced for the browser host, kept in memory under unguessable ids until fetched from
 * /downloads/<id> or expired. The desktop app writes into a folder the clerk chooses instead.
 * An id can be fetched more than once until it expires (a browser may retry a download).
 */
export class DownloadStore {
  private readonly items = new Map<string, { file: StoredDownload; expires: number }>();
  private readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly now: () => Date;

  constructor(options: DownloadStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 12 * 60 * 60 * 1000;
    this.maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
    this.now = options.now ?? (() => new Date());
  }

  put(file: StoredDownload): { id: string; expiresAt: string } {
    this.sweep();
    const id = randomBytes(16).toString('hex');
    const expires = this.now().getTime() + this.ttlMs;
    this.items.set(id, { file, expires });
    let total = [...this.items.values()].reduce((sum, i) => sum + i.file.body.length, 0);
    for (const [oldId, item] of this.items) {
      if (total <= this.maxBytes || oldId === id) break;
      this.items.delete(oldId);
      total -= item.file.body.length;
    }
    return { id, expiresAt: new Date(expires).toISOString() };
  }

  get(id: string): StoredDownload | undefined {
    const item = this.items.get(id);
    if (!item) return undefined;
    if (item.expires <= this.now().getTime()) {
      this.items.delete(id);
      return undefined;
    }
    return item.file;
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [id, item] of this.items) if (item.expires <= t) this.items.delete(id);
  }
}
