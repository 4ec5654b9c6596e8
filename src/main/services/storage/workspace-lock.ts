import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';

export const LOCK_FILE = '.lock';
/** A lock not refreshed for this long belongs to a crashed or disconnected PC. */
export const STALE_AFTER_MS = 3 * 60 * 1000;
const HEARTBEAT_MS = 60 * 1000;

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
  | { mode: 'write'; lock: WorkspaceLock; tookOverFrom?: LockInfo }
  | { mode: 'readOnly'; holder: LockInfo | null; message: string };

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function isStale(holder: LockInfo, now: Date): boolean {
  if (holder.host === hostname() && !pidAlive(holder.pid)) return true;
  return now.getTime() - new Date(holder.heartbeatAt).getTime() > STALE_AFTER_MS;
}

async function readHolder(path: string): Promise<LockInfo | null> {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function describe(holder: LockInfo): string {
  const since = new Date(holder.acquiredAt);
  const time = Number.isNaN(since.getTime())
    ? holder.acquiredAt
    : `${since.getMonth() + 1}月${since.getDate()}日 ${String(since.getHours()).padStart(2, '0')}:${String(since.getMinutes()).padStart(2, '0')}`;
  return `${holder.user}（电脑 ${holder.host}）自 ${time} 起`;
}

/** The single-writer lock of a workspace folder: one app instance or one PC writes at a time. */
export class WorkspaceLock {
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly path: string,
    readonly info: LockInfo,
    private readonly owner: LockOwner,
  ) {}

  static async acquire(dir: string, owner: LockOwner): Promise<LockResult> {
    const path = join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      const fresh = await WorkspaceLock.acquireFresh(path, owner);
      if (fresh) return fresh;
      const holder = await readHolder(path);
      if (holder && !isStale(holder, owner.now())) {
        return {
          mode: 'readOnly',
          holder,
          message: `工作区正由${describe(holder)}使用，已以只读方式打开。对方关闭程序后，请重新打开本工作区再修改。`,
        };
      }
      // Stale (crashed app) or unreadable lock: move it aside; if another process raced us, only one rename wins.
      try {
        await rename(path, `${path}.stale-${Date.now()}`);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      const result = await WorkspaceLock.acquireFresh(path, owner);
      if (result) return { ...result, ...(holder ? { tookOverFrom: holder } : {}) };
    }
    return { mode: 'readOnly', holder: null, message: '无法取得工作区的写入锁，已以只读方式打开。' };
  }

  private static async acquireFresh(
    path: string,
    owner: LockOwner,
  ): Promise<{ mode: 'write'; lock: WorkspaceLock } | null> {
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
    lock.startHeartbeat();
    return { mode: 'write', lock };
  }

  private startHeartbeat(): void {
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Refreshes the lock so other PCs see it is alive; stops if someone else has taken it over. */
  async heartbeat(): Promise<boolean> {
    const current = await readHolder(this.path);
    if (!current || current.id !== this.info.id) {
      this.stop();
      return false;
    }
    this.info.heartbeatAt = this.owner.now().toISOString();
    await writeFileAtomic(this.path, JSON.stringify(this.info));
    return true;
  }

  /** True while the lock file on disk is still ours. */
  async stillHeld(): Promise<boolean> {
    const current = await readHolder(this.path);
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
