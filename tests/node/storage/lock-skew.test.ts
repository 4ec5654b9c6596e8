import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { LOCK_FILE } from '../../../src/main/services/storage/workspace-lock';
import { context, growth, newWorkspace } from '../../support/workspace';

const HOUR = 3_600_000;

/** A lock written by another PC: `content` as it wrote it, last written `ageMs` ago by the folder's clock. */
function plantLock(dir: string, content: string | Record<string, unknown>, ageMs: number): void {
  const path = join(dir, LOCK_FILE);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
}

function otherPc(clockOffsetMs: number, overrides: Record<string, unknown> = {}) {
  const t = new Date(Date.now() + clockOffsetMs).toISOString();
  return {
    id: 'other-pc-lock',
    pid: 4242,
    host: 'OTHER-PC',
    user: '钱七',
    app: 'desktop',
    acquiredAt: t,
    heartbeatAt: t,
    ...overrides,
  };
}

async function closedWorkspace(): Promise<string> {
  const { dir, ws } = await newWorkspace();
  await ws.close();
  return dir;
}

async function openAs(dir: string, user: string, takeOverLockId?: string) {
  return Workspace.open(dir, await context(user), takeOverLockId ? { takeOverLockId } : {});
}

describe('locks judged on the folder’s clock, not on another PC’s', () => {
  it('a PC whose clock runs 2 h ahead and that stopped 10 minutes ago: its lock is stale now, not in 2 hours', async () => {
    const dir = await closedWorkspace();
    plantLock(dir, otherPc(2 * HOUR), 10 * 60_000);
    const ws = await openAs(dir, '孙八');
    expect(ws.readOnly).toBe(false);
    expect((await ws.auditLog()).find((a) => a.action === 'lock.takeover')?.summary).toContain('钱七');
    await ws.close();
  });

  it('a PC whose clock runs 2 h behind and that is still working: its lock is respected', async () => {
    const dir = await closedWorkspace();
    plantLock(dir, otherPc(-2 * HOUR), 0);
    const ws = await openAs(dir, '孙八');
    expect(ws.readOnly).toBe(true);
    expect((await ws.info()).lockHolder).toMatchObject({ user: '钱七', host: 'OTHER-PC', readable: true });
  });

  it('an unparsable heartbeat or an unreadable lock file: fresh is respected, stale is taken over', async () => {
    for (const content of [otherPc(0, { heartbeatAt: '昨天下午' }), '{"id": "half-writ']) {
      const dir = await closedWorkspace();
      plantLock(dir, content, 0);
      const held = await openAs(dir, '孙八');
      expect(held.readOnly).toBe(true);
      expect((await held.info()).readOnlyReason).toContain('接管');
      plantLock(dir, content, 10 * 60_000);
      const taken = await openAs(dir, '孙八');
      expect(taken.readOnly).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).user).toBe('孙八');
      await taken.close();
    }
  });
});

describe('taking over a live lock, after the clerk confirms who held it', () => {
  it('names the holder and since when; the takeover is of exactly that lock and is audited', async () => {
    const dir = await closedWorkspace();
    plantLock(dir, otherPc(0, { acquiredAt: '2023-10-08T01:30:00.000Z' }), 0);
    const held = await openAs(dir, '孙八');
    const holder = (await held.info()).lockHolder!;
    expect(holder).toMatchObject({ user: '钱七', host: 'OTHER-PC', app: 'desktop', readable: true });
    expect(holder.since).toMatch(/^10月8日 \d\d:30$/);
    expect(holder.minutesSinceSeen).toBe(0);

    // The lock changed since the dialog was shown: nothing is taken over.
    const stale = await openAs(dir, '孙八', 'some-other-lock');
    expect(stale.readOnly).toBe(true);
    expect((await stale.info()).readOnlyReason).toContain('锁已换了人');

    const taken = await openAs(dir, '孙八', holder.lockId);
    expect(taken.readOnly).toBe(false);
    await taken.setFigures('2023-09', [growth('吴兴', 3)], { kind: 'entry' });
    const audit = (await taken.auditLog()).find((a) => a.action === 'lock.takeover');
    expect(audit?.summary).toContain('经确认接管了钱七（电脑 OTHER-PC）');
    await taken.close();
  });

  it('takeovers leave no pile of .lock.stale-* files, and sweep up old ones', async () => {
    const dir = await closedWorkspace();
    writeFileSync(join(dir, `${LOCK_FILE}.stale-1700000000000`), '{}');
    for (let i = 0; i < 20; i++) {
      plantLock(dir, otherPc(0, { id: `lock-${i}` }), 10 * 60_000);
      const ws = await openAs(dir, '孙八');
      expect(ws.readOnly).toBe(false);
      await ws.close();
    }
    expect(readdirSync(dir).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
  });
});
