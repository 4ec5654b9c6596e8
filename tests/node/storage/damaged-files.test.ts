import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { context, newWorkspace, REGIONAL } from '../../support/workspace';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

const growth = (region: string, value: number) => ({
  systemId: REGIONAL,
  indicatorId: 'industrial-value-added-growth',
  region,
  value,
});

/** A workspace with 2023-08 and 2023-09 saved (9 in three revisions), then closed so snapshots exist. */
async function prepared() {
  const { dir, ws } = await newWorkspace();
  await ws.setFigures('2023-08', [growth('吴兴', 6.8)], { kind: 'entry' });
  await ws.setFigures('2023-09', [growth('吴兴', 7.1)], { kind: 'entry' });
  await ws.setFigures('2023-09', [growth('吴兴', 7.2)], { kind: 'entry' });
  await ws.close();
  const reopen = async () => {
    const w = await Workspace.open(dir, await context());
    open.push(w);
    return w;
  };
  return {
    dir,
    reopen,
    snapshot: join(dir, 'data', '2023', '2023-09.json'),
    journal: join(dir, 'data', '2023', '2023-09.log'),
  };
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('damaged, partial and hostile files', () => {
  it('reports a truncated snapshot by file name, offers the last good version, and keeps the rest working', async () => {
    const { reopen, snapshot } = await prepared();
    truncateSync(snapshot, 40);
    const ws = await reopen();
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toEqual({
      file: 'data/2023/2023-09.json',
      kind: 'damaged',
      message: '文件不完整或已损坏（不是有效的 JSON）',
      lastGoodRevision: 2,
      restorable: true,
    });
    expect(view.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.v).toBe(7.2);
    const refused = await caught(ws.setFigures('2023-09', [growth('吴兴', 9)], { kind: 'entry' }));
    expect(refused.code).toBe('INVALID_FILE');
    expect(refused.message).toContain('请先恢复到第 2 版');
    // Another period is unaffected.
    expect((await ws.figures.get('2023-08')).damage).toBeUndefined();
    await ws.setFigures('2023-08', [growth('南浔', 5)], { kind: 'entry' });
  });

  it('restores a damaged period, keeping the damaged file beside it', async () => {
    const { dir, reopen, snapshot } = await prepared();
    writeFileSync(snapshot, '{"formatVersion":1,"period":"2023-09","revision":"x"');
    const ws = await reopen();
    const view = await ws.figures.get('2023-09');
    expect(view.damage?.lastGoodRevision).toBe(2);
    await ws.restorePeriod('2023-09', 2);
    const after = await ws.figures.get('2023-09');
    expect(after.damage).toBeUndefined();
    expect(after.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.v).toBe(7.2);
    const names = readdirSync(join(dir, 'data', '2023'));
    expect(names.some((n) => n.startsWith('2023-09.json.damaged-'))).toBe(true);
    await ws.setFigures('2023-09', [growth('吴兴', 9)], { kind: 'entry' });
  });

  it('reports a journal line damaged in the middle, and uses the lines before it', async () => {
    const { dir } = await newWorkspace().then(async ({ dir, ws }) => {
      for (const v of [1, 2, 3]) await ws.setFigures('2023-09', [growth('吴兴', v)], { kind: 'entry' });
      await (ws as unknown as { lock: { release(): Promise<void> } }).lock.release();
      return { dir };
    });
    const journal = join(dir, 'data', '2023', '2023-09.log');
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"v"', '"w"').replace(/"at":"[^"]+"/, '"at":"tampered"');
    writeFileSync(journal, lines.join('\n'));
    const ws = await Workspace.open(dir, await context());
    open.push(ws);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toEqual({
      file: 'data/2023/2023-09.log',
      kind: 'damaged',
      message: '第 2 行已损坏（校验码不符）',
      lastGoodRevision: 1,
      restorable: true,
    });
    expect(view.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.v).toBe(1);
  });

  it('sets a torn last journal line (an unacknowledged write) aside and records where', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    await (ws as unknown as { lock: { release(): Promise<void> } }).lock.release();
    const journal = join(dir, 'data', '2023', '2023-09.log');
    appendFileSync(journal, '{"rev":2,"at":"2023-10-08T01:00:00.000Z","by":"x","orig');
    const again = await Workspace.open(dir, await context());
    open.push(again);
    const view = await again.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBe(1);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    expect(readdirSync(join(dir, 'data', '2023')).some((n) => n.startsWith('2023-09.log.incomplete-'))).toBe(true);
    expect((await again.auditLog()).some((a) => a.action === 'period.recover' && a.summary.includes('没有写完'))).toBe(
      true,
    );
    await again.setFigures('2023-09', [growth('吴兴', 2)], { kind: 'entry' });
    expect((await again.figures.get('2023-09')).revision).toBe(2);
  });

  it('refuses a period file written by a newer program, saying so', async () => {
    const { reopen, snapshot } = await prepared();
    const doc = JSON.parse(readFileSync(snapshot, 'utf8'));
    writeFileSync(snapshot, JSON.stringify({ ...doc, formatVersion: 9 }));
    const view = await (await reopen()).figures.get('2023-09');
    expect(view.damage?.message).toContain('更新版本的程序写的（格式第 9 版');
  });

  it('refuses a huge file without reading it, and survives deeply nested JSON', async () => {
    const { reopen, snapshot } = await prepared();
    truncateSync(snapshot, 300 * 1024 * 1024);
    const ws = await reopen();
    expect((await ws.figures.get('2023-09')).damage?.message).toContain('文件过大');
    writeFileSync(snapshot, '['.repeat(100_000) + ']'.repeat(100_000));
    const again = await Workspace.open(ws.dir, await context(), { readOnly: true });
    expect((await again.figures.get('2023-09')).damage?.message).toBe('文件内容不是一个 JSON 对象');
    const deep = '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    writeFileSync(snapshot, `{"formatVersion":1,"period":"2023-09","revision":1,"savedAt":"x","figures":${deep}}`);
    const third = await Workspace.open(ws.dir, await context(), { readOnly: true });
    expect((await third.figures.get('2023-09')).damage?.message).toContain('内容格式不对');
  });

  it('ignores files whose names are not periods, and rejects period ids that are paths', async () => {
    const { dir, reopen } = await prepared();
    mkdirSync(join(dir, 'data', '2023', '..evil'), { recursive: true });
    writeFileSync(join(dir, 'data', '2023', '..%2f..%2fpasswd.json'), '{}');
    writeFileSync(join(dir, 'data', '2023', '2024-01.json'), '{}');
    writeFileSync(join(dir, 'data', '2023', 'notes.txt'), 'hello');
    const ws = await reopen();
    expect(await ws.figures.listPeriods()).toEqual(['2023-08', '2023-09']);
    const err = await caught(ws.figures.get('../../etc/passwd'));
    expect(err.code).toBe('BAD_INPUT');
    expect(existsSync(join(dir, 'data', '2023', '2023-09.json'))).toBe(true);
  });

  it('explains a corrupt workspace.json and a folder that is not a workspace', async () => {
    const { dir } = await prepared();
    writeFileSync(join(dir, 'workspace.json'), '{"formatVersion": 1, "name": ');
    const err = await caught(Workspace.open(dir, await context()));
    expect(err.code).toBe('INVALID_FILE');
    expect(err.message).toContain('workspace.json 已损坏');
    const notWs = await caught(Workspace.open(join(dir, 'data'), await context()));
    expect(notWs.code).toBe('NOT_FOUND');
    expect(notWs.message).toContain('不是工作区（缺少 workspace.json）');
  });

  it('reports a broken system file of the workspace and keeps the others', async () => {
    const { dir, reopen } = await prepared();
    writeFileSync(join(dir, 'systems', `${REGIONAL}.json`), '{"formatVersion":1}');
    const ws = await reopen();
    const info = await ws.info();
    expect(info.problems[0]).toMatch(/^systems\/hz-mfg-cluster-regional-2023\.json：/);
    expect(info.systems).toEqual([]);
    expect(info.periods).toEqual(['2023-08', '2023-09']);
  });
});
