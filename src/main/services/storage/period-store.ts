import type { FigureChangeRecord, FigureTable, JournalEntry, PeriodSnapshot } from '../../../shared/schemas/figures';
import { PERIOD_FORMAT_VERSION, PeriodSnapshotSchema } from '../../../shared/schemas/figures';
import type { PeriodKey } from '../../../shared/schemas/workspace';
import { AppError } from '../../../shared/errors';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { decodeJournal, encodeJournalEntry, type DecodedJournal } from './journal-codec';
import { migrate, NO_MIGRATIONS } from './migrations';
import { HISTORY_JOURNAL_RE, HISTORY_SNAPSHOT_RE, periodPaths, type PeriodPaths } from './period-files';
import {
  FileTooLargeError,
  LinkRefusedError,
  SizeMismatchError,
  type FileIdentity,
  type WorkspaceFiles,
} from './workspace-files';

export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;
/** Compact the journal into a new snapshot after this many saves or bytes (defaults). */
export const COMPACT_AFTER_ENTRIES = 200;
const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;

/**
 * What is wrong with a period's files. `damaged` and `missing` can be restored from history; a file of a
 * newer program is not ours to replace, and a link is never followed: those need a person.
 */
export type DamageKind = 'damaged' | 'missing' | 'newer' | 'link';

/** A period whose files are damaged: shown to the clerk with the last good version offered for restore. */
export interface PeriodDamage {
  file: string;
  kind: DamageKind;
  message: string;
  /** Highest revision that can be rebuilt from history and the intact part of the files. */
  lastGoodRevision: number;
  /** Whether restoring to lastGoodRevision is offered (never for a newer program's file or a link). */
  restorable: boolean;
}

export interface PeriodState {
  key: PeriodKey;
  revision: number;
  figures: FigureTable;
  journalEntries: number;
  /** Length of the journal file as this process last left it. */
  journalBytes: number;
  /** First revision held in the current journal (snapshot revision + 1). */
  journalFrom: number;
  damage?: PeriodDamage;
  /** An incomplete last journal line (a save never acknowledged) was moved to this file while loading. */
  quarantinedTail?: string;
}

/** Whether loading may write: only the lock holder sets an incomplete tail aside. */
export type LoadMode = 'write' | 'read';

export function applyChanges(
  figures: FigureTable,
  entry: Pick<JournalEntry, 'at' | 'by' | 'origin'>,
  changes: FigureChangeRecord[],
): void {
  for (const c of changes) {
    const bySystem = (figures[c.s] ??= {});
    const byIndicator = (bySystem[c.i] ??= {});
    const previous = byIndicator[c.r];
    const note = c.note !== undefined ? c.note : previous?.note;
    const source = c.source !== undefined ? c.source : previous?.source;
    byIndicator[c.r] = {
      v: c.new,
      ...(note ? { note } : {}),
      ...(source ? { source } : {}),
      at: entry.at,
      by: entry.by,
      origin: c.origin ?? entry.origin,
    };
  }
}

type FileProblem = { kind: DamageKind; message: string };
type SnapshotRead = { ok: true; snapshot: PeriodSnapshot | null } | ({ ok: false } & FileProblem);

function tooLarge(err: FileTooLargeError): string {
  return `文件过大（${Math.round(err.size / 1048576)} MB），不像是本程序写的数据文件`;
}

async function readSnapshot(files: WorkspaceFiles, rel: string, key: PeriodKey): Promise<SnapshotRead> {
  let text: string | null;
  try {
    text = await files.readText(rel, MAX_DATA_FILE_BYTES);
  } catch (err) {
    if (err instanceof FileTooLargeError) return { ok: false, kind: 'damaged', message: tooLarge(err) };
    throw err;
  }
  if (text === null) return { ok: true, snapshot: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      kind: 'damaged',
      message: text.length === 0 ? '文件是空的' : '文件不完整或已损坏（不是有效的 JSON）',
    };
  }
  const migrated = migrate(raw, PERIOD_FORMAT_VERSION, NO_MIGRATIONS);
  if (!migrated.ok)
    return { ok: false, kind: migrated.newerVersion !== undefined ? 'newer' : 'damaged', message: migrated.message };
  const parsed = PeriodSnapshotSchema.safeParse(migrated.doc);
  if (!parsed.success)
    return {
      ok: false,
      kind: 'damaged',
      message: `内容格式不对：${zodErrorToChinese(parsed.error, migrated.doc).slice(0, 3).join('；')}`,
    };
  if (parsed.data.period !== key)
    return { ok: false, kind: 'damaged', message: `文件里写的期别是 ${parsed.data.period}，与文件名 ${key} 不符` };
  return { ok: true, snapshot: parsed.data };
}

interface HistoryListing {
  snapshots: { rev: number; file: string }[];
  journals: { from: number; to: number; file: string }[];
  /** The highest revision any history file claims to hold. */
  maxRevision: number;
}

async function listHistory(files: WorkspaceFiles, dir: string): Promise<HistoryListing> {
  const entries = (await files.list(dir)) ?? [];
  const snapshots: HistoryListing['snapshots'] = [];
  const journals: HistoryListing['journals'] = [];
  for (const e of entries) {
    if (e.isLink) throw new LinkRefusedError(`${dir}/${e.name}`);
    if (!e.isFile) continue;
    const s = HISTORY_SNAPSHOT_RE.exec(e.name);
    if (s) snapshots.push({ rev: Number(s[1]), file: `${dir}/${e.name}` });
    const j = HISTORY_JOURNAL_RE.exec(e.name);
    if (j) journals.push({ from: Number(j[1]), to: Number(j[2]), file: `${dir}/${e.name}` });
  }
  snapshots.sort((a, b) => a.rev - b.rev);
  journals.sort((a, b) => a.from - b.from || a.file.localeCompare(b.file));
  const maxRevision = Math.max(0, ...snapshots.map((s) => s.rev), ...journals.map((j) => j.to));
  return { snapshots, journals, maxRevision };
}

/** All journal entries of a period that can be read: archived journals and the current one. */
async function allEntries(files: WorkspaceFiles, paths: PeriodPaths): Promise<JournalEntry[]> {
  const history = await listHistory(files, paths.historyDir);
  const byRev = new Map<number, JournalEntry>();
  for (const j of history.journals) {
    const text = await files.readText(j.file, MAX_DATA_FILE_BYTES).catch(() => null);
    if (text) for (const e of decodeJournal(text).entries) if (!byRev.has(e.rev)) byRev.set(e.rev, e);
  }
  const current = await files.readText(paths.journal, MAX_DATA_FILE_BYTES).catch(() => null);
  if (current) for (const e of decodeJournal(current).entries) byRev.set(e.rev, e);
  return [...byRev.values()].sort((a, b) => a.rev - b.rev);
}

export interface Reconstruction {
  revision: number;
  figures: FigureTable;
}

/**
 * Rebuilds a period as it was at `target` (or as far as the history allows): start from the newest
 * intact snapshot at or before it, then replay journal entries in order.
 */
export async function reconstructPeriod(
  files: WorkspaceFiles,
  key: PeriodKey,
  target = Number.MAX_SAFE_INTEGER,
): Promise<Reconstruction> {
  const paths = periodPaths(key);
  const history = await listHistory(files, paths.historyDir);
  let base: Reconstruction = { revision: 0, figures: {} };
  const candidates = [...history.snapshots.map((s) => s.file), paths.snapshot];
  const usable: PeriodSnapshot[] = [];
  for (const file of candidates) {
    const read = await readSnapshot(files, file, key).catch(() => null);
    if (read?.ok && read.snapshot && read.snapshot.revision <= target) usable.push(read.snapshot);
  }
  usable.sort((a, b) => b.revision - a.revision);
  const newest = usable[0];
  if (newest) base = { revision: newest.revision, figures: structuredClone(newest.figures) };
  const entries = await allEntries(files, paths);
  for (const e of entries) {
    if (e.rev <= base.revision) continue;
    if (e.rev > target) break;
    if (e.rev !== base.revision + 1) break;
    applyChanges(base.figures, e, e.changes);
    base.revision = e.rev;
  }
  return base;
}

interface PeriodFilesRead {
  snapshot: SnapshotRead;
  journalText: string | null;
  journalProblem: FileProblem | null;
  history: HistoryListing;
}

function sameIdentity(a: FileIdentity | null, b: FileIdentity | null): boolean {
  if (a === null || b === null) return a === b;
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Reads snapshot, journal and history listing as one consistent picture. Another process (the writer
 * on another PC) may fold the journal into a new snapshot between two reads; the snapshot is replaced
 * by a rename, so its identity tells whether that happened, and the read is simply repeated.
 */
async function readPeriodFiles(files: WorkspaceFiles, key: PeriodKey, paths: PeriodPaths): Promise<PeriodFilesRead> {
  for (let attempt = 0; ; attempt++) {
    const before = await files.identity(paths.snapshot);
    const snapshot = await readSnapshot(files, paths.snapshot, key);
    let journalText: string | null = null;
    let journalProblem: FileProblem | null = null;
    try {
      journalText = await files.readText(paths.journal, MAX_DATA_FILE_BYTES);
    } catch (err) {
      if (!(err instanceof FileTooLargeError)) throw err;
      journalProblem = { kind: 'damaged', message: tooLarge(err) };
    }
    const history = await listHistory(files, paths.historyDir);
    if (attempt >= 5 || sameIdentity(before, await files.identity(paths.snapshot)))
      return { snapshot, journalText, journalProblem, history };
  }
}

function emptyState(key: PeriodKey): PeriodState {
  return { key, revision: 0, figures: {}, journalEntries: 0, journalBytes: 0, journalFrom: 1 };
}

/** A period shown as its last good version, marked damaged so it cannot be changed until restored. */
async function damagedState(
  files: WorkspaceFiles,
  key: PeriodKey,
  file: string,
  problem: FileProblem,
): Promise<PeriodState> {
  const { kind, message } = problem;
  if (kind === 'link' || kind === 'newer') {
    // Nothing is read through a link, and a newer program's figures cannot be shown by rebuilding older ones.
    return { ...emptyState(key), damage: { file, kind, message, lastGoodRevision: 0, restorable: false } };
  }
  const rebuilt = await reconstructPeriod(files, key);
  return {
    ...emptyState(key),
    revision: rebuilt.revision,
    figures: rebuilt.figures,
    journalFrom: rebuilt.revision + 1,
    damage: { file, kind, message, lastGoodRevision: rebuilt.revision, restorable: true },
  };
}

/**
 * Loads a period: snapshot plus journal. Damage is reported, never repaired over: the only change a
 * writer makes while loading is to move an incomplete last line (a save never acknowledged) to a
 * quarantine file beside the journal. A reader (`mode: 'read'`) writes nothing at all.
 */
export async function loadPeriod(
  files: WorkspaceFiles,
  key: PeriodKey,
  mode: LoadMode,
  stamp: () => string,
): Promise<PeriodState> {
  const paths = periodPaths(key);
  let read: PeriodFilesRead;
  try {
    read = await readPeriodFiles(files, key, paths);
  } catch (err) {
    if (err instanceof LinkRefusedError)
      return damagedState(files, key, err.file, { kind: 'link', message: err.message });
    throw err;
  }
  if (!read.snapshot.ok) return damagedState(files, key, paths.snapshot, read.snapshot);
  if (read.journalProblem) return damagedState(files, key, paths.journal, read.journalProblem);

  const snapshot = read.snapshot.snapshot;
  const state = emptyState(key);
  if (snapshot) {
    state.revision = snapshot.revision;
    state.figures = snapshot.figures;
    state.journalFrom = snapshot.revision + 1;
  }
  const decoded: DecodedJournal =
    read.journalText === null
      ? { entries: [], validBytes: 0, incompleteTailBytes: 0 }
      : decodeJournal(read.journalText);
  const fresh = decoded.entries.filter((e) => e.rev > state.revision);
  const first = fresh[0];
  if (first && first.rev !== state.revision + 1) {
    if (!snapshot) return damagedState(files, key, paths.snapshot, missingSnapshot(paths, first.rev - 1));
    return damagedState(files, key, paths.journal, {
      kind: 'damaged',
      message: `修改记录与数据快照不衔接（快照为第 ${state.revision} 版，记录从第 ${first.rev} 版开始）`,
    });
  }
  for (const e of fresh) {
    applyChanges(state.figures, e, e.changes);
    state.revision = e.rev;
  }
  if (decoded.corruptLine) {
    return damagedState(files, key, paths.journal, {
      kind: 'damaged',
      message: `第 ${decoded.corruptLine.line} 行已损坏（${decoded.corruptLine.reason}）`,
    });
  }
  if (read.history.maxRevision > state.revision) {
    if (!snapshot) return damagedState(files, key, paths.snapshot, missingSnapshot(paths, read.history.maxRevision));
    return damagedState(files, key, paths.snapshot, {
      kind: 'damaged',
      message: `数据快照是第 ${state.revision} 版，但历史记录中已有第 ${read.history.maxRevision} 版（快照可能被旧的备份替换了）`,
    });
  }
  state.journalEntries = decoded.entries.length;
  state.journalBytes = decoded.validBytes;
  if (decoded.incompleteTailBytes > 0 && mode === 'write')
    state.quarantinedTail = await setTailAside(files, paths.journal, decoded.validBytes, stamp());
  return state;
}

function missingSnapshot(paths: PeriodPaths, known: number): FileProblem {
  return {
    kind: 'missing',
    message: `缺少数据快照 ${paths.snapshot}，但该期的修改记录或历史版本还在（已保存到第 ${known} 版），快照可能被删除或移走了`,
  };
}

/** Moves the bytes after `validBytes` to a new quarantine file beside the journal, then cuts them. */
async function setTailAside(
  files: WorkspaceFiles,
  journal: string,
  validBytes: number,
  stamp: string,
): Promise<string> {
  const tail = await files.readFrom(journal, validBytes);
  const kept = await files.writeExclusive(`${journal}.incomplete-${stamp}`, tail);
  await files.truncate(journal, validBytes);
  return kept;
}

/**
 * Appends one saved batch; resolves once it is on disk (the acknowledgement). The journal must be the
 * length this process left it at: leftover bytes of a failed append are set aside first; a journal
 * someone else shortened is refused rather than appended to.
 */
export async function appendEntry(
  files: WorkspaceFiles,
  state: PeriodState,
  entry: JournalEntry,
  stamp: () => string,
): Promise<void> {
  const journal = periodPaths(state.key).journal;
  const line = encodeJournalEntry(entry);
  try {
    await files.append(journal, line, state.journalBytes);
  } catch (err) {
    if (!(err instanceof SizeMismatchError)) throw err;
    if (err.actual < err.expected)
      throw new AppError(
        'CONFLICT',
        `${journal} 在本程序之外被改动过（比上次保存时短），为免覆盖，本次修改没有保存。请重新打开工作区查看。`,
        { expected: err.expected, actual: err.actual },
      );
    await setTailAside(files, journal, state.journalBytes, stamp());
    await files.append(journal, line, state.journalBytes);
  }
  applyChanges(state.figures, entry, entry.changes);
  state.revision = entry.rev;
  state.journalEntries++;
  state.journalBytes += Buffer.byteLength(line);
}

export function needsCompaction(state: PeriodState, afterEntries = COMPACT_AFTER_ENTRIES): boolean {
  return state.journalEntries >= afterEntries || state.journalBytes >= COMPACT_AFTER_BYTES;
}

function revisionOf(snapshotText: string, fallback: number): number {
  try {
    const rev = (JSON.parse(snapshotText) as { revision?: unknown }).revision;
    return typeof rev === 'number' && Number.isInteger(rev) ? rev : fallback;
  } catch {
    return fallback;
  }
}

/**
 * Folds the journal into a new snapshot. The old snapshot and journal are copied to history first, under
 * names taken from their own contents and never over another file, so every earlier revision stays
 * restorable and a compaction cut short at any step can simply run again.
 */
export async function compactPeriod(files: WorkspaceFiles, state: PeriodState, savedAt: string): Promise<void> {
  const paths = periodPaths(state.key);
  const journalText = await files.readText(paths.journal, MAX_DATA_FILE_BYTES);
  const oldSnapshot = await files.readText(paths.snapshot, MAX_DATA_FILE_BYTES);
  if (oldSnapshot !== null) {
    const rev = revisionOf(oldSnapshot, state.journalFrom - 1);
    await files.writeExclusive(`${paths.historyDir}/snapshot-${rev}.json`, oldSnapshot);
  }
  if (journalText) {
    const decoded = decodeJournal(journalText);
    const first = decoded.entries[0];
    const last = decoded.entries[decoded.entries.length - 1];
    if (first && last)
      await files.writeExclusive(
        `${paths.historyDir}/journal-${first.rev}-${last.rev}.log`,
        Buffer.from(journalText).subarray(0, decoded.validBytes),
      );
  }
  const snapshot: PeriodSnapshot = {
    formatVersion: PERIOD_FORMAT_VERSION,
    period: state.key,
    revision: state.revision,
    savedAt,
    figures: state.figures,
  };
  await files.writeAtomic(paths.snapshot, JSON.stringify(snapshot));
  await files.remove(paths.journal);
  state.journalEntries = 0;
  state.journalBytes = 0;
  state.journalFrom = state.revision + 1;
}

/** Every saved batch of a period, oldest first (archived journals and the current one). */
export async function periodEntries(files: WorkspaceFiles, key: PeriodKey): Promise<JournalEntry[]> {
  return allEntries(files, periodPaths(key));
}

/**
 * Before a restore writes a fresh snapshot of the last good version: the damaged files, and history
 * files holding revisions after it, are renamed aside (`*.damaged-<time>`), never deleted. The new
 * revisions that follow then cannot be confused with the lost ones.
 */
export async function quarantineAndReset(
  files: WorkspaceFiles,
  state: PeriodState,
  rebuilt: Reconstruction,
  savedAt: string,
  stamp: string,
): Promise<void> {
  const paths = periodPaths(state.key);
  for (const p of [paths.snapshot, paths.journal]) await files.moveAside(p, `.damaged-${stamp}`);
  const history = await listHistory(files, paths.historyDir);
  for (const s of history.snapshots) if (s.rev > rebuilt.revision) await files.moveAside(s.file, `.damaged-${stamp}`);
  for (const j of history.journals) if (j.to > rebuilt.revision) await files.moveAside(j.file, `.damaged-${stamp}`);
  const snapshot: PeriodSnapshot = {
    formatVersion: PERIOD_FORMAT_VERSION,
    period: state.key,
    revision: rebuilt.revision,
    savedAt,
    figures: rebuilt.figures,
  };
  await files.writeAtomic(paths.snapshot, JSON.stringify(snapshot));
  state.revision = rebuilt.revision;
  state.figures = rebuilt.figures;
  state.journalEntries = 0;
  state.journalBytes = 0;
  state.journalFrom = rebuilt.revision + 1;
  delete state.damage;
}
