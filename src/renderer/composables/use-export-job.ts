import { onBeforeUnmount, ref } from 'vue';
import type { ExportResult } from '../../shared/api-types';
import type { CallInput, EventPayload } from '../../shared/contract';
import { ApiError, useApi } from '../api/client';
import { errorMessage } from '../shared/labels';

export type ExportPhase = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface ExportJobState {
  phase: ExportPhase;
  /** What is being made, with its period ("导出2023年9月简报"), from main. */
  label: string;
  percent: number;
  /** The current step ("正在生成简报 .docx"). */
  step: string;
  /** How many progress reports arrived (the page shows the bar moved, tests check it did). */
  reports: number;
  result: ExportResult | null;
  error: string | null;
}

const IDLE: ExportJobState = { phase: 'idle', label: '', percent: 0, step: '', reports: 0, result: null, error: null };

/**
 * Runs documents.export as a job: progress from the 'job.progress' events, cancel through jobs.cancel, and
 * the written files with the format checker's findings from documents.result. Subscribes at once, so the
 * event stream is open before the first export starts.
 */
export function useExportJob() {
  const state = ref<ExportJobState>({ ...IDLE });
  let jobId: string | null = null;
  /** Events of a job that arrive before its id is known (main reports the first step while starting it). */
  const early = new Map<string, EventPayload<'job.progress'>>();

  function apply(e: EventPayload<'job.progress'>): void {
    if (state.value.phase !== 'running') return;
    const percent = e.total > 0 ? Math.round((e.done / e.total) * 100) : 0;
    state.value = {
      ...state.value,
      label: e.label,
      percent: Math.max(state.value.percent, percent),
      step: e.message ?? state.value.step,
      reports: state.value.reports + 1,
    };
  }

  const off = useApi().on('job.progress', (e) => {
    if (e.jobId === jobId) apply(e);
    else if (jobId === null) early.set(e.jobId, e);
  });
  onBeforeUnmount(off);

  async function run(input: CallInput<'documents.export'>): Promise<ExportResult | null> {
    if (state.value.phase === 'running') return null;
    state.value = { ...IDLE, phase: 'running', step: '正在开始' };
    jobId = null;
    early.clear();
    try {
      const started = await useApi().call('documents.export', input);
      jobId = started.jobId;
      const first = early.get(jobId);
      if (first) apply(first);
      early.clear();
      const result = await useApi().call('documents.result', { jobId });
      state.value = { ...state.value, phase: 'done', percent: 100, step: '完成', result };
      return result;
    } catch (err) {
      const cancelled = err instanceof ApiError && err.code === 'CANCELLED';
      state.value = {
        ...state.value,
        phase: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? '已取消导出，没有写入文件。' : errorMessage(err),
      };
      return null;
    }
  }

  async function cancel(): Promise<void> {
    if (!jobId || state.value.phase !== 'running') return;
    try {
      await useApi().call('jobs.cancel', { jobId });
    } catch (err) {
      state.value = { ...state.value, error: errorMessage(err) };
    }
  }

  function reset(): void {
    if (state.value.phase !== 'running') state.value = { ...IDLE };
  }

  return { state, run, cancel, reset };
}
