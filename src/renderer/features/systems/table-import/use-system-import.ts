import { computed, ref, shallowRef } from 'vue';
import type { ColumnRole, RowEdit, TableReadOptions } from '../../../../shared/table-import/schemas';
import type { SystemImportPreview } from '../../../../shared/table-import/types';
import { useApi } from '../../../api/client';
import type { TableSourceInput } from '../../../components/table-import/table-source';
import { errorMessage } from '../../../shared/labels';

/**
 * 从表格新建: the table, the clerk's choices, and main's preview of what would be stored. Every choice is
 * sent back to main, which reads the table again: the preview is always exactly what apply will store.
 */
export function useSystemImport() {
  const source = shallowRef<TableSourceInput | null>(null);
  const options = ref<TableReadOptions>({});
  const preview = shallowRef<SystemImportPreview | null>(null);
  const loading = ref(false);
  const saving = ref(false);
  const error = ref<string | null>(null);
  let asked = 0;

  async function refresh(): Promise<void> {
    const s = source.value;
    if (!s) return;
    const ticket = ++asked;
    loading.value = true;
    error.value = null;
    try {
      const p = await useApi().call('systems.importPreview', { source: s, options: options.value });
      if (ticket === asked) preview.value = p;
    } catch (err) {
      if (ticket === asked) error.value = errorMessage(err);
    } finally {
      if (ticket === asked) loading.value = false;
    }
  }

  function load(next: TableSourceInput): Promise<void> {
    source.value = next;
    options.value = {};
    preview.value = null;
    return refresh();
  }

  function set(patch: Partial<TableReadOptions>, resetColumns = false): Promise<void> {
    const next: TableReadOptions = { ...options.value, ...patch };
    if (resetColumns) {
      delete next.columns;
      delete next.rows;
      delete next.headerRow;
    }
    for (const k of Object.keys(next) as (keyof TableReadOptions)[]) if (next[k] === undefined) delete next[k];
    options.value = next;
    return refresh();
  }

  function editRow(row: number, patch: Omit<RowEdit, 'row'>): Promise<void> {
    const rows = [...(options.value.rows ?? [])];
    const i = rows.findIndex((r) => r.row === row);
    const merged: RowEdit = { ...(i >= 0 ? rows[i] : {}), ...patch, row };
    if (i >= 0) rows[i] = merged;
    else rows.push(merged);
    return set({ rows });
  }

  function setColumn(letter: string, role: ColumnRole): Promise<void> {
    return set({ columns: { ...(options.value.columns ?? {}), [letter]: role } });
  }

  const canSave = computed(() => preview.value?.system != null && preview.value.counts.errors === 0);

  async function save(): Promise<string | null> {
    const s = source.value;
    if (!s || !canSave.value) return null;
    saving.value = true;
    error.value = null;
    try {
      const { system } = await useApi().call('systems.importApply', { source: s, options: options.value });
      return system.id;
    } catch (err) {
      error.value = errorMessage(err);
      return null;
    } finally {
      saving.value = false;
    }
  }

  function reset(): void {
    asked++;
    source.value = null;
    options.value = {};
    preview.value = null;
    error.value = null;
    loading.value = false;
  }

  return { source, options, preview, loading, saving, error, canSave, load, set, editRow, setColumn, save, reset };
}
