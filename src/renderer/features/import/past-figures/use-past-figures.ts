import { computed, ref, shallowRef } from 'vue';
import type { FiguresReadOptions } from '../../../../shared/table-import/figures-table';
import type { FiguresImportPreview, FiguresImportResult } from '../../../../shared/table-import/types';
import { useApi } from '../../../api/client';
import type { TableSourceInput } from '../../../components/table-import/table-source';
import { errorMessage } from '../../../shared/labels';

/**
 * 导入历史数据: a plain sheet of past figures, the clerk's choices (period, system, name matches) and main's
 * preview. Apply sends the same table with the preview's digest and revisions, so main writes exactly
 * what was shown or nothing.
 */
export function usePastFigures() {
  const source = shallowRef<TableSourceInput | null>(null);
  const options = ref<FiguresReadOptions>({});
  const preview = shallowRef<FiguresImportPreview | null>(null);
  const result = shallowRef<FiguresImportResult | null>(null);
  const loading = ref(false);
  const applying = ref(false);
  const error = ref<string | null>(null);
  let asked = 0;

  async function refresh(): Promise<void> {
    const s = source.value;
    if (!s) return;
    const ticket = ++asked;
    loading.value = true;
    error.value = null;
    try {
      const p = await useApi().call('figures.importPreview', { source: s, options: options.value });
      if (ticket === asked) preview.value = p;
    } catch (err) {
      if (ticket === asked) error.value = errorMessage(err);
    } finally {
      if (ticket === asked) loading.value = false;
    }
  }

  function load(next: TableSourceInput): Promise<void> {
    source.value = next;
    preview.value = null;
    result.value = null;
    return refresh();
  }

  function set(patch: Partial<FiguresReadOptions>): Promise<void> {
    const next: FiguresReadOptions = { ...options.value, ...patch };
    for (const k of Object.keys(next) as (keyof FiguresReadOptions)[]) if (next[k] === undefined) delete next[k];
    options.value = next;
    return refresh();
  }

  function matchName(name: string, target: { systemId: string; indicatorId: string } | null): Promise<void> {
    return set({ names: { ...(options.value.names ?? {}), [name]: target } });
  }

  const blocked = computed(() => {
    const p = preview.value;
    if (!p) return '请先选择表格';
    if (p.messages.some((m) => m.severity === 'error')) return '表格有错误（见上方），请改正或选择统计期后再导入';
    if (p.totals.changed === 0) return '没有需要写入的数';
    return null;
  });

  async function apply(): Promise<FiguresImportResult | null> {
    const s = source.value;
    const p = preview.value;
    if (!s || !p || blocked.value) return null;
    applying.value = true;
    error.value = null;
    try {
      const r = await useApi().call('figures.importApply', {
        source: s,
        options: options.value,
        digest: p.digest,
        basis: p.basis,
      });
      result.value = r;
      return r;
    } catch (err) {
      error.value = errorMessage(err);
      return null;
    } finally {
      applying.value = false;
    }
  }

  function reset(): void {
    asked++;
    source.value = null;
    options.value = {};
    preview.value = null;
    result.value = null;
    error.value = null;
    loading.value = false;
  }

  return { source, options, preview, result, loading, applying, error, blocked, load, set, matchName, apply, reset };
}
