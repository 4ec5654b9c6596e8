import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { hashTree, treeDiff } from '../../support/tree-hash';
import { abandon, context, growth, newWorkspace, REGIONAL } from '../../support/workspace';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

async function reopen(dir: string, readOnly = false): Promise<Workspace> {
  const ws = await Workspace.open(dir, await context(), readOnly ? { readOnly: true } : {});
  open.push(ws);
  return ws;
}

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];
const valueOf = (view: { figures: Record<string, Record<string, Record<string, { v: unknown }>>> }, region: string) =>
  view.figures[REGIONAL]?.['industrial-value-added-growth']?.[region]?.v;

/** A workspace whose 2023-09 journal holds `saves` acknowledged saves (one per line), left as after a crash. */
async function journalOf(saves: number) {
  const { dir, ws } = await newWorkspace();
  for (let i = 0; i < saves; i++)
    await ws.setFigures('2023-09', [growth(REGIONS[i % REGIONS.length]!, 10 + i)], { kind: 'entry' });
  await abandon(ws);
  return { dir, journal: join(dir, 'data', '2023', '2023-09.log') };
}

describe('a complete journal line that fails its check is damage, never cut off', () => {
  it('a hand edit of the only line: figures stay readable as damage, the file keeps every byte, saving is refused', async () => {
    const { dir, ws } = await newWorkspace();
    // One save of six figures, as the sample's one-line journals.
    await ws.setFigures(
      '2023-09',
      REGIONS.map((r, i) => growth(r, 5 + i)),
      { kind: 'entry' },
    );
    await abandon(ws);
    const journal = join(dir, 'data', '2023', '2023-09.log');
    // The reproduction: `sed -i '0,/"new":/s//"new": /'`.
    writeFileSync(journal, readFileSync(journal, 'utf8').replace('"new":', '"new": '));
    const edited = readFileSync(journal);
    const again = await reopen(dir);
    const view = await again.figures.get('2023-09');
    expect(view.damage).toMatchObject({
      file: 'data/2023/2023-09.log',
      lastGoodRevision: 0,
      restorable: true,
    });
    expect(view.damage?.message).toContain('第 1 行');
    expect(view.damage?.message).toContain('校验码不符');
    expect(readFileSync(journal).equals(edited)).toBe(true);
    expect((await again.auditLog()).some((a) => a.summary.includes('未保存成功'))).toBe(false);
    const refused = await caught(again.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' }));
    expect(refused.code).toBe('INVALID_FILE');
    expect(readFileSync(journal).equals(edited)).toBe(true);
  });

  it('a damaged last line of several: earlier saves shown, the damaged one kept on disk, restore keeps the file aside', async () => {
    const { dir, journal } = await journalOf(4);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"new":13', '"new":31');
    writeFileSync(journal, lines.join('\n'));
    const ws = await reopen(dir);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toMatchObject({ file: 'data/2023/2023-09.log', lastGoodRevision: 3, restorable: true });
    expect(view.damage?.message).toContain('第 4 行');
    expect(valueOf(view, '南浔')).toBe(11);
    await ws.restorePeriod('2023-09', 3);
    const kept = readdirSync(join(dir, 'data', '2023')).filter((n) => n.startsWith('2023-09.log.damaged-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'data', '2023', kept[0]!), 'utf8')).toBe(lines.join('\n'));
    const after = await ws.figures.get('2023-09');
    expect(after.damage).toBeUndefined();
    expect(after.revision).toBe(3);
  });

  it('CRLF line endings (a copy through a Windows tool) lose nothing: every save still reads', async () => {
    const { dir, journal } = await journalOf(3);
    writeFileSync(journal, readFileSync(journal, 'utf8').replace(/\n/g, '\r\n'));
    const ws = await reopen(dir);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBe(3);
    expect(valueOf(view, '德清')).toBe(12);
    await ws.setFigures('2023-09', [growth('吴兴', 99)], { kind: 'entry' });
    await ws.close();
    const check = await reopen(dir, true);
    expect((await check.figures.get('2023-09')).revision).toBe(4);
  });
});

describe('an incomplete last line (a save that was never acknowledged) is set aside, never deleted', () => {
  const partial = '{"rev":3,"at":"2023-10-08T01:00:00.000Z","by":"x","origin":{"kind":"entry"},"changes":[{"s":"';

  it('the writer moves it to a quarantine file with every byte and records where', async () => {
    const { dir, journal } = await journalOf(2);
    appendFileSync(journal, partial);
    const ws = await reopen(dir);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBe(2);
    expect(readFileSync(journal, 'utf8').endsWith('\n')).toBe(true);
    const quarantined = readdirSync(join(dir, 'data', '2023')).filter((n) => n.startsWith('2023-09.log.incomplete-'));
    expect(quarantined).toHaveLength(1);
    expect(readFileSync(join(dir, 'data', '2023', quarantined[0]!), 'utf8')).toBe(partial);
    const recovered = (await ws.auditLog()).find((a) => a.action === 'period.recover');
    expect(recovered?.summary).toContain(quarantined[0]);
    await ws.setFigures('2023-09', [growth('吴兴', 2)], { kind: 'entry' });
    expect((await ws.figures.get('2023-09')).revision).toBe(3);
  });

  it('a read-only opener neither cuts nor moves it', async () => {
    const { dir, journal } = await journalOf(2);
    appendFileSync(journal, partial);
    const before = hashTree(dir);
    const ws = await reopen(dir, true);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBe(2);
    await ws.close();
    expect(treeDiff(before, hashTree(dir))).toEqual([]);
  });
});

describe('a missing snapshot is damage, and history is never overwritten', () => {
  async function compactedTwice() {
    const { dir, ws } = await newWorkspace({ open: { compactAfterEntries: 2 } });
    for (let i = 0; i < 5; i++) await ws.setFigures('2023-09', [growth(REGIONS[i]!, 20 + i)], { kind: 'entry' });
    await ws.close();
    return {
      dir,
      snapshot: join(dir, 'data', '2023', '2023-09.json'),
      historyDir: join(dir, 'history', '2023', '2023-09'),
    };
  }

  it('a deleted snapshot next to its history reads as damage with the last good version, not as an empty period', async () => {
    const { dir, snapshot, historyDir } = await compactedTwice();
    rmSync(snapshot);
    const history = hashTree(historyDir);
    const ws = await reopen(dir);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toMatchObject({ file: 'data/2023/2023-09.json', restorable: true });
    expect(view.damage?.message).toContain('缺少');
    expect(view.damage!.lastGoodRevision).toBe(5);
    expect(valueOf(view, '长兴')).toBe(23);
    const refused = await caught(ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' }));
    expect(refused.code).toBe('INVALID_FILE');
    expect(treeDiff(history, hashTree(historyDir))).toEqual([]);
    await ws.restorePeriod('2023-09', 5);
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    await ws.close();
    // Every history file written before is still there, byte for byte.
    const now = hashTree(historyDir);
    for (const [name, hash] of history) if (!hash.startsWith('dir')) expect(now.get(name)).toBe(hash);
  });

  it('a period whose data folder is gone is still listed and reported from its history', async () => {
    const { dir } = await compactedTwice();
    rmSync(join(dir, 'data', '2023'), { recursive: true });
    const ws = await reopen(dir);
    expect(await ws.figures.listPeriods()).toContain('2023-09');
    const view = await ws.figures.get('2023-09');
    expect(view.damage?.file).toBe('data/2023/2023-09.json');
    expect(view.damage?.lastGoodRevision).toBe(5);
  });

  it('a fresh period with a journal from version 1 and no snapshot is normal, not damage', async () => {
    const { dir, journal } = await journalOf(2);
    expect(existsSync(journal)).toBe(true);
    const ws = await reopen(dir);
    expect((await ws.figures.get('2023-09')).damage).toBeUndefined();
  });
});
