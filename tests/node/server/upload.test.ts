import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli';
import type { JournalEntry } from '../../../src/shared/schemas/figures';
import { periodEntries } from '../../../src/main/services/storage/period-store';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { postgresSkipReason, startCluster, type TestCluster } from '../../support/postgres';
import { PROJECT_ROOT } from '../../support/project';
import { openServer } from '../../support/server';
import { context, tempDir } from '../../support/workspace';

const skip = postgresSkipReason();
if (skip) console.log(skip);

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

/** The journal of a period as the server keeps it, in the file workspace's shape. */
async function serverJournal(url: string, period: string): Promise<JournalEntry[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const rows = (
      await c.query(
        `SELECT revision, at, by, origin, change_origin, system_id, indicator_id, region, old, new, note, source
           FROM zb.revisions WHERE period = $1 ORDER BY revision, seq`,
        [period],
      )
    ).rows;
    const entries: JournalEntry[] = [];
    for (const r of rows) {
      let e = entries[entries.length - 1];
      if (!e || e.rev !== r.revision) {
        e = { rev: r.revision, at: (r.at as Date).toISOString(), by: r.by, origin: r.origin, changes: [] };
        entries.push(e);
      }
      e.changes.push({
        s: r.system_id,
        i: r.indicator_id,
        r: r.region,
        old: r.old,
        new: r.new,
        ...(r.note !== null ? { note: r.note } : {}),
        ...(r.source !== null ? { source: r.source } : {}),
        ...(r.change_origin ? { origin: r.change_origin } : {}),
      });
    }
    return entries;
  } finally {
    await c.end();
  }
}

describe.skipIf(skip !== null)('a file workspace uploaded to a server workspace, by the command line', () => {
  let cluster: TestCluster;
  let sampleDir: string;
  beforeAll(async () => {
    cluster = await startCluster();
    sampleDir = join(tempDir(), 'sample');
    const made = await cli(['sample', '--out', sampleDir]);
    expect(made.code, made.err).toBe(0);
    // Some history beyond the generated figures: notes, sources, an import's own origins, a restore.
    const ws = await Workspace.open(sampleDir, await context('科员甲'));
    const sys = ws.systemList()[0]!;
    const ind = sys.indicators.find((i) => i.frequency === 'monthly')!;
    const cell = (region: string, value: number | string, extra: object = {}) => ({
      systemId: sys.id,
      indicatorId: ind.id,
      region,
      value,
      ...extra,
    });
    await ws.setFigures('2023-09', [cell('吴兴', 9.9, { note: '统计局快报口径', source: '统计局' })], {
      kind: 'entry',
    });
    await ws.setFigures(
      '2023-09',
      [cell('南浔', 8.8, { origin: { kind: 'import', file: '南浔.xlsx', sheet: '填报', cell: 'D7' } })],
      { kind: 'import', file: '南浔.xlsx' },
    );
    await ws.setFigures('2023-09', [cell('吴兴', '/', { note: null })], { kind: 'entry' });
    await ws.restorePeriod('2023-09', 2);
    await ws.close();
  });
  afterAll(async () => cluster?.stop());

  it('server init, user add, upload: every figure, revision and audit event arrives unchanged', async () => {
    const adminUrl = await cluster.createDatabase('huzhou');
    const init = await cli(['server', 'init', '--url', adminUrl, '--workspace-name', '湖州专班']);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('已建立数据库结构（001_tables.sql、002_access.sql）');
    expect(init.out).toContain('已新建服务器工作区“湖州专班”');
    const again = await cli(['server', 'init', '--url', adminUrl, '--workspace-name', '湖州专班']);
    expect(again.out).toBe('数据库结构已是最新。\n该数据库已是工作区，设置未改动。\n');

    const up = await cli(['server', 'upload', '--workspace', sampleDir, '--url', adminUrl]);
    expect(up.code, up.err).toBe(0);
    expect(up.out).toMatch(/^已上传：\d+ 期，\d+ 个数值，\d+ 条修改记录，\d+ 条审计记录。\n$/);

    const ws = await Workspace.open(sampleDir, await context(), { readOnly: true });
    const server = await openServer(adminUrl);
    try {
      expect(server.identity.role).toBe('owner');
      expect(server.settings).toEqual(ws.settings);
      expect(server.systemList()).toEqual(ws.systemList());
      const periods = await ws.figures.listPeriods();
      expect(periods.length).toBeGreaterThan(10);
      expect((await server.figures.listPeriods()).map((p) => p.period)).toEqual(periods);
      let cells = 0;
      let revisions = 0;
      for (const p of periods) {
        const [a, b] = [await ws.figures.get(p), await server.figures.get(p)];
        expect(b.revision, p).toBe(a.revision);
        expect(b.figures, p).toEqual(a.figures);
        cells += Object.values(a.figures).flatMap((s) => Object.values(s).flatMap((i) => Object.keys(i))).length;
        const journal = await periodEntries(ws.files, p);
        expect(await serverJournal(adminUrl, p), p).toEqual(journal);
        revisions += journal.reduce((n, e) => n + e.changes.length, 0);
        expect(await server.figures.history(p), p).toEqual(await ws.figures.history(p));
      }
      expect(cells).toBeGreaterThan(1000);
      const [fileAudit, serverAudit] = [await ws.auditLog(), await server.auditLog()];
      const key = (a: { at: string; summary: string }) => `${a.at} ${a.summary}`;
      const sorted = <T extends { at: string; summary: string }>(xs: T[]) =>
        [...xs].sort((x, y) => (key(x) < key(y) ? -1 : 1));
      // The server adds its own two events (created by init, then the upload), both by the administrator.
      const own = serverAudit.filter((a) => a.by === 'postgres');
      expect(own.map((a) => a.action).sort()).toEqual(['workspace.create', 'workspace.upload']);
      expect(sorted(serverAudit.filter((a) => a.by !== 'postgres'))).toEqual(sorted(fileAudit));
      // A cell's history reads the same.
      const sys = ws.systemList()[0]!;
      const ind = sys.indicators.find((i) => i.frequency === 'monthly')!;
      expect(await server.figures.cellHistory('2023-09', sys.id, ind.id, '吴兴')).toEqual(
        await ws.figures.cellHistory('2023-09', sys.id, ind.id, '吴兴'),
      );
      console.log(
        `upload: ${periods.length} periods, ${cells} cells, ${revisions} changes, ${fileAudit.length} audit items`,
      );
    } finally {
      await server.close();
      await ws.close();
    }

    // Restoring an earlier revision gives the same figures on both sides, as a new revision after the uploaded ones.
    const file = await Workspace.open(sampleDir, await context('科员甲'));
    const again2 = await openServer(adminUrl);
    try {
      const [a, b] = [await file.restorePeriod('2023-09', 1), await again2.figures.restore('2023-09', 1)];
      expect(b).toEqual(a);
      expect(b.changed).toBeGreaterThan(0);
      // Same values, notes and sources (the time and person of the restore are each side's own).
      const values = (v: Awaited<ReturnType<typeof file.figures.get>>) => {
        const out: Record<string, unknown> = {};
        for (const [sys, x] of Object.entries(v.figures))
          for (const [ind, y] of Object.entries(x))
            for (const [region, f] of Object.entries(y)) out[`${sys}/${ind}/${region}`] = [f.v, f.note, f.source];
        return out;
      };
      expect(values(await again2.figures.get('2023-09'))).toEqual(values(await file.figures.get('2023-09')));
      expect((await again2.figures.history('2023-09'))[0]).toMatchObject({
        summary: '恢复到第 1 版，' + b.changed + ' 项',
      });
      await expect(again2.figures.restore('2023-09', 99)).rejects.toThrow(/无法恢复到第 99 版/);
    } finally {
      await again2.close();
      await file.close();
    }

    const twice = await cli(['server', 'upload', '--workspace', sampleDir, '--url', adminUrl]);
    expect(twice.code).toBe(1);
    expect(twice.err).toContain('服务器工作区里已经有数据，上传只能进入新建的服务器工作区');
  });

  it('people are added by the administrator and work with --url; refusals are explained in Chinese', async () => {
    const adminUrl = await cluster.createDatabase('cli');
    await cli([
      'server',
      'init',
      '--url',
      adminUrl,
      '--workspace-name',
      '测试专班',
      '--system',
      'hz-mfg-cluster-regional-2023',
    ]);
    const add = (...a: string[]) =>
      cli(['server', 'user', 'add', '--url', adminUrl, '--password', 'pw-12345678', ...a]);
    expect((await add('--name', '专班甲', '--role', 'office')).out).toBe('已添加用户“专班甲”（office）。\n');
    expect((await add('--name', '吴兴乙', '--role', 'district', '--region', '吴兴')).code).toBe(0);
    expect((await add('--name', '领导丙', '--role', 'leader')).code).toBe(0);
    const noRegion = await add('--name', '某区', '--role', 'district');
    expect(noRegion.err).toContain('区县账号必须用 --region 指定所属区县');
    const badRegion = await add('--name', '某区', '--role', 'district', '--region', '杭州');
    expect(badRegion.err).toContain('“杭州”不是本工作区的区县');
    const dup = await add('--name', '吴兴乙', '--role', 'office');
    expect(dup.err).toContain('已有名为“吴兴乙”的账号');
    const url = (name: string, password = 'pw-12345678') => cluster.url(name, password, 'cli');

    const set = (who: string, region: string, value: string) =>
      cli([
        'figures',
        'set',
        '--url',
        url(who),
        '--period',
        '2026-03',
        '--system',
        'hz-mfg-cluster-regional-2023',
        '--indicator',
        'industrial-value-added-growth',
        '--region',
        region,
        '--value',
        value,
      ]);
    expect((await set('专班甲', '南浔', '6.5')).out).toBe('已保存：2026-03 第 1 版。\n');
    expect((await set('吴兴乙', '吴兴', '7.2%')).out).toBe('已保存：2026-03 第 2 版。\n');
    const other = await set('吴兴乙', '南浔', '1');
    expect(other.code).toBe(1);
    expect(other.err).toContain('只能修改本区县');
    const leader = await set('领导丙', '吴兴', '1');
    expect(leader.err).toContain('领导（只读）账号，只能查看数据');
    await cli(['server', 'period', 'close', '--url', url('专班甲'), '--period', '2026-03']);
    expect((await set('吴兴乙', '吴兴', '7.3')).err).toContain('2026-03 期已由专班关闭');

    const get = await cli(['figures', 'get', '--url', url('吴兴乙'), '--period', '2026-03', '--json']);
    expect(get.code, get.err).toBe(0);
    const parsed = JSON.parse(get.out) as { revision: number; figures: { region: string; value: number }[] };
    expect(parsed.revision).toBe(2);
    expect(parsed.figures.map((f) => [f.region, f.value])).toEqual([['吴兴', 7.2]]);
    const all = await cli(['figures', 'get', '--url', url('领导丙'), '--period', '2026-03']);
    expect(all.out).toContain('南浔\t规上工业增加值增长\t6.5');
    expect(all.out).toContain('2026-03 共 2 项，第 2 版。');

    const refused = await cli(['figures', 'get', '--url', url('吴兴乙', 'wrong'), '--period', '2026-03']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^服务器拒绝登录（吴兴乙@127\.0\.0\.1:\d+\/cli）：用户名或密码不对/);
    expect(refused.err).not.toContain('wrong');
    const down = await cli([
      'figures',
      'get',
      '--url',
      url('吴兴乙').replace(`:${cluster.port}/`, ':1/'),
      '--period',
      '2026-03',
    ]);
    expect(down.err).toMatch(/^连接不上服务器（吴兴乙@127\.0\.0\.1:1\/cli）/);
    const both = await cli(['figures', 'get', '--url', url('吴兴乙'), '--workspace', '/tmp', '--period', '2026-03']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('--workspace 和 --url 只能选一个');
  });
});
