import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  truncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '../../../src/cli';
import { encodeJournalEntry } from '../../../src/main/services/storage/journal-codec';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { bulkBatch, bulkContext, createBulkWorkspace, BULK_SYSTEM } from '../../support/bulk-fixture';
import { bundleScript, startUntil } from '../../support/child-script';
import { canMount, IS_ROOT, mountTmpfs, remount, unmount } from '../../support/mounts';
import { PROJECT_ROOT } from '../../support/project';
import { hashTree, treeDiff } from '../../support/tree-hash';
import { context } from '../../support/workspace';

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

const children: ChildProcess[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const m of mounts) unmount(m);
});

let sample = '';
beforeAll(async () => {
  sample = join(mkdtempSync(join(tmpdir(), 'zjb-ro-')), 'W');
  expect((await cli(['sample', '--out', sample, '--seed', '7'])).code).toBe(0);
}, 120_000);

/** The read commands of the CLI, with documents written outside the workspace. */
function readCommands(dir: string, out: string): string[][] {
  return [
    ['figures', 'get', '--workspace', dir, '--period', '2023-09'],
    ['figures', 'get', '--workspace', dir, '--period', '2022-02', '--json'],
    ['compute', '--workspace', dir, '--period', '2023-09'],
    ['history', '--workspace', dir, '--period', '2022-02'],
    ['briefing', '--workspace', dir, '--period', '2023-09', '--out', out],
    ['ranking', '--workspace', dir, '--period', '2023-09', '--out', out],
  ];
}

describe('read commands of the CLI write no byte', () => {
  it('on a free workspace they take no lock and leave every file as it was', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-ro-free-')), 'W');
    cpSync(sample, dir, { recursive: true });
    const out = mkdtempSync(join(tmpdir(), 'zjb-ro-out-'));
    const before = hashTree(dir);
    for (const argv of readCommands(dir, out)) {
      const run = await cli(argv);
      expect(run.code, `${argv.join(' ')}: ${run.err}`).toBe(0);
    }
    expect(treeDiff(before, hashTree(dir))).toEqual([]);
    expect(readdirSync(out).some((n) => n.endsWith('.docx'))).toBe(true);
  });

  it('while another program holds the workspace and a save of it is half on disk, they neither cut nor append', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-ro-held-')), 'W');
    cpSync(sample, dir, { recursive: true });
    const holder = await startUntil(await bundleScript('lock-holder'), [dir, PROJECT_ROOT, '王五'], ['READY']);
    children.push(holder.child);
    const journal = join(dir, 'data', '2022', '2022-02.log');
    const whole = readFileSync(journal, 'utf8');
    const next = encodeJournalEntry({
      rev: 2,
      at: new Date().toISOString(),
      by: '王五',
      origin: { kind: 'entry' },
      changes: [
        { s: 'hz-mfg-cluster-regional-2023', i: 'industrial-value-added-growth', r: '吴兴', old: null, new: 5 },
      ],
    });
    appendFileSync(journal, next.slice(0, 40));
    const out = mkdtempSync(join(tmpdir(), 'zjb-ro-out-'));
    const before = hashTree(dir);
    for (const argv of readCommands(dir, out)) {
      const run = await cli(argv);
      expect(run.code, `${argv.join(' ')}: ${run.err}`).toBe(0);
    }
    const got = await cli(['figures', 'get', '--workspace', dir, '--period', '2022-02', '--json']);
    expect(JSON.parse(got.out).revision).toBe(1);
    expect(treeDiff(before, hashTree(dir))).toEqual([]);
    expect(readFileSync(journal, 'utf8')).toBe(whole + next.slice(0, 40));
    holder.child.kill('SIGKILL');
  });
});

/** Lines of the writer's stdout so far, and the last revision it acknowledged per period. */
function acks(lines: string): Map<string, number> {
  const last = new Map<string, number>();
  for (const line of lines.split('\n')) {
    const [tag, period, rev] = line.split(' ');
    if (tag === 'ACK') last.set(period!, Number(rev));
  }
  return last;
}

describe('a read-only opener beside a writer saving 1–2 MB batches (the shared-folder case)', () => {
  it('frozen at random moments, even mid-line, the reader sees every acknowledged save and changes no byte', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-ro-bulk-')), 'W');
    await createBulkWorkspace(dir);
    const writerJs = await bundleScript('bulk-writer');
    const { child } = await startUntil(writerJs, [dir], ['READY']);
    children.push(child);
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    let midLine = 0;
    let compactedSeen = 0;
    for (let round = 0; round < 10; round++) {
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
      child.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 60));
      const acked = acks(stdout);
      // Half the time, a save in flight: part of the next line, as a reader on another PC sees it.
      const journal = join(dir, 'data', '2023', '2023-09.log');
      let restoreTo: number | null | undefined;
      // Before the writer's first save there is no data/2023 folder to hold a half line.
      if (round % 2 === 0 && existsSync(dirname(journal))) {
        // The writer may have just folded the journal away: then the half line starts a new one.
        const size = existsSync(journal) ? readFileSync(journal).length : null;
        const line = encodeJournalEntry({
          rev: 999_999,
          at: new Date().toISOString(),
          by: '写入方',
          origin: { kind: 'cli' },
          changes: bulkBatch(round, 4000, 100).map((c) => ({
            s: c.systemId,
            i: c.indicatorId,
            r: c.region,
            old: null,
            new: 1,
          })),
        });
        appendFileSync(journal, line.slice(0, Math.floor(line.length * Math.random())));
        restoreTo = size;
        midLine++;
      }
      const before = hashTree(dir);
      const reader = await Workspace.open(dir, bulkContext('读取方'), { readOnly: true });
      for (const period of ['2023-08', '2023-09']) {
        const view = await reader.figures.get(period);
        expect(view.damage, `round ${round} ${period}`).toBeUndefined();
        expect(view.revision).toBeGreaterThanOrEqual(acked.get(period) ?? 0);
        if (view.revision > 0) expect(Object.keys(view.figures[BULK_SYSTEM] ?? {}).length).toBeGreaterThan(0);
        expect((await reader.figures.history(period)).length).toBe(view.revision);
      }
      const periods = (await reader.info()).periods;
      for (const period of acked.keys()) expect(periods).toContain(period);
      await reader.auditLog({ limit: 10 });
      await reader.close();
      expect(treeDiff(before, hashTree(dir)), `round ${round}`).toEqual([]);
      if (restoreTo === null) rmSync(journal);
      else if (restoreTo !== undefined) truncateSync(journal, restoreTo);
      if (existsSync(join(dir, 'history', '2023'))) compactedSeen++;
      child.kill('SIGCONT');
    }
    child.kill('SIGKILL');
    expect(midLine).toBeGreaterThan(0);
    expect(compactedSeen).toBeGreaterThan(0);
    expect([...acks(stdout).values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
  }, 180_000);

  it('reading while the writer runs free: never damage, never a revision older than one acknowledged', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-ro-free-run-')), 'W');
    await createBulkWorkspace(dir);
    const { child } = await startUntil(await bundleScript('bulk-writer'), [dir], ['READY']);
    children.push(child);
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    const until = Date.now() + 6000;
    let reads = 0;
    while (Date.now() < until) {
      const acked = acks(stdout);
      const reader = await Workspace.open(dir, bulkContext('读取方'), { readOnly: true });
      for (const period of ['2023-08', '2023-09']) {
        const view = await reader.figures.get(period);
        expect(view.damage, `${period}: ${view.damage?.message}`).toBeUndefined();
        expect(view.revision).toBeGreaterThanOrEqual(acked.get(period) ?? 0);
        reads++;
      }
    }
    child.kill('SIGKILL');
    expect(reads).toBeGreaterThan(4);
    expect([...acks(stdout).values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
  }, 60_000);
});

describe('a folder that refuses writes opens read-only with an explanation', () => {
  async function check(dir: string) {
    const ws = await Workspace.open(dir, await context());
    const info = await ws.info();
    expect(info.readOnly).toBe(true);
    expect(info.readOnlyReason).toContain('不允许写入');
    expect(info.readOnlyReason).not.toMatch(/EROFS|EACCES|\.lock/);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toBeUndefined();
    expect(view.revision).toBeGreaterThan(0);
    const refused = await ws
      .setFigures(
        '2023-09',
        [
          {
            systemId: 'hz-mfg-cluster-regional-2023',
            indicatorId: 'industrial-value-added-growth',
            region: '吴兴',
            value: 1,
          },
        ],
        { kind: 'entry' },
      )
      .catch((e: { code: string; message: string }) => e);
    expect(refused).toMatchObject({ code: 'READ_ONLY' });
    await ws.close();
    const got = await cli(['figures', 'get', '--workspace', dir, '--period', '2023-09']);
    expect(got.code).toBe(0);
  }

  it.runIf(IS_ROOT && canMount())('a read-only mounted disk (EROFS), for real', async () => {
    const mount = mountTmpfs('32m');
    mounts.push(mount);
    const dir = join(mount, 'W');
    cpSync(sample, dir, { recursive: true });
    remount(mount, 'ro');
    await check(dir);
  });

  it.runIf(!IS_ROOT)('a folder without write permission (EACCES)', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-ro-perm-')), 'W');
    cpSync(sample, dir, { recursive: true });
    chmodSync(dir, 0o555);
    try {
      await check(dir);
    } finally {
      chmodSync(dir, 0o755);
    }
  });
});
