import { ref, shallowRef } from 'vue';
import type { ApplyResult, ImportFileReport, ImportPreview } from '../../../shared/import-types';
import { useApi } from '../../api/client';
import { errorMessage } from '../../shared/labels';
import { mergePreviews, type ImportView } from './import-view';
import { MAX_BATCH_BYTES, MAX_BATCH_FILES, MAX_BATCHES, planBatches, readBase64, screenFiles } from './uploads';

export type ImportStage = 'idle' | 'previewing' | 'ready' | 'applying' | 'applied';

/**
 * The import on the page: chosen files → preview (nothing written) → apply. The File objects are kept
 * so a stale preview can be redone without choosing the files again.
 */
export function useImport(limits = { batchBytes: MAX_BATCH_BYTES, batchFiles: MAX_BATCH_FILES }) {
  const stage = ref<ImportStage>('idle');
  const chosen = shallowRef<File[]>([]);
  const view = shallowRef<ImportView | null>(null);
  const applied = shallowRef<ApplyResult | null>(null);
  const error = ref<string | null>(null);
  const repeated = ref<string[]>([]);
  const progress = ref('');
  /** Rows the clerk unticked (不导入): "file\u0000ref". */
  const excluded = shallowRef<ReadonlySet<string>>(new Set());
  let period = '';
  /** Bumped on every new preview or reset, so an answer to an abandoned request is dropped. */
  let generation = 0;

  async function preview(files: File[], forPeriod: string): Promise<void> {
    const run = ++generation;
    period = forPeriod;
    chosen.value = files;
    applied.value = null;
    view.value = null;
    error.value = null;
    excluded.value = new Set();
    const screened = screenFiles(files);
    repeated.value = screened.repeated;
    const batches = planBatches(screened.send, limits.batchBytes, limits.batchFiles);
    if (batches.length > MAX_BATCHES) {
      stage.value = 'idle';
      error.value = `一次选择的文件太多太大（${screened.send.length} 个），请分几次导入，每次少选一些文件。`;
      return;
    }
    stage.value = 'previewing';
    const previews: ImportPreview[] = [];
    const unreadable: ImportFileReport[] = [];
    try {
      for (const [i, batch] of batches.entries()) {
        progress.value =
          batches.length > 1 ? `正在读取第 ${i + 1} 批，共 ${batches.length} 批…` : `正在读取 ${batch.length} 个文件…`;
        const payload: { name: string; base64: string }[] = [];
        for (const f of batch) {
          try {
            payload.push({ name: f.name, base64: await readBase64(f) });
          } catch {
            unreadable.push({
              file: f.name,
              status: 'refused',
              message: `“${f.name}”无法读取（可能已被移动、删除或正被其他程序占用），请重新选择`,
              cells: [],
              counts: { unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 },
            });
          }
        }
        if (payload.length === 0) continue;
        const p = await useApi().call('import.preview', { files: payload, period: forPeriod });
        if (run !== generation) return;
        previews.push(p);
      }
      if (run !== generation) return;
      view.value = mergePreviews(previews, [...screened.refused, ...unreadable]);
      stage.value = 'ready';
    } catch (err) {
      if (run !== generation) return;
      error.value = errorMessage(err);
      stage.value = 'idle';
    } finally {
      if (run === generation) progress.value = '';
    }
  }

  /** Previews the same files again (after main said the preview expired or the figures moved). */
  function again(): Promise<void> {
    return preview(chosen.value, period);
  }

  async function apply(): Promise<ApplyResult | null> {
    const v = view.value;
    const [first, ...more] = v?.previewIds ?? [];
    if (!first) return null;
    stage.value = 'applying';
    error.value = null;
    try {
      const exclude = [...excluded.value].map((key) => {
        const [file = '', ref = ''] = key.split('\u0000');
        return { file, ref };
      });
      const result = await useApi().call('import.apply', {
        previewId: first,
        ...(more.length ? { morePreviewIds: more } : {}),
        ...(exclude.length ? { exclude } : {}),
      });
      applied.value = result;
      stage.value = 'applied';
      return result;
    } catch (err) {
      error.value = errorMessage(err);
      stage.value = 'ready';
      return null;
    }
  }

  /** Ticks or unticks one row of the preview (导入 / 不导入). */
  function setExcluded(file: string, ref: string, exclude: boolean): void {
    const next = new Set(excluded.value);
    if (exclude) next.add(`${file}\u0000${ref}`);
    else next.delete(`${file}\u0000${ref}`);
    excluded.value = next;
  }

  function reset(): void {
    generation++;
    excluded.value = new Set();
    stage.value = 'idle';
    chosen.value = [];
    view.value = null;
    applied.value = null;
    error.value = null;
    repeated.value = [];
    progress.value = '';
  }

  return {
    stage,
    chosen,
    view,
    applied,
    error,
    repeated,
    progress,
    excluded,
    preview,
    again,
    apply,
    setExcluded,
    reset,
  };
}
