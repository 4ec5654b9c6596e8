import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { hashTree, treeDiff } from '../../support/tree-hash';
import { abandon, context, fixedClock, growth, newWorkspace, REGIONAL, tempDir } from '../../support/workspace';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close().catch(() => undefined);
});

async function reopen(dir: string, options: { readOnly?: boolean; now?: () => Date } = {}) {
  const ws = await Workspace.open(
    dir,
    await context('测试员', options.now),
    options.readOnly ? { readOnly: true } : {},
  );
  open.push(ws);
  return ws;
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

/** A folder outside the workspace holding a file the app must never touch. */
function outside(): { dir: string; victim: string } {
  const dir = tempDir('zjb-outside-');
  const victim = join(dir, 'victim.txt');
  writeFileSync(victim, '工作区以外的文件，不得改动\n');
  return { dir, victim };
}

/** A workspace with 2023-09 saved twice and its journal left as after a crash. */
async function withJournal() {
  const { dir, ws } = await newWorkspace();
  await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
  await ws.setFigures('2023-09', [growth('南浔', 2)], { kind: 'entry' });
  await abandon(ws);
  return { dir, journal: join(dir, 'data', '2023', '2023-09.log') };
}

describe('links inside a workspace are refused, and nothing is read or written through them', () => {
  it('a journal that is a link to a file elsewhere: reported in Chinese, the target never read or changed', async () => {
    const { dir, journal } = await withJournal();
    const out = outside();
    // What the link points at holds a valid journal line: it must not show up as this workspace's figures.
    writeFileSync(out.victim, readFileSync(journal));
    rmSync(journal);
    symlinkSync(out.victim, journal);
    const before = hashTree(out.dir);
    for (const readOnly of [true, false]) {
      const ws = await reopen(dir, { readOnly });
      const view = await ws.figures.get('2023-09');
      expect(view.damage).toMatchObject({ file: 'data/2023/2023-09.log', kind: 'link', restorable: false });
      expect(view.damage?.message).toContain('符号链接');
      expect(view.damage?.message).toContain('工作区以外');
      expect(view.figures).toEqual({});
      if (!readOnly) {
        const refused = await refusal(ws.setFigures('2023-09', [growth('德清', 3)], { kind: 'entry' }));
        expect(refused.message).toContain('data/2023/2023-09.log');
        await refusal(ws.restorePeriod('2023-09', 1));
      }
      await ws.close();
    }
    expect(treeDiff(before, hashTree(out.dir))).toEqual([]);
  });

  it('a snapshot linked to another workspace’s file is not shown as this workspace’s figures', async () => {
    const other = await newWorkspace();
    await other.ws.setFigures('2023-09', [growth('安吉', 99)], { kind: 'entry' });
    await other.ws.close();
    const { dir, ws } = await newWorkspace();
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    await ws.close();
    const snapshot = join(dir, 'data', '2023', '2023-09.json');
    rmSync(snapshot);
    symlinkSync(join(other.dir, 'data', '2023', '2023-09.json'), snapshot);
    const again = await reopen(dir, { readOnly: true });
    const view = await again.figures.get('2023-09');
    expect(view.damage?.kind).toBe('link');
    expect(view.damage?.file).toBe('data/2023/2023-09.json');
    expect(JSON.stringify(view.figures)).not.toContain('99');
  });

  it('a history folder that is a link: the period is refused before any save could fold into it', async () => {
    const { dir, ws } = await newWorkspace({ open: { compactAfterEntries: 2 } });
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    await ws.setFigures('2023-09', [growth('吴兴', 2)], { kind: 'entry' });
    await ws.close();
    const out = outside();
    const history = join(dir, 'history', '2023', '2023-09');
    renameSync(history, join(out.dir, 'moved-history'));
    symlinkSync(join(out.dir, 'moved-history'), history);
    const before = hashTree(out.dir);
    const again = await reopen(dir);
    const view = await again.figures.get('2023-09');
    expect(view.damage).toMatchObject({ kind: 'link', file: 'history/2023/2023-09' });
    const refused = await refusal(again.setFigures('2023-09', [growth('吴兴', 3)], { kind: 'entry' }));
    expect(refused.code).toBe('INVALID_FILE');
    expect(await refusal(again.figures.history('2023-09'))).toBeInstanceOf(AppError);
    await again.close();
    expect(treeDiff(before, hashTree(out.dir))).toEqual([]);
  });

  it('an audit file that is a link: the audited action is refused and the target is untouched', async () => {
    const clock = fixedClock('2026-03-02T09:00:00+08:00');
    const { dir, ws } = await newWorkspace({ now: clock.now });
    await ws.close();
    const out = outside();
    const audit = join(dir, 'audit', '2026.jsonl');
    rmSync(audit, { force: true });
    symlinkSync(out.victim, audit);
    const before = hashTree(out.dir);
    const again = await reopen(dir, { now: clock.now });
    expect((await again.info()).problems.join('\n')).toContain('audit/2026.jsonl');
    expect((await again.info()).readOnlyReason).toContain('audit/2026.jsonl');
    const refused = await refusal(again.updateSettings((s) => ({ ...s, name: '改名' }), '改名'));
    expect(refused.code).toBe('READ_ONLY');
    expect(refused.message).toContain('audit/2026.jsonl');
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')).name).toBe('测试专班');
    expect(treeDiff(before, hashTree(out.dir))).toEqual([]);
  });

  it('a data folder or a system file that is a link is listed as a problem; the link is never entered', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    await ws.close();
    const out = outside();
    mkdirSync(join(out.dir, 'data', '2023'), { recursive: true });
    writeFileSync(join(out.dir, 'data', '2023', '2024-01.json'), '{}');
    rmSync(join(dir, 'data'), { recursive: true });
    symlinkSync(join(out.dir, 'data'), join(dir, 'data'));
    const systemFile = join(dir, 'systems', `${REGIONAL}.json`);
    writeFileSync(join(out.dir, 'system.json'), readFileSync(systemFile));
    rmSync(systemFile);
    symlinkSync(join(out.dir, 'system.json'), systemFile);
    const before = hashTree(out.dir);
    const again = await reopen(dir);
    const info = await again.info();
    expect(info.problems.some((p) => p.startsWith('data：') && p.includes('符号链接'))).toBe(true);
    expect(info.problems.some((p) => p.startsWith(`systems/${REGIONAL}.json：`))).toBe(true);
    expect(info.systems).toEqual([]);
    expect(info.periods).not.toContain('2024-01');
    expect((await again.figures.get('2023-09')).damage?.kind).toBe('link');
    await again.close();
    expect(treeDiff(before, hashTree(out.dir))).toEqual([]);
    expect(readdirSync(join(out.dir, 'data', '2023'))).toEqual(['2024-01.json']);
  });

  it('a workspace.json that is a link refuses the whole workspace', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const out = outside();
    const file = join(dir, 'workspace.json');
    writeFileSync(join(out.dir, 'workspace.json'), readFileSync(file));
    rmSync(file);
    symlinkSync(join(out.dir, 'workspace.json'), file);
    const err = await refusal(Workspace.open(dir, await context()));
    expect(err.message).toContain('workspace.json');
    expect(err.message).toContain('符号链接');
  });
});
