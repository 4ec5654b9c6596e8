/**
 * Autosave: edits are collected for a short pause, then sent as one batch; one batch is in flight at a
 * time, and a newer edit of the same cell replaces an older unsent one. Main saves a batch all or nothing,
 * so when it names bad cells those are dropped (the grid marks them) and the rest is sent again.
 */

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'waiting' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

export type SendOutcome<C> =
  | { ok: true }
  /** `rejected`: the items main named as bad (dropped); without it the whole batch is kept for a retry. */
  | { ok: false; message: string; rejected?: C[] };

export interface SaveQueueOptions<C> {
  keyOf(change: C): string;
  send(batch: C[]): Promise<SendOutcome<C>>;
  onStatus(status: SaveStatus): void;
  delayMs?: number;
  maxBatch?: number;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class SaveQueue<C> {
  private queued = new Map<string, C>();
  private timer: unknown = null;
  private inFlight: Promise<void> | null = null;
  private statusValue: SaveStatus = { kind: 'idle' };
  private readonly delayMs: number;
  private readonly maxBatch: number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly options: SaveQueueOptions<C>) {
    this.delayMs = options.delayMs ?? 600;
    this.maxBatch = options.maxBatch ?? 50_000;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  get status(): SaveStatus {
    return this.statusValue;
  }

  /** Changes not yet confirmed by main (queued or in flight). */
  get busy(): boolean {
    return this.queued.size > 0 || this.inFlight !== null;
  }

  private setStatus(s: SaveStatus): void {
    this.statusValue = s;
    this.options.onStatus(s);
  }

  enqueue(changes: readonly C[]): void {
    if (changes.length === 0) return;
    for (const c of changes) {
      const key = this.options.keyOf(c);
      this.queued.delete(key);
      this.queued.set(key, c);
    }
    if (!this.inFlight) this.setStatus({ kind: 'waiting' });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Sends everything queued now and resolves when main has answered for all of it. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      this.clearTimer(this.timer);
      this.timer = null;
    }
    while (this.inFlight || this.queued.size > 0) {
      if (this.inFlight) {
        await this.inFlight;
        continue;
      }
      const failed = await this.sendOnce();
      if (failed) return;
    }
  }

  /** Sends one batch; returns true when it failed in a way a retry would not fix by itself. */
  private async sendOnce(): Promise<boolean> {
    const batch = [...this.queued.values()].slice(0, this.maxBatch);
    for (const c of batch) this.queued.delete(this.options.keyOf(c));
    this.setStatus({ kind: 'saving' });
    let outcome: SendOutcome<C>;
    let done!: () => void;
    this.inFlight = new Promise<void>((resolve) => (done = resolve));
    try {
      outcome = await this.options.send(batch);
    } catch (err) {
      outcome = { ok: false, message: err instanceof Error ? err.message : String(err) };
    } finally {
      this.inFlight = null;
      done();
    }
    if (outcome.ok) {
      if (this.queued.size === 0) this.setStatus({ kind: 'saved', at: (this.options.now ?? (() => new Date()))() });
      return false;
    }
    const rejected = new Set((outcome.rejected ?? []).map((c) => this.options.keyOf(c)));
    // Put the batch back, unless the clerk has edited those cells again meanwhile (newer wins).
    const retry = outcome.rejected ? batch.filter((c) => !rejected.has(this.options.keyOf(c))) : batch;
    const newer = this.queued;
    this.queued = new Map(
      retry.filter((c) => !newer.has(this.options.keyOf(c))).map((c) => [this.options.keyOf(c), c]),
    );
    for (const [k, c] of newer) this.queued.set(k, c);
    if (outcome.rejected && outcome.rejected.length > 0) {
      // The rest of the batch was fine: send it again at once.
      if (this.queued.size === 0) this.setStatus({ kind: 'failed', message: outcome.message });
      return false;
    }
    this.setStatus({ kind: 'failed', message: outcome.message });
    return true;
  }

  /** Drops everything not yet sent (the period or system was switched after a failed save). */
  discard(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.queued.clear();
  }

  get queuedCount(): number {
    return this.queued.size;
  }
}
