import { randomUUID } from 'node:crypto';
import { AppError, toErrorData, type AppErrorData } from '../../../shared/errors';
import type { EventPayload } from '../../../shared/contract';

export interface JobContext {
  /** Reports progress; throws CANCELLED once the user has cancelled, so work stops at the next step. */
  progress(done: number, total: number, message?: string): void;
  readonly signal: AbortSignal;
}

type JobState<T> =
  | { state: 'running' }
  | { state: 'done'; result: T }
  | { state: 'failed'; error: AppErrorData }
  | { state: 'cancelled' };

interface Job {
  id: string;
  label: string;
  controller: AbortController;
  state: JobState<unknown>;
  finished: Promise<void>;
}

const KEEP_FINISHED = 50;

/** Long-running work (document exports) with progress events and cancel, like Zettlr's task runner. */
export class JobService {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly emit: (payload: EventPayload<'job.progress'>) => void) {}

  start<T>(label: string, work: (ctx: JobContext) => Promise<T>): string {
    const id = randomUUID();
    const controller = new AbortController();
    const job: Job = { id, label, controller, state: { state: 'running' }, finished: Promise.resolve() };
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (done, total, message) => {
        if (controller.signal.aborted) throw new AppError('CANCELLED', '已取消。');
        this.emit({ jobId: id, label, done, total, state: 'running', ...(message ? { message } : {}) });
      },
    };
    job.finished = (async () => {
      try {
        const result = await work(ctx);
        job.state = controller.signal.aborted ? { state: 'cancelled' } : { state: 'done', result };
      } catch (err) {
        job.state =
          controller.signal.aborted || (err instanceof AppError && err.code === 'CANCELLED')
            ? { state: 'cancelled' }
            : { state: 'failed', error: toErrorData(err) };
      }
      const s = job.state as Exclude<JobState<unknown>, { state: 'running' }>;
      this.emit({
        jobId: id,
        label,
        done: 1,
        total: 1,
        state: s.state,
        ...(s.state === 'failed' ? { message: s.error.message } : {}),
      });
      this.prune();
    })();
    this.jobs.set(id, job);
    return id;
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.state.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** Waits for a job and returns its result, or throws its error. */
  async result<T>(id: string): Promise<T> {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', '找不到该任务，可能已过期，请重新导出。');
    await job.finished;
    const s = job.state;
    if (s.state === 'done') return s.result as T;
    if (s.state === 'cancelled') throw new AppError('CANCELLED', `“${job.label}”已取消。`);
    if (s.state === 'failed') throw new AppError(s.error.code, s.error.message, s.error.detail);
    throw new AppError('INTERNAL', '任务状态异常。');
  }

  /** Cancels every running job and waits until each has stopped (on quit, before the workspace closes). */
  async stopAll(): Promise<void> {
    const running = [...this.jobs.values()].filter((j) => j.state.state === 'running');
    for (const j of running) j.controller.abort();
    await Promise.all(running.map((j) => j.finished));
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state.state !== 'running');
    for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(j.id);
  }
}
