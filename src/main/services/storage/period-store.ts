import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FigureChangeRecord, FigureTable, JournalEntry, PeriodSnapshot } from '../../../shared/schemas/figures';
import { PERIOD_FORMAT_VERSION, PeriodSnapshotSchema } from '../../../shared/schemas/figures';
import type { PeriodKey } from '../../../shared/schemas/workspace';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { appendDurable, FileTooLargeError, readTextLimited, truncateDurable, writeFileAtomic } from './atomic-file';
import { decodeJournal, encodeJournalEntry } from './journal-codec';
import { migrate, NO_MIGRATIONS } from './migrations';
import { periodPaths, type PeriodPaths } from './period-files';

export const MAX_DATA_FILE_BYTES = 256 * 1024 * 1024;
/** Compact the journal into a new snapshot after this many saves or bytes (defaults). */
export const COMPACT_AFTER_ENTRIES = 200;
const COMPACT_AFTER_BYTES = 2 * 1024 * 1024;

/** A period whose files are damaged: shown to the clerk with the last good version offered for restore. */
export interface PeriodDamage {
  file: string;
  message: string;
  /** Highest revision that can be rebuilt from history and the intact part of the files. */
  lastGoodRevision: number;
}

export interface PeriodState {
  key: PeriodKey;
  revision: number;
  figures: FigureTable;
  journalEntries: number;
  journalBytes: number;
  /** First revision held in the current journal (snapshot revision + 1). */
  journalFrom: number;
  damage?: PeriodDamage;
  /** A torn last journal line (an unacknowledged write cut by a crash) was cut off while loading. */
  repairedTornTail?: boolean;
}

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

type SnapshotRead = { ok: true; snapshot: PeriodSnapshot | null } | { ok: false; message: string };

async function readSnapshot(path: string, key: PeriodKey): Promise<SnapshotRead> {
  let text: string | null;
  try {
    text = await readTextLimited(path, MAX_DATA_FILE_BYTES);
  } catch (err) {
    if (err instanceof FileTooLargeError)
      return { ok: false, message: `文件过大（${Math.round(err.size / 1048576)} MB），不像是本程序写的数据文件` };
    throw err;
  }
  if (text === null) return { ok: true, snapshot: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: text.length === 0 ? '文件是空的' : '文件不完整或已损坏（不是有效的 JSON）' };
  }
  const migrated = migrate(raw, PERIOD_FORMAT_VERSION, NO_MIGRATIONS);
  if (!migrated.ok) return { ok: false, message: migrated.message };
  const parsed = PeriodSnapshotSchema.safeParse(migrated.doc);
  if (!parsed.success)
    return {
      ok: false,
      message: `内容格式不对：${zodErrorToChinese(parsed.error, migrated.doc).slice(0, 3).join('；')}`,
    };
  if (parsed.data.period !== key)
    return { ok: false, message: `文件里写的期别是 ${parsed.data.period}，与文件名 ${key} 不符` };
  return { ok: true, snapshot: parsed.data };
}

interface HistoryListing {
  snapshots: number[];
  journals: { from: number; to: number; file: string }[];
}

async function listHistory(dir: string): Promise<HistoryListing> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return { snapshots: [], journals: [] };
  }
  const snapshots: number[] = [];
  const journals: HistoryListing['journals'] = [];
  for (const name of names) {
    const s = /^snapshot-(\d+)\.json$/.exec(name);
    if (s) snapshots.push(Number(s[1]));
    const j = /^journal-(\d+)-(\d+)\.log$/.exec(name);
    if (j) journals.push({ from: Number(j[1]), to: Number(j[2]), file: join(dir, name) });
  }
  snapshots.sort((a, b) => a - b);
  journals.sort((a, b) => a.from - b.from);
  return { snapshots, journals };
}

/** All journal entries of a period that can be read: archived journals and the current one. */
async function allEntries(paths: PeriodPaths): Promise<JournalEntry[]> {
  const history = await listHistory(paths.historyDir);
  const byRev = new Map<number, JournalEntry>();
  for (const j of history.journals) {
    const text = await readTextLimited(j.file, MAX_DATA_FILE_BYTES).catch(() => null);
    if (text) for (const e of decodeJournal(text).entries) byRev.set(e.rev, e);
  }
  const current = await readTextLimited(paths.journal, MAX_DATA_FILE_BYTES).catch(() => null);
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
  root: string,
  key: PeriodKey,
  target = Number.MAX_SAFE_INTEGER,
): Promise<Reconstruction> {
  const paths = periodPaths(root, key);
  const history = await listHistory(paths.historyDir);
  let base: Reconstruction = { revision: 0, figures: {} };
  const candidates: { rev: number; path: string }[] = history.snapshots.map((rev) => ({
    rev,
    path: join(paths.historyDir, `snapshot-${rev}.json`),
  }));
  candidates.push({ rev: -1, path: paths.snapshot });
  const usable: PeriodSnapshot[] = [];
  for (const c of candidates) {
    const read = await readSnapshot(c.path, key).catch(() => ({ ok: false as const, message: '' }));
    if (read.ok && read.snapshot && read.snapshot.revision <= target) usable.push(read.snapshot);
  }
  usable.sort((a, b) => b.revision - a.revision);
  const newest = usable[0];
  if (newest) base = { revision: newest.revision, figures: structuredClone(newest.figures) };
  const entries = await allEntries(paths);
  for (const e of entries) {
    if (e.rev <= base.revision) continue;
    if (e.rev > target) break;
    if (e.rev !== base.revision + 1) break;
    applyChanges(base.figures, e, e.changes);
    base.revision = e.rev;
  }
  return base;
}

/** Loads a period: snapshot plus journal; damage is reported, never silently repaired over. */
export async function loadPeriod(root: string, key: PeriodKey): Promise<PeriodState> {
  const paths = periodPaths(root, key);
  const snapRead = await readSnapshot(paths.snapshot, key);
  let journalText: string | null = null;
  let journalProblem: string | null = null;
  try {
    journalText = await readTextLimited(paths.journal, MAX_DATA_FILE_BYTES);
  } catch (err) {
    if (!(err instanceof FileTooLargeError)) throw err;
    journalProblem = `文件过大（${Math.round(err.size / 1048576)} MB），不像是本程序写的数据文件`;
  }

  if (!snapRead.ok || journalProblem) {
    const rebuilt = await reconstructPeriod(root, key);
    return {
      key,
      revision: rebuilt.revision,
      figures: rebuilt.figures,
      journalEntries: 0,
      journalBytes: 0,
      journalFrom: rebuilt.revision + 1,
      damage: {
        file: !snapRead.ok ? paths.relSnapshot : paths.relJournal,
        message: !snapRead.ok ? snapRead.message : (journalProblem ?? ''),
        lastGoodRevision: rebuilt.revision,
      },
    };
  }

  const snapshot = snapRead.snapshot;
  const state: PeriodState = {
    key,
    revision: snapshot?.revision ?? 0,
    figures: snapshot ? snapshot.figures : {},
    journalEntries: 0,
    journalBytes: 0,
    journalFrom: (snapshot?.revision ?? 0) + 1,
  };
  if (journalText === null) return state;

  const decoded = decodeJournal(journalText);
  const fresh = decoded.entries.filter((e) => e.rev > state.revision);
  const first = fresh[0];
  if (first && first.rev !== state.revision + 1) {
    state.damage = {
      file: paths.relJournal,
      message: `修改记录与数据快照不衔接（快照为第 ${state.revision} 版，记录从第 ${first.rev} 版开始）`,
      lastGoodRevision: state.revision,
    };
    return state;
  }
  for (const e of fresh) {
    applyChanges(state.figures, e, e.changes);
    state.revision = e.rev;
  }
  state.journalEntries = decoded.entries.length;
  state.journalBytes = decoded.validBytes;
  if (decoded.corruptLine) {
    state.damage = {
      file: paths.relJournal,
      message: `第 ${decoded.corruptLine.line} 行已损坏（${decoded.corruptLine.reason}）`,
      lastGoodRevision: state.revision,
    };
  } else if (decoded.tornTail) {
    await truncateDurable(paths.journal, decoded.validBytes);
    state.repairedTornTail = true;
  }
  return state;
}

/** Appends one saved batch; resolves once it is on disk (the acknowledgement). */
export async function appendEntry(root: string, state: PeriodState, entry: JournalEntry): Promise<void> {
  const line = encodeJournalEntry(entry);
  await appendDurable(periodPaths(root, state.key).journal, line);
  applyChanges(state.figures, entry, entry.changes);
  state.revision = entry.rev;
  state.journalEntries++;
  state.journalBytes += Buffer.byteLength(line);
}

export function needsCompaction(state: PeriodState, afterEntries = COMPACT_AFTER_ENTRIES): boolean {
  return state.journalEntries >= afterEntries || state.journalBytes >= COMPACT_AFTER_BYTES;
}

/**
 * Folds the journal into a new snapshot. The old snapshot and journal go to history first, so every
 * earlier revision stays restorable; a crash at any step leaves files that load to the same state.
 */
export async function compactPeriod(root: string, state: PeriodState, savedAt: string): Promise<void> {
  const paths = periodPaths(root, state.key);
  const journalText = await readTextLimited(paths.journal, MAX_DATA_FILE_BYTES);
  const oldSnapshot = await readTextLimited(paths.snapshot, MAX_DATA_FILE_BYTES);
  const oldRevision = state.journalFrom - 1;
  if (oldSnapshot !== null) await writeFileAtomic(join(paths.historyDir, `snapshot-${oldRevision}.json`), oldSnapshot);
  if (journalText)
    await writeFileAtomic(join(paths.historyDir, `journal-${state.journalFrom}-${state.revision}.log`), journalText);
  const snapshot: PeriodSnapshot = {
    formatVersion: PERIOD_FORMAT_VERSION,
    period: state.key,
    revision: state.revision,
    savedAt,
    figures: state.figures,
  };
  await writeFileAtomic(paths.snapshot, JSON.stringify(snapshot));
  await rm(paths.journal, { force: true });
  state.journalEntries = 0;
  state.journalBytes = 0;
  state.journalFrom = state.revision + 1;
}

/** Every saved batch of a period, oldest first (archived journals and the current one). */
export async function periodEntries(root: string, key: PeriodKey): Promise<JournalEntry[]> {
  return allEntries(periodPaths(root, key));
}

/** Moves damaged files aside (never deleting them) before a restore writes a fresh snapshot. */
export async function quarantineAndReset(
  root: string,
  state: PeriodState,
  rebuilt: Reconstruction,
  savedAt: string,
  stamp: string,
): Promise<void> {
  const paths = periodPaths(root, state.key);
  for (const p of [paths.snapshot, paths.journal]) {
    await rename(p, `${p}.damaged-${stamp}`).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
  const snapshot: PeriodSnapshot = {
    formatVersion: PERIOD_FORMAT_VERSION,
    period: state.key,
    revision: rebuilt.revision,
    savedAt,
    figures: rebuilt.figures,
  };
  await writeFileAtomic(paths.snapshot, JSON.stringify(snapshot));
  state.revision = rebuilt.revision;
  state.figures = rebuilt.figures;
  state.journalEntries = 0;
  state.journalBytes = 0;
  state.journalFrom = rebuilt.revision + 1;
  delete state.damage;
}
