import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { bundleScript } from '../../support/child-script';
import { canMount, IS_ROOT, mountTmpfs, unmount } from '../../support/mounts';
import { PROJECT_ROOT } from '../../support/project';
import { abandon, context, growth, newWorkspace, REGIONAL, templates, tempDir } from '../../support/workspace';

const mounts: string[] = [];
afterAll(() => mounts.forEach(unmount));

const REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '全市'];

/** Every cell of the regional system with a long note: a save of some tens of KB. */
async function bigBatch(round: number) {
  const system = await templates.get(REGIONAL);
  return system.indicators
    .filter((ind) => ind.frequency === 'monthly')
    .flatMap((ind, i) =>
      REGIONS.map((region, r) => ({
        systemId: REGIONAL,
        indicatorId: ind.id,
        region,
        value: 10 + i + r + round,
        note: `第${round}轮`.padEnd(300, '注'),
      })),
    );
}

/** Writes a file until the disk is full. */
function fill(path: string): void {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
}

const valueAt = (view: Awaited<ReturnType<Workspace['figures']['get']>>, region: string) =>
  view.figures[REGIONAL]?.['industrial-value-added-growth']?.[region]?.v;

describe('a full disk never loses an acknowledged save', () => {
  it.runIf(IS_ROOT && canMount())(
    'on a real full tmpfs: the failed save is taken back and says so; the next one survives a restart',
    async () => {
      const mount = mountTmpfs('3m');
      mounts.push(mount);
      const dir = join(mount, 'W');
      const ctx = await context();
      const created = await Workspace.create(
        dir,
        { name: '满盘测试', city: '湖州', systems: [await templates.get(REGIONAL)] },
        ctx,
      );
      await created.close();
      const ws = await Workspace.open(dir, ctx, { compactAfterEntries: 1000 });
      await ws.setFigures('2023-09', [growth('吴兴', 5.5)], { kind: 'entry' });
      const journal = join(dir, 'data', '2023', '2023-09.log');
      const acknowledged = readFileSync(journal);

      const filler = join(mount, 'filler.bin');
      fill(filler);
      // Leave a little room: part of the next line fits, the rest does not.
      truncateSync(filler, statSync(filler).size - 6000);
      const err = await ws.setFigures('2023-09', await bigBatch(1), { kind: 'entry' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('DISK_FULL');
      expect((err as AppError).message).toContain('磁盘空间不足');
      expect((err as AppError).message).toContain('没有保存');
      expect(readFileSync(journal).equals(acknowledged)).toBe(true);

      rmSync(filler);
      const next = await ws.setFigures('2023-09', [growth('南浔', 6.6)], { kind: 'entry' });
      expect(next.revision).toBe(2);
      await abandon(ws);
      const again = await Workspace.open(dir, ctx, { readOnly: true });
      const view = await again.figures.get('2023-09');
      expect(view.damage).toBeUndefined();
      expect(view.revision).toBe(2);
      expect(valueAt(view, '吴兴')).toBe(5.5);
      expect(valueAt(view, '南浔')).toBe(6.6);
    },
  );

  it.runIf(IS_ROOT && canMount())(
    'a save that fits while its compaction does not is still acknowledged and kept',
    async () => {
      const mount = mountTmpfs('3m');
      mounts.push(mount);
      const dir = join(mount, 'W');
      const ctx = await context();
      const created = await Workspace.create(
        dir,
        { name: '满盘测试', city: '湖州', systems: [await templates.get(REGIONAL)] },
        ctx,
      );
      await created.close();
      const ws = await Workspace.open(dir, ctx, { compactAfterEntries: 2 });
      await ws.setFigures('2023-09', await bigBatch(1), { kind: 'entry' });
      const filler = join(mount, 'filler.bin');
      fill(filler);
      truncateSync(filler, statSync(filler).size - 4096 * 3);
      // The journal line fits; writing the folded snapshot (tens of KB) does not.
      const saved = await ws.setFigures('2023-09', [growth('德清', 7.7)], { kind: 'entry' });
      expect(saved.revision).toBe(2);
      rmSync(filler);
      await ws.close();
      const again = await Workspace.open(dir, ctx, { readOnly: true });
      const view = await again.figures.get('2023-09');
      expect(view.damage).toBeUndefined();
      expect(view.revision).toBe(2);
      expect(valueAt(view, '德清')).toBe(7.7);
    },
  );

  it('a write cut off part-way by the file-size limit (ulimit -f, the same code path without root)', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.setFigures('2023-09', [growth('吴兴', 5.5)], { kind: 'entry' });
    await abandon(ws);
    const journal = join(dir, 'data', '2023', '2023-09.log');
    const acknowledged = readFileSync(journal);
    const limitKb = Math.ceil(acknowledged.length / 1024) + 8;
    const script = await bundleScript('fsize-limited-saver');
    const big = join(tempDir(), 'big.json');
    const small = join(tempDir(), 'small.json');
    writeFileSync(big, JSON.stringify(await bigBatch(1)));
    writeFileSync(small, JSON.stringify([growth('南浔', 6.6)]));
    const out = execFileSync(
      'bash',
      ['-c', `ulimit -f ${limitKb}; exec "$0" "$@"`, process.execPath, script, dir, PROJECT_ROOT, big, small],
      { encoding: 'utf8', env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') } },
    );
    const result = JSON.parse(out.trim()) as {
      sizeBefore: number;
      big: { code?: string; message?: string };
      sizeAfterBig: number;
      small: { revision: number };
    };
    expect(result.big.code).toBe('DISK_FULL');
    expect(result.big.message).toContain('没有保存');
    expect(result.sizeAfterBig).toBe(result.sizeBefore);
    expect(result.small.revision).toBe(2);
    const again = await Workspace.open(dir, await context(), { readOnly: true });
    const view = await again.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBe(2);
    expect(valueAt(view, '南浔')).toBe(6.6);
    expect(readFileSync(journal).subarray(0, acknowledged.length).equals(acknowledged)).toBe(true);
  });
});
