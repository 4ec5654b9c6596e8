import type { CellHistoryItem, FigureRejection, PeriodView, RevisionInfo, SaveResult } from '../../../shared/api-types';
import { parseFigureInput, type FigureSpec } from '../../../shared/domain/figure-input';
import { AppError } from '../../../shared/errors';
import type { FigureValue } from '../../../shared/schemas/figure';
import type {
  FigureChangeInput,
  FigureChangeRecord,
  FigureOrigin,
  FigureRecord,
  FigureTable,
  JournalEntry,
} from '../../../shared/schemas/figures';
import type { Frequency } from '../../../shared/schemas/indicator-system';
import { PeriodKeySchema, type PeriodKey } from '../../../shared/schemas/workspace';
import { KeyedMutex } from './keyed-mutex';
import { PERIOD_FILE_RE, PERIOD_KEY_RE } from './period-files';
import {
  appendEntry,
  compactPeriod,
  loadPeriod,
  needsCompaction,
  periodEntries,
  quarantineAndReset,
  reconstructPeriod,
  type PeriodState,
} from './period-store';
import type { WorkspaceFiles } from './workspace-files';

/** What the figure store needs from its workspace. */
export interface FigureStoreHost {
  files: WorkspaceFiles;
  user: string;
  now(): Date;
  /** The parsing spec and reporting frequency of an indicator, or null when it is unknown. */
  spec(systemId: string, indicatorId: string): (FigureSpec & { frequency: Frequency }) | null;
  regions: ReadonlySet<string>;
  /**
   * Renamed districts: the names a district's figures may be stored under (current first), and a
   * period's figures with every district under its current name. Absent: no renames.
   */
  storedNames?(region: string): string[];
  currentNames?(figures: FigureTable): FigureTable;
  /** Saves per period before the journal is folded into a new snapshot. */
  compactAfterEntries?: number;
  /** Throws READ_ONLY when this instance may not write. */
  assertWritable(): Promise<void>;
  onRepair(period: PeriodKey, message: string): Promise<void>;
}

export function describeOrigin(origin: FigureOrigin): string {
  switch (origin.kind) {
    case 'entry':
      return '填报';
    case 'cli':
      return '命令行';
    case 'sample':
      return '示例数据生成';
    case 'import':
      return `导入 ${origin.file}${origin.sheet ? ` ${origin.sheet}` : ''}${origin.cell ? ` ${origin.cell}` : ''}`;
    case 'restore':
      return `恢复到第 ${origin.revision} 版`;
    case 'computed':
      return `审核计算（${origin.detail}）`;
  }
}

/**
 * A change as the services pass it to storage: the caller's input, plus, for imports, the origin of this
 * one change (the file's cell) recorded beside the batch's origin. The contract's figures.set cannot send it.
 */
export type StoreChange = FigureChangeInput & { origin?: FigureOrigin };

function sameValue(a: FigureValue | undefined, b: FigureValue): boolean {
  return (a ?? null) === b;
}

/** Periods kept in memory; older ones are dropped (everything is on disk after each save). */
const CACHED_PERIODS = 24;

/** The figures of one workspace: one file pair per period, saves serialised per period. */
export class FigureStore {
  private readonly cache = new Map<PeriodKey, PeriodState>();
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly host: FigureStoreHost,
    private readonly readOnly: () => boolean,
  ) {}

  private parseKey(period: string): PeriodKey {
    const parsed = PeriodKeySchema.safeParse(period);
    if (!parsed.success)
      throw new AppError('BAD_INPUT', `期别“${period}”格式不对，应为 2023-09、2023Q3、2023H1 或 2023。`);
    return parsed.data;
  }

  private async state(key: PeriodKey): Promise<PeriodState> {
    // A read-only instance re-reads every time: another PC may be writing.
    const cached = this.readOnly() ? undefined : this.cache.get(key);
    if (cached) {
      // Re-insert to mark it most recently used.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const state = await loadPeriod(this.host.files, key, this.readOnly() ? 'read' : 'write', () => this.stamp());
    if (state.quarantinedTail)
      await this.host.onRepair(
        key,
        `上次异常退出时有一条修改没有写完（当时未提示“已保存”），已把它移到 ${state.quarantinedTail} 保存，未删除`,
      );
    if (!this.readOnly()) {
      this.cache.set(key, state);
      for (const oldest of this.cache.keys()) {
        if (this.cache.size <= CACHED_PERIODS) break;
        this.cache.delete(oldest);
      }
    }
    return state;
  }

  private stamp(): string {
    return this.host.now().toISOString().replace(/[:.]/g, '-');
  }

  /**
   * Every period with files: in data/, or only in history/ (its data files lost, which loading then
   * reports). A link in place of a folder is listed by name only, never entered.
   */
  async listPeriods(): Promise<PeriodKey[]> {
    const keys = new Set<PeriodKey>();
    const years = async (dir: string) =>
      ((await this.host.files.list(dir).catch(() => null)) ?? []).filter(
        (e) => e.isDirectory && /^\d{4}$/.test(e.name),
      );
    for (const year of await years('data')) {
      for (const e of (await this.host.files.list(`data/${year.name}`).catch(() => null)) ?? []) {
        const m = PERIOD_FILE_RE.exec(e.name);
        if (m && m[1]?.startsWith(year.name)) keys.add(m[1]);
      }
    }
    for (const year of await years('history')) {
      for (const e of (await this.host.files.list(`history/${year.name}`).catch(() => null)) ?? []) {
        if ((e.isDirectory || e.isLink) && PERIOD_KEY_RE.test(e.name) && e.name.startsWith(year.name)) keys.add(e.name);
      }
    }
    return [...keys].sort();
  }

  async get(period: string): Promise<PeriodView> {
    const key = this.parseKey(period);
    return this.mutex.run(key, async () => {
      const s = await this.state(key);
      const figures = structuredClone(s.figures);
      return {
        period: key,
        revision: s.revision,
        figures: this.host.currentNames ? this.host.currentNames(figures) : figures,
        ...(s.damage ? { damage: { ...s.damage } } : {}),
      };
    });
  }

  /** Validates every change first; saves all of them or none (a bad cell changes nothing). */
  async set(period: string, changes: StoreChange[], origin: FigureOrigin): Promise<SaveResult> {
    const key = this.parseKey(period);
    await this.host.assertWritable();
    const parsed = parseChanges(key, changes, (s, i) => this.host.spec(s, i), this.host.regions);
    return this.mutex.run(key, async () => {
      const state = await this.state(key);
      if (state.damage) throw damageError(state);
      const records: FigureChangeRecord[] = [];
      for (const { c, value } of parsed) {
        const record = changeRecord(c, value, state.figures[c.systemId]?.[c.indicatorId]?.[c.region]);
        if (record) records.push(record);
      }
      if (records.length === 0) return { period: key, revision: state.revision, changed: 0, unchanged: changes.length };
      const entry: JournalEntry = {
        rev: state.revision + 1,
        at: this.host.now().toISOString(),
        by: this.host.user,
        origin,
        changes: records,
      };
      await this.append(state, entry);
      if (needsCompaction(state, this.host.compactAfterEntries)) {
        // The save is on disk and acknowledged; a compaction cut short (a full disk) runs again next time.
        await compactPeriod(this.host.files, state, entry.at).catch(() => undefined);
      }
      return {
        period: key,
        revision: state.revision,
        changed: records.length,
        unchanged: changes.length - records.length,
      };
    });
  }

  /** Appends under the period's lock; a journal changed behind our back is dropped from the cache and reloaded next time. */
  private async append(state: PeriodState, entry: JournalEntry): Promise<void> {
    try {
      await appendEntry(this.host.files, state, entry, () => this.stamp());
    } catch (err) {
      if (err instanceof AppError && err.code === 'CONFLICT') this.cache.delete(state.key);
      throw err;
    }
  }

  /**
   * Folds every journal into its snapshot, so the .json files read alone are current (on close). Every
   * period is tried; the first failure is reported after the others are done.
   */
  async flush(): Promise<void> {
    if (this.readOnly()) return;
    let failure: unknown = null;
    for (const [key, state] of this.cache) {
      if (state.journalEntries === 0 || state.damage) continue;
      await this.mutex
        .run(key, () => compactPeriod(this.host.files, state, this.host.now().toISOString()))
        .catch((err: unknown) => (failure ??= err));
    }
    if (failure) throw failure;
  }

  async history(period: string): Promise<RevisionInfo[]> {
    const key = this.parseKey(period);
    const entries = await this.mutex.run(key, () => periodEntries(this.host.files, key));
    return entries
      .map((e) => ({
        revision: e.rev,
        at: e.at,
        by: e.by,
        origin: e.origin,
        changeCount: e.changes.length,
        summary: `${describeOrigin(e.origin)}，${e.changes.length} 项`,
      }))
      .reverse();
  }

  async cellHistory(period: string, systemId: string, indicatorId: string, region: string): Promise<CellHistoryItem[]> {
    const key = this.parseKey(period);
    const entries = await this.mutex.run(key, () => periodEntries(this.host.files, key));
    const names = new Set(this.host.storedNames ? this.host.storedNames(region) : [region]);
    const items: CellHistoryItem[] = [];
    for (const e of entries) {
      for (const c of e.changes) {
        if (c.s === systemId && c.i === indicatorId && names.has(c.r)) {
          items.push({
            revision: e.rev,
            at: e.at,
            by: e.by,
            origin: c.origin ?? e.origin,
            old: c.old,
            new: c.new,
            ...(c.note ? { note: c.note } : {}),
          });
        }
      }
    }
    return items.reverse();
  }

  /**
   * Restores a period to an earlier revision. The restore is itself a new revision (old → new per cell),
   * so it can be undone the same way. A damaged period is first reset from its last good version,
   * with the damaged files kept beside it.
   */
  async restore(period: string, revision: number): Promise<SaveResult> {
    const key = this.parseKey(period);
    await this.host.assertWritable();
    return this.mutex.run(key, async () => {
      const state = await this.state(key);
      const at = this.host.now().toISOString();
      if (state.damage) {
        if (!state.damage.restorable) throw damageError(state);
        const lastGood = await reconstructPeriod(this.host.files, key);
        await quarantineAndReset(this.host.files, state, lastGood, at, this.stamp());
      }
      if (revision > state.revision)
        throw new AppError('BAD_INPUT', `第 ${period} 期只有 ${state.revision} 个版本，无法恢复到第 ${revision} 版。`);
      const target = await reconstructPeriod(this.host.files, key, revision);
      if (target.revision !== revision)
        throw new AppError('INVALID_FILE', `历史记录不完整，只能恢复到第 ${target.revision} 版。`);
      const records = diffTables(state.figures, target.figures);
      if (records.length === 0) return { period: key, revision: state.revision, changed: 0, unchanged: 0 };
      const entry: JournalEntry = {
        rev: state.revision + 1,
        at,
        by: this.host.user,
        origin: { kind: 'restore', revision },
        changes: records,
      };
      await this.append(state, entry);
      return { period: key, revision: state.revision, changed: records.length, unchanged: 0 };
    });
  }
}

/** A change that passed every check, with its value parsed. */
export interface ParsedChange<C extends StoreChange = StoreChange> {
  c: C;
  value: FigureValue;
}

/**
 * Checks a batch the way every backend must before saving: no cell twice, known indicator and region, the
 * period kind the indicator reports in, and a value that parses. Throws BAD_INPUT naming the first problem
 * (with every rejection as detail) so a bad cell saves nothing.
 */
export function parseChanges<C extends StoreChange>(
  key: PeriodKey,
  changes: C[],
  specOf: (systemId: string, indicatorId: string) => (FigureSpec & { frequency: Frequency }) | null,
  regions: ReadonlySet<string>,
): ParsedChange<C>[] {
  const rejections: FigureRejection[] = duplicateCells(changes, (s, i) => specOf(s, i)?.name);
  if (rejections.length) {
    throw new AppError(
      'BAD_INPUT',
      `${rejections[0]!.message}。本次未保存任何数据，请每个单元格只填一个数值后重新保存。`,
      rejections,
    );
  }
  const parsed: ParsedChange<C>[] = [];
  changes.forEach((c, index) => {
    const reject = (message: string) =>
      rejections.push({
        index,
        systemId: c.systemId,
        indicatorId: c.indicatorId,
        region: c.region,
        value: c.value,
        message,
      });
    const spec = specOf(c.systemId, c.indicatorId);
    if (!spec) return reject(`指标体系“${c.systemId}”中没有指标“${c.indicatorId}”`);
    if (!regions.has(c.region)) return reject(`“${c.region}”不是本工作区的区县`);
    const due = dueKind(key, spec.frequency);
    if (due) return reject(due);
    const result = parseFigureInput(c.value, spec);
    if (!result.ok) return reject(result.message);
    parsed.push({ c, value: result.value });
  });
  if (rejections.length) {
    const first = rejections[0]!;
    throw new AppError(
      'BAD_INPUT',
      `有 ${rejections.length} 个数值未通过检查，本次未保存任何数据。第一处：${first.region}“${specOf(first.systemId, first.indicatorId)?.name ?? first.indicatorId}”：${first.message}`,
      rejections,
    );
  }
  return parsed;
}

/** The journal record of one checked change against the cell's current record, or null when it changes nothing. */
export function changeRecord(
  c: StoreChange,
  value: FigureValue,
  current: FigureRecord | undefined,
): FigureChangeRecord | null {
  const noteChanged = c.note !== undefined && (c.note ?? '') !== (current?.note ?? '');
  const sourceChanged = c.source !== undefined && (c.source ?? '') !== (current?.source ?? '');
  if (current && sameValue(current.v, value) && !noteChanged && !sourceChanged) return null;
  if (!current && value === null && !noteChanged && !sourceChanged) return null;
  return {
    s: c.systemId,
    i: c.indicatorId,
    r: c.region,
    old: current?.v ?? null,
    new: value,
    ...(noteChanged ? { note: c.note ?? '' } : {}),
    ...(sourceChanged ? { source: c.source ?? '' } : {}),
    ...(c.origin ? { origin: c.origin } : {}),
  };
}

/** Why a damaged period cannot be changed, and what to do (restore, or upgrade the program). */
function damageError(state: PeriodState): AppError {
  const d = state.damage!;
  if (d.kind === 'newer')
    return new AppError(
      'INVALID_FILE',
      `${d.file} 是更新版本的程序写的，本程序只能查看、不能修改这一期。请升级程序后再修改。`,
      d,
    );
  if (d.kind === 'link') return new AppError('INVALID_FILE', d.message, d);
  return new AppError(
    'INVALID_FILE',
    `${d.file} 已损坏（${d.message}），请先恢复到第 ${d.lastGoodRevision} 版再修改。`,
    d,
  );
}

/**
 * Two changes to one cell in one save cannot both be meant (three changes to 吴兴 would record three
 * revisions from the same old value): every repeat is refused, naming the cell.
 */
function duplicateCells(
  changes: StoreChange[],
  nameOf: (systemId: string, indicatorId: string) => string | undefined,
): FigureRejection[] {
  const seen = new Map<string, number[]>();
  changes.forEach((c, index) => {
    const key = `${c.systemId}\u0000${c.indicatorId}\u0000${c.region}`;
    seen.set(key, [...(seen.get(key) ?? []), index]);
  });
  const out: FigureRejection[] = [];
  for (const indexes of seen.values()) {
    if (indexes.length < 2) continue;
    const first = changes[indexes[0]!]!;
    const name = nameOf(first.systemId, first.indicatorId) ?? first.indicatorId;
    const message = `同一次保存中，${first.region}“${name}”出现了 ${indexes.length} 次（第 ${indexes.map((i) => i + 1).join('、')} 项）`;
    for (const index of indexes) {
      const c = changes[index]!;
      out.push({ index, systemId: c.systemId, indicatorId: c.indicatorId, region: c.region, value: c.value, message });
    }
  }
  return out;
}

const FREQUENCY_NAMES: Record<Frequency, string> = { monthly: '按月', quarterly: '按季度', annual: '按年' };

/** Why an indicator's figure does not belong in this period's file, or null when it does. */
export function dueKind(key: PeriodKey, frequency: Frequency): string | null {
  const kind: Frequency | 'half' =
    key.length === 4 ? 'annual' : key.includes('Q') ? 'quarterly' : key.includes('H') ? 'half' : 'monthly';
  if (kind === frequency) return null;
  const year = key.slice(0, 4);
  const where =
    frequency === 'annual'
      ? `${year}（全年）`
      : frequency === 'quarterly'
        ? `${year}Q1～${year}Q4（季度）`
        : `${year}-01～${year}-12（月份）`;
  return `该指标${FREQUENCY_NAMES[frequency]}报送，请填在 ${where} 期别中，而不是 ${key}`;
}

/** The cell changes that turn `from` into `to` (values, notes and sources). */
export function diffTables(from: FigureTable, to: FigureTable): FigureChangeRecord[] {
  const out: FigureChangeRecord[] = [];
  const systems = new Set([...Object.keys(from), ...Object.keys(to)]);
  for (const s of systems) {
    const indicators = new Set([...Object.keys(from[s] ?? {}), ...Object.keys(to[s] ?? {})]);
    for (const i of indicators) {
      const regions = new Set([...Object.keys(from[s]?.[i] ?? {}), ...Object.keys(to[s]?.[i] ?? {})]);
      for (const r of regions) {
        const a = from[s]?.[i]?.[r];
        const b = to[s]?.[i]?.[r];
        const oldV = a?.v ?? null;
        const newV = b?.v ?? null;
        const noteDiff = (a?.note ?? '') !== (b?.note ?? '');
        const sourceDiff = (a?.source ?? '') !== (b?.source ?? '');
        if (oldV === newV && !noteDiff && !sourceDiff) continue;
        out.push({
          s,
          i,
          r,
          old: oldV,
          new: newV,
          ...(noteDiff ? { note: b?.note ?? '' } : {}),
          ...(sourceDiff ? { source: b?.source ?? '' } : {}),
        });
      }
    }
  }
  return out;
}
