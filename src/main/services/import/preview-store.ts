import type { ImportPreview } from '../../../shared/import-types';

/**
 * Previews waiting to be applied, by id, in memory. A preview is a promise about what will be written:
 * it expires (the clerk re-checks after a break) and is removed once applied, so it cannot run twice.
 */
export class ImportPreviewStore {
  private readonly previews = new Map<string, ImportPreview>();

  constructor(
    readonly ttlMs = 30 * 60 * 1000,
    private readonly maxPreviews = 20,
    private readonly now: () => Date = () => new Date(),
  ) {}

  expiresAt(createdAt: Date): string {
    return new Date(createdAt.getTime() + this.ttlMs).toISOString();
  }

  put(preview: ImportPreview): void {
    this.sweep();
    this.previews.set(preview.id, preview);
    while (this.previews.size > this.maxPreviews) {
      const oldest = this.previews.keys().next().value;
      if (oldest === undefined) break;
      this.previews.delete(oldest);
    }
  }

  /** The preview, 'expired', or undefined when the id is unknown (or was applied already). */
  get(id: string): ImportPreview | 'expired' | undefined {
    const p = this.previews.get(id);
    if (!p) return undefined;
    if (Date.parse(p.expiresAt) <= this.now().getTime()) {
      this.previews.delete(id);
      return 'expired';
    }
    return p;
  }

  delete(id: string): void {
    this.previews.delete(id);
  }

  private sweep(): void {
    const t = this.now().getTime();
    for (const [id, p] of this.previews) if (Date.parse(p.expiresAt) <= t) this.previews.delete(id);
  }
}
