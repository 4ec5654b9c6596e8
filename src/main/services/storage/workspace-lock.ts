import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { hostname } from 'node:os';
import { link, lstat, open, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LockHolderInfo } from '../../../shared/api-types';
import { writeFileAtomic } from './atomic-file';

export const LOCK_FILE = '.lock';
/** A lock not refreshed for this long belongs to a crashed or disconnected PC. */
export const STALE_AFTER_MS = 3 * 60 * 1000;
const HEARTBEAT_MS = 60 * 1000;
const STALE_PREFIX = `${LOCK_FILE}.stale-`;
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export const LockInfoSchema = z.object({
  id: z.string(),
  pid: z.number().int(),
  host: z.string(),
  user: z.string(),
  app: z.string(),
  acquiredAt: z.string(),
  heartbeatAt: z.string(),
});
export type LockInfo = z.infer<typeof LockInfoSchema>;

export interface LockOwner {
  user: string;
  app: string;
  now: () => Date;
}

export type LockResult =
  | { mode: 'write'; lock: WorkspaceLock; tookOverFrom?: LockHolderInfo }
  | { mode: 'readOnly'; holder: LockHolderInfo | null; message: string };

/** A lock file as found on disk: its parsed content (null when unreadable) and how long since it was written. */
interface FoundLock {
  info: LockInfo | null;
  /** info.id, or a digest of the bytes when they cannot be parsed (so a takeover names exactly what was seen). */
  id: string;
  /** Milliseconds since the file was last written, measured on the file system's own clock. */
  ageMs: number;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * "Now" on the clock that stamps this folder's files: the mtime of a probe file written just now. Lock
 * ages are mtime differences on that one clock, so a PC whose clock runs hours ahead or behind neither
 * keeps a dead lock alive nor makes a live one look dead. Falls back to our clock when the folder
 * refuses writes (then nothing can be taken over anyway).
 */
async function folderNow(dir: string, fallback: Date): Promise<number> {
  const probe = join(dir, `${LOCK_FILE}-probe-${process.pid}-${randomUUID()}`);
  try {
    const handle = await open(probe, 'wx');
    try {
      await handle.writeFile('probe');
      return (await handle.stat()).mtimeMs;
    } finally {
      await handle.close();
      await rm(probe, { force: true });
    }
  } catch {
    return fallback.getTime();
  }
}

/**
 * The lock with its age. By our own clock first: a lock written within the last three minutes is
 * simply alive, and finding that out writes nothing. Only an age that looks stale or lies in the
 * future (clocks disagree) is measured again on the folder's clock, which takes a probe file.
 */
async function judgedLock(dir: string, path: string): Promise<FoundLock | null> {
  const quick = await readLock(path, Date.now());
  if (!quick || (quick.ageMs >= 0 && quick.ageMs <= STALE_AFTER_MS)) return quick;
  return readLock(path, await folderNow(dir, new Date()));
}

async function readLock(path: string, now: number): Promise<FoundLock | null> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    // A link in place of the lock is never read through; it is judged by its own age.
    const info = await lstat(path).catch(() => null);
    if (!info) return null;
    return { info: null, id: `link:${info.ino}:${info.mtimeMs}`, ageMs: now - info.mtimeMs };
  }
  try {
    const stat = await handle.stat();
    const bytes = stat.size > 64 * 1024 ? Buffer.alloc(0) : await handle.readFile();
    let info: LockInfo | null = null;
    try {
      const parsed = LockInfoSchema.safeParse(JSON.parse(bytes.toString('utf8')));
      if (parsed.success) info = parsed.data;
    } catch {
      // Unreadable content: judged by the file's age alone.
    }
    const id = info?.id ?? `content:${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`;
    return { info, id, ageMs: now - stat.mtimeMs };
  } finally {
    await handle.close();
  }
}

/** Whether a found lock's owner is gone: a dead process on this PC, or no heartbeat for three minutes. */
export function isStale(found: { info: LockInfo | null; ageMs: number }): boolean {
  if (found.info && found.info.host === hostname() && !pidAlive(found.info.pid)) return true;
  return found.ageMs > STALE_AFTER_MS;
}

function clockText(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${t.getMonth() + 1}月${t.getDate()}日 ${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}

function holderInfo(found: FoundLock): LockHolderInfo {
  const minutes = Math.max(0, Math.floor(found.ageMs / 60_000));
  return {
    lockId: found.id,
    readable: found.info !== null,
    user: found.info?.user ?? '',
    host: found.info?.host ?? '',
    app: found.info?.app ?? '',
    since: found.info ? clockText(found.info.acquiredAt) : '',
    minutesSinceSeen: minutes,
  };
}

/** "王五（电脑 PC-1）自 10月8日 09:00 起" — who holds the lock and since when, for messages and the takeover dialog. */
export function describeHolder(holder: LockHolderInfo): string {
  if (!holder.readable) return '另一程序（锁文件内容无法读取）';
  return `${holder.user}（电脑 ${holder.host}）自 ${holder.since} 起`;
}

export interface AcquireOptions {
  /** Take over this lock (the id the clerk confirmed in the takeover dialog), even while it looks alive. */
  takeOverLockId?: string;
}

const NO_WRITE_MESSAGE =
  '工作区文件夹不允许写入（只读的磁盘或光盘，或没有写权限的共享文件夹），已以只读方式打开。如需修改，请把工作区复制到可写的位置，或请管理员开放写权限。';

function isNoWrite(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

/** The single-writer lock of a workspace folder: one app instance or one PC writes at a time. */
export class WorkspaceLock {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly path: string,
    readonly info: LockInfo,
    private readonly owner: LockOwner,
  ) {}

  static async acquire(dir: string, owner: LockOwner, options: AcquireOptions = {}): Promise<LockResult> {
    try {
      return await WorkspaceLock.tryAcquire(dir, owner, options);
    } catch (err) {
      if (isNoWrite(err)) return { mode: 'readOnly', holder: null, message: NO_WRITE_MESSAGE };
      throw err;
    }
  }

  private static async tryAcquire(dir: string, owner: LockOwner, options: AcquireOptions): Promise<LockResult> {
    const path = join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = await WorkspaceLock.acquireFresh(dir, owner);
      if (fresh) return fresh;
      const found = await judgedLock(dir, path);
      if (!found) continue;
      const holder = holderInfo(found);
      const confirmed = options.takeOverLockId !== undefined && options.takeOverLockId === found.id;
      if (!confirmed && !isStale(found)) {
        const changed = options.takeOverLockId !== undefined ? '锁已换了人，请确认后再接管。' : '';
        return {
          mode: 'readOnly',
          holder,
          message: `${changed}工作区正由${describeHolder(holder)}使用，已以只读方式打开。如果对方已不再使用（忘了关闭程序，或那台电脑已关机），可以点“接管”后修改。`,
        };
      }
      await WorkspaceLock.moveAway(path, found.id);
      const result = await WorkspaceLock.acquireFresh(dir, owner);
      if (result) return { ...result, tookOverFrom: holder };
    }
    return {
      mode: 'readOnly',
      holder: null,
      message: '无法取得工作区的写入锁（有其他程序同时在打开），已以只读方式打开。',
    };
  }

  /**
   * Moves the judged lock out of the way, verifying it is the one judged: if another process replaced it
   * in between, that fresh lock is put back. The moved file is then deleted (the takeover is audited),
   * so takeovers leave no trail of stale lock files.
   */
  private static async moveAway(path: string, judgedId: string): Promise<void> {
    const aside = `${path}.stale-${randomUUID()}`;
    try {
      await rename(path, aside);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    const moved = await readLock(aside, Date.now());
    if (moved && moved.id !== judgedId) await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
  }

  private static async acquireFresh(
    dir: string,
    owner: LockOwner,
  ): Promise<{ mode: 'write'; lock: WorkspaceLock } | null> {
    const path = join(dir, LOCK_FILE);
    const now = owner.now().toISOString();
    const info: LockInfo = {
      id: randomUUID(),
      pid: process.pid,
      host: hostname(),
      user: owner.user,
      app: owner.app,
      acquiredAt: now,
      heartbeatAt: now,
    };
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(info));
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return null;
      throw err;
    }
    const lock = new WorkspaceLock(path, info, owner);
    await sweepStaleFiles(dir);
    lock.startHeartbeat();
    return { mode: 'write', lock };
  }

  private startHeartbeat(): void {
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Refreshes the lock so other PCs see it is alive; stops if someone else has taken it over. */
  async heartbeat(): Promise<boolean> {
    if (!(await this.stillHeld())) {
      this.stop();
      return false;
    }
    this.info.heartbeatAt = this.owner.now().toISOString();
    await writeFileAtomic(this.path, JSON.stringify(this.info));
    return true;
  }

  /** True while the lock file on disk is still ours. */
  async stillHeld(): Promise<boolean> {
    const current = await readLock(this.path, Date.now());
    return current?.id === this.info.id;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async release(): Promise<void> {
    this.stop();
    if (await this.stillHeld()) await rm(this.path, { force: true });
  }
}

/** Leftovers of takeovers cut short (or of older versions, which kept every moved lock): only clutter. */
async function sweepStaleFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(STALE_PREFIX)) await rm(join(dir, name), { force: true });
}
