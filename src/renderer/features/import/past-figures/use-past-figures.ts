import { computed, ref, shallowRef } from 'vue';
import type { FiguresReadOptions } from '../../../../shared/table-import/figures-table';
import type { FiguresImportResult } from '../../../../shared/table-import/types';
import { useApi } from '../../../api/client';
import type { TableSourceInput } from '../../../components/table-import/table-source';
import { errorMessage } from '../../../shared/labels';
import { useTablePreview } from '../../../components/table-import/use-table-preview';

/**
 * 导入历史数据: a plain sheet of past figures, the clerk's choices (period, system, name matches) and main's
 * preview. Apply sends the same table with the preview's digest and revisions, so main writes exactly
 * what was shown or nothing.
 */
export function usePastFigures() {
  const table = useTablePreview((source: TableSourceInput, options: FiguresReadOptions) =>
    useApi().call('figures.importPreview', { source, options }),
  );
  const { source, options, preview, loading, error } = table;
  const result = shallowRef<FiguresImportResult | null>(null);
  const applying = ref(false);

  function load(next: TableSourceInput): Promise<void> {
    result.value = null;
    return table.load(next, true);
  }

  function set(patch: Partial<FiguresReadOptions>): Promise<void> {
    return table.setOptions({ ...options.value, ...patch });
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
    table.clear();
    result.value = null;
  }

  return { source, options, preview, result, loading, applying, error, blocked, load, set, matchName, apply, reset };
}
