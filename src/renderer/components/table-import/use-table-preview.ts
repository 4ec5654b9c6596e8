import { ref, shallowRef, type Ref } from 'vue';
import { errorMessage } from '../../shared/labels';
import type { TableSourceInput } from './table-source';

/**
 * A table the clerk chose, the reading options, and main's preview of it. Each change of options asks main
 * again; when answers arrive out of order only the latest question's answer is kept, so the preview always
 * matches the options on screen. Undefined options are dropped, so main sees exactly what was chosen.
 */
export function useTablePreview<O extends object, P>(ask: (source: TableSourceInput, options: O) => Promise<P>) {
  const source = shallowRef<TableSourceInput | null>(null);
  const options = ref({}) as Ref<O>;
  const preview = shallowRef<P | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let asked = 0;

  async function refresh(): Promise<void> {
    const s = source.value;
    if (!s) return;
    const ticket = ++asked;
    loading.value = true;
    error.value = null;
    try {
      const p = await ask(s, options.value);
      if (ticket === asked) preview.value = p;
    } catch (err) {
      if (ticket === asked) error.value = errorMessage(err);
    } finally {
      if (ticket === asked) loading.value = false;
    }
  }

  function setOptions(next: O): Promise<void> {
    const clean = { ...next };
    for (const k of Object.keys(clean) as (keyof O)[]) if (clean[k] === undefined) delete clean[k];
    options.value = clean;
    return refresh();
  }

  /** A new table; the options chosen for the last one are kept when asked (a past-figures period, say). */
  function load(next: TableSourceInput, keepOptions = false): Promise<void> {
    source.value = next;
    if (!keepOptions) options.value = {} as O;
    preview.value = null;
    return refresh();
  }

  /** Forgets the table; an answer still on its way is dropped. */
  function clear(): void {
    asked++;
    source.value = null;
    options.value = {} as O;
    preview.value = null;
    error.value = null;
    loading.value = false;
  }

  return { source, options, preview, loading, error, refresh, setOptions, load, clear };
}
