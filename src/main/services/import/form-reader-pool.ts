import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FormFileRead } from './form-file';
import type { ReadRequest } from './import-worker';

/** A file that takes longer than this is refused (the worker is replaced), whatever it holds. */
const READ_TIMEOUT_MS = 15_000;
/** The worker is stopped after this long without work, and started again on the next import. */
const IDLE_MS = 60_000;
/** Heap of the worker: a file that needs more is refused rather than growing the app without bound. */
const WORKER_HEAP_MB = 192;

interface Pending {
  request: ReadRequest;
  resolve: (result: FormFileRead) => void;
  timer?: NodeJS.Timeout;
}

/**
 * The script the worker runs: import-worker.js beside the built bundle (out/main, out/cli), or, when the
 * app runs from source (tests, benchmarks, npm run cli), import-worker.ts through tsx.
 */
function workerSource(): { file: string; fromSource: boolean } {
  const built = join(__dirname, 'import-worker.js');
  if (existsSync(built)) return { file: built, fromSource: false };
  const source = join(__dirname, 'import-worker.ts');
  if (existsSync(source)) return { file: source, fromSource: true };
  throw new Error(`import-worker script not found in ${__dirname}`);
}

function startWorker(): Worker {
  const { file, fromSource } = workerSource();
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB };
  if (!fromSource) return new Worker(file, { resourceLimits });
  // tsx's require hook, resolved here (development only: packaged builds always have the .js).
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`, {
    eval: true,
    resourceLimits,
  });
}

/**
 * Reads returned workbooks in one worker thread, one file at a time, so parsing never blocks the main
 * thread (every other call stays answered during an import). A file that times out or exhausts the
 * worker's heap is refused with a Chinese reason and the worker is replaced.
 */
export class FormReaderPool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  /** Reads one file, given as bytes or as the base64 text it was uploaded as (decoded in the worker). */
  read(file: Buffer | string): Promise<FormFileRead> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      const request: ReadRequest =
        typeof file === 'string' ? { id, base64: file } : { id, bytes: new Uint8Array(file) };
      this.queue.push({ request, resolve });
      this.pump();
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker();
    worker.unref();
    worker.on('message', (message: { id: number; result: FormFileRead }) => {
      if (this.current?.request.id === message.id) this.finish(message.result);
    });
    // Only the worker in use can fail the file being read; one already replaced just goes away.
    worker.on('error', () => {
      if (this.worker === worker) this.fail('文件过于复杂，读取时超出了程序允许的内存，不予读取');
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      if (this.current) this.fail('读取时出错（读取程序意外退出），请重试；如仍出错，请把该文件发给技术支持');
    });
    this.worker = worker;
    return worker;
  }

  private pump(): void {
    if (this.current || this.queue.length === 0) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const next = this.queue.shift()!;
    this.current = next;
    next.timer = setTimeout(
      () => this.fail(`读取超过 ${READ_TIMEOUT_MS / 1000} 秒仍未完成，文件过于复杂，不像是填报表，不予读取`),
      READ_TIMEOUT_MS,
    );
    next.timer.unref();
    this.ensureWorker().postMessage(next.request);
  }

  private finish(result: FormFileRead): void {
    const done = this.current;
    if (!done) return;
    if (done.timer) clearTimeout(done.timer);
    this.current = null;
    done.resolve(result);
    this.pump();
    if (!this.current && this.queue.length === 0) {
      this.idleTimer = setTimeout(() => void this.stop(), IDLE_MS);
      this.idleTimer.unref();
    }
  }

  /** Refuses the file being read and replaces the worker (it may be stuck or out of memory). */
  private fail(message: string): void {
    const worker = this.worker;
    this.worker = null;
    this.finish({ ok: false, message });
    void worker?.terminate();
  }

  /** Stops the worker (on quit); files still queued are refused. */
  async stop(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const p of this.queue.splice(0)) p.resolve({ ok: false, message: '程序正在关闭，未读取' });
    const worker = this.worker;
    this.worker = null;
    if (this.current) this.finish({ ok: false, message: '程序正在关闭，未读取' });
    await worker?.terminate();
  }
}

let shared: FormReaderPool | null = null;

/** The app's one reader of returned workbooks. */
export function formReader(): FormReaderPool {
  return (shared ??= new FormReaderPool());
}

/** Stops the shared reader's worker, if one was started (services.dispose). */
export async function stopFormReader(): Promise<void> {
  await shared?.stop();
}
