import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { LOCK_FILE } from '../../../src/main/services/storage/workspace-lock';
import { PROJECT_ROOT } from '../../support/project';
import { bundleScript, startUntil } from '../../support/child-script';
import { context, newWorkspace, REGIONAL } from '../../support/workspace';

let holder = '';
beforeAll(async () => {
  holder = await bundleScript('lock-holder');
});

const change = { systemId: REGIONAL, indicatorId: 'industrial-value-added-growth', region: '吴兴', value: 7 };

describe('workspace lock between processes', () => {
  it('a second process opens read-only while the first writes; after the first crashes, the stale lock is taken over', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const { child } = await startUntil(holder, [dir, PROJECT_ROOT, '王五'], ['READY']);
    try {
      const second = await Workspace.open(dir, await context('赵六'));
      expect(second.readOnly).toBe(true);
      expect((await second.info()).readOnlyReason).toMatch(/王五（电脑 .+）自 .+ 起使用，已以只读方式打开/);
      await expect(second.setFigures('2023-09', [change], { kind: 'entry' })).rejects.toMatchObject({
        code: 'READ_ONLY',
      });
    } finally {
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
    }
    const third = await Workspace.open(dir, await context('赵六'));
    expect(third.readOnly).toBe(false);
    await third.setFigures('2023-09', [change], { kind: 'entry' });
    expect((await third.auditLog()).find((a) => a.action === 'lock.takeover')?.summary).toContain('接管了王五');
    await third.close();
  });

  it('two processes racing for a free workspace: exactly one gets to write', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const runs = await Promise.all(
      [0, 1, 2].map((i) => startUntil(holder, [dir, PROJECT_ROOT, `用户${i}`], ['READY', 'READONLY'])),
    );
    try {
      expect(runs.map((r) => r.marker).sort()).toEqual(['READONLY', 'READONLY', 'READY']);
    } finally {
      for (const r of runs) r.child.kill('SIGKILL');
    }
  });

  it('a lock from another PC is respected while fresh and taken over once its heartbeat is stale', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const lock = {
      id: 'x',
      pid: 1,
      host: 'OTHER-PC',
      user: '钱七',
      app: 'desktop',
      acquiredAt: new Date().toISOString(),
      heartbeatAt: new Date().toISOString(),
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(lock));
    const fresh = await Workspace.open(dir, await context());
    expect(fresh.readOnly).toBe(true);
    expect((await fresh.info()).readOnlyReason).toContain('钱七（电脑 OTHER-PC）');
    // Its PC stopped refreshing it ten minutes ago: the file itself was last written then.
    const old = new Date(Date.now() - 10 * 60_000);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...lock, heartbeatAt: old.toISOString() }));
    utimesSync(join(dir, LOCK_FILE), old, old);
    const taken = await Workspace.open(dir, await context('孙八'));
    expect(taken.readOnly).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).user).toBe('孙八');
    await taken.close();
  });

  it('refuses to write once another PC has taken the lock over', async () => {
    const { dir, ws } = await newWorkspace();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({
        id: 'other',
        pid: 1,
        host: 'OTHER-PC',
        user: '周九',
        app: 'desktop',
        acquiredAt: new Date().toISOString(),
        heartbeatAt: new Date().toISOString(),
      }),
    );
    await expect(ws.setFigures('2023-09', [change], { kind: 'entry' })).rejects.toMatchObject({
      code: 'WORKSPACE_LOCKED',
    });
    await ws.close();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).user).toBe('周九');
  });
});
