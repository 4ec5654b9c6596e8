import { onBeforeUnmount, ref, shallowRef } from 'vue';
import { z } from 'zod';
import type { PeriodDamageInfo } from '../../../shared/api-types';
import type { FigureSpec } from '../../../shared/domain/figure-input';
import type { FigureValue } from '../../../shared/schemas/figure';
import type { FigureRecord, FigureTable } from '../../../shared/schemas/figures';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import { ApiError, useApi } from '../../api/client';
import { errorMessage } from '../../shared/labels';
import { useSystemsStore } from '../../stores/systems';
import { cellKey, type CellRef } from './grid/layout';
import { SaveQueue, type SaveStatus, type SendOutcome } from '../../shared/save-queue';
import { EntrySheet, type ApplyResult, type SheetChange } from './grid/sheet';
import { lastYearKey } from '../../shared/periods';
import { lineRecords } from '../../../shared/systems/lineage';

/** What main says in the detail of a refused batch (FigureRejection[]), checked before use. */
const RejectionsSchema = z.array(
  z.object({ index: z.number().int(), indicatorId: z.string(), region: z.string(), message: z.string() }),
);

type Records = Record<string, Record<string, FigureRecord>>;

function valuesOf(records: Records): Record<string, Record<string, FigureValue>> {
  const out: Record<string, Record<string, FigureValue>> = {};
  for (const [ind, byRegion] of Object.entries(records)) {
    out[ind] = Object.fromEntries(Object.entries(byRegion).map(([r, rec]) => [r, rec.v]));
  }
  return out;
}

function specsOf(system: IndicatorSystem): Map<string, FigureSpec> {
  return new Map(
    system.indicators.map((i) => [i.id, { name: i.name, unit: i.unit, kind: i.kind, decimals: i.decimals }]),
  );
}

/**
 * The figures of one system in one period as the entry page works on them: loaded from main, edited in an
 * EntrySheet, saved back through figures.set by an autosave queue, reloaded when main says the period
 * changed elsewhere. Switching system or period first saves what is pending.
 */
export function useEntrySession() {
  const api = useApi();
  const systems = useSystemsStore();
  const system = shallowRef<IndicatorSystem | null>(null);
  const sheet = shallowRef<EntrySheet | null>(null);
  const records = shallowRef<Records>({});
  const lastYear = shallowRef<Records>({});
  const damage = shallowRef<PeriodDamageInfo | null>(null);
  const period = ref('');
  const loading = ref(false);
  const error = ref<string | null>(null);
  const status = ref<SaveStatus>({ kind: 'idle' });
  const invalidCount = ref(0);
  let revision = 0;
  let queue: SaveQueue<SheetChange> | null = null;
  let generation = 0;

  function newQueue(systemId: string, key: string): SaveQueue<SheetChange> {
    return new SaveQueue<SheetChange>({
      keyOf: (c) => cellKey(c.cell),
      onStatus: (s) => (status.value = s),
      send: (batch) => send(systemId, key, batch),
    });
  }

  async function send(systemId: string, key: string, batch: SheetChange[]): Promise<SendOutcome<SheetChange>> {
    const changes = batch.map((c) => ({
      systemId,
      indicatorId: c.cell.indicatorId,
      region: c.cell.region,
      value: c.value,
    }));
    try {
      const result = await api.call('figures.set', { period: key, changes });
      revision = Math.max(revision, result.revision);
      sheet.value?.markSaved(batch);
      return { ok: true };
    } catch (err) {
      const message = errorMessage(err);
      const parsed =
        err instanceof ApiError && err.code === 'BAD_INPUT' ? RejectionsSchema.safeParse(err.detail) : null;
      if (!parsed?.success) return { ok: false, message };
      const rejected = parsed.data.map((r) => batch[r.index]).filter((c): c is SheetChange => c !== undefined);
      parsed.data.forEach((r) =>
        sheet.value?.markRejected({ indicatorId: r.indicatorId, region: r.region }, r.message),
      );
      countInvalid();
      return { ok: false, message, rejected };
    }
  }

  function countInvalid(): void {
    invalidCount.value = sheet.value?.invalidCells().length ?? 0;
  }

  /** Saves what is pending before the page leaves this system and period; returns main's message on failure. */
  async function settle(): Promise<string | null> {
    if (!queue) return null;
    await queue.flush();
    const s = queue.status;
    return queue.queuedCount > 0 && s.kind === 'failed' ? s.message : null;
  }

  async function open(systemId: string, key: string): Promise<void> {
    const my = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const [sys, view, before] = await Promise.all([
        systems.get(systemId, 'workspace'),
        api.call('figures.get', { period: key }),
        loadLastYear(key),
      ]);
      // Last year may have been kept in the system this one was made from (新建下一年度).
      const previous = sys.previous ? await systems.get(sys.previous.systemId, 'workspace').catch(() => null) : null;
      if (my !== generation) return;
      system.value = sys;
      period.value = key;
      revision = view.revision;
      damage.value = view.damage ?? null;
      records.value = view.figures[systemId] ?? {};
      lastYear.value = lineRecords(before, previous ? [previous, sys] : [sys], sys, Number(key.slice(0, 4)) - 1);
      sheet.value = new EntrySheet(specsOf(sys), valuesOf(records.value));
      queue = newQueue(systemId, key);
      status.value = { kind: 'idle' };
      invalidCount.value = 0;
    } catch (err) {
      if (my === generation) error.value = errorMessage(err);
    } finally {
      if (my === generation) loading.value = false;
    }
  }

  async function loadLastYear(key: string): Promise<FigureTable> {
    const previous = lastYearKey(key);
    if (!previous) return {};
    // Last year's figures are only a hint: a period never entered is simply empty.
    return api
      .call('figures.get', { period: previous })
      .then((v) => v.figures)
      .catch(() => ({}));
  }

  function commit(result: ApplyResult): void {
    queue?.enqueue(result.changes);
    countInvalid();
  }

  async function reloadSaved(): Promise<void> {
    const sys = system.value;
    if (!sys || !sheet.value) return;
    const view = await api.call('figures.get', { period: period.value });
    revision = view.revision;
    records.value = view.figures[sys.id] ?? {};
    damage.value = view.damage ?? null;
    sheet.value.loadSaved(valuesOf(records.value));
    countInvalid();
  }

  const stop = api.on('figures.changed', (p) => {
    if (p.period !== period.value || p.revision <= revision) return;
    // Our own unsaved edits are kept by loadSaved; wait for a quiet queue so a save in flight is not re-read.
    if (queue?.busy) return;
    void reloadSaved().catch((err: unknown) => (error.value = errorMessage(err)));
  });
  onBeforeUnmount(stop);

  async function retry(): Promise<void> {
    await queue?.flush();
  }

  /** Restores a damaged period to its last good version (itself a new revision), then reloads it. */
  async function restore(toRevision: number): Promise<void> {
    const sys = system.value;
    if (!sys) return;
    await api.call('figures.restore', { period: period.value, revision: toRevision });
    await open(sys.id, period.value);
  }

  function lastYearValue(cell: CellRef): FigureValue | undefined {
    return lastYear.value[cell.indicatorId]?.[cell.region]?.v;
  }

  return {
    system,
    sheet,
    damage,
    period,
    loading,
    error,
    status,
    invalidCount,
    open,
    settle,
    commit,
    retry,
    restore,
    reloadSaved,
    lastYearValue,
    busy: () => queue?.busy ?? false,
  };
}

export type EntrySession = ReturnType<typeof useEntrySession>;
