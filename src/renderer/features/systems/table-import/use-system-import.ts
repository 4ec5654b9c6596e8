import { computed, ref } from 'vue';
import type { ColumnRole, RowEdit, TableReadOptions } from '../../../../shared/table-import/schemas';
import { useApi } from '../../../api/client';
import type { TableSourceInput } from '../../../components/table-import/table-source';
import { errorMessage } from '../../../shared/labels';
import { useTablePreview } from '../../../components/table-import/use-table-preview';

/**
 * 从表格新建: the table, the clerk's choices, and main's preview of what would be stored. Every choice is
 * sent back to main, which reads the table again: the preview is always exactly what apply will store.
 */
export function useSystemImport() {
  const table = useTablePreview((source: TableSourceInput, options: TableReadOptions) =>
    useApi().call('systems.importPreview', { source, options }),
  );
  const { source, options, preview, loading, error } = table;
  const load = (next: TableSourceInput) => table.load(next);
  const saving = ref(false);

  function set(patch: Partial<TableReadOptions>, resetColumns = false): Promise<void> {
    const next: TableReadOptions = { ...options.value, ...patch };
    if (resetColumns) {
      delete next.columns;
      delete next.rows;
      delete next.headerRow;
    }
    return table.setOptions(next);
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
    table.clear();
  }

  return { source, options, preview, loading, saving, error, canSave, load, set, editRow, setColumn, save, reset };
}
