import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addServerUser } from '../../../src/main/services/server/server-admin';
import type { FiguresChanged } from '../../../src/main/services/server/server-figures';
import type { ServerWorkspace } from '../../../src/main/services/server/server-workspace';
import { bundleScript, startUntil } from '../../support/child-script';
import { postgresSkipReason, startCluster, type TestCluster } from '../../support/postgres';
import { PROJECT_ROOT } from '../../support/project';
import { newServerWorkspace, openServer, PASSWORD } from '../../support/server';
import { growth, REGIONAL, templates } from '../../support/workspace';

const skip = postgresSkipReason();
if (skip) console.log(skip);

const CLIENTS = 20;
const SAVES = Number(process.env['SERVER_SAVES'] ?? 100);

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe.skipIf(skip !== null)('many clerks saving at once on a real server', () => {
  let cluster: TestCluster;
  let adminUrl: string;
  let urlOf: (name: string) => string;

  beforeAll(async () => {
    cluster = await startCluster();
    ({ adminUrl, urlOf } = await newServerWorkspace(cluster, 'busy', [{ name: '专班甲', role: 'office' }]));
  });
  afterAll(async () => cluster?.stop());

  it(`${CLIENTS} clients × ${SAVES} saves: none lost, revisions in commit order, every change pushed`, async () => {
    const system = await templates.get(REGIONAL);
    const monthly = system.indicators.filter((i) => i.frequency === 'monthly');
    const regions = ['吴兴', '南浔', '德清', '长兴', '安吉'];
    // Each client owns one cell: a district clerk its district's growth cell, an office clerk another cell.
    const owners: { name: string; cell: { indicatorId: string; region: string } }[] = [];
    for (const [k, region] of regions.entries()) {
      owners.push({ name: `区县${k}`, cell: { indicatorId: 'industrial-value-added-growth', region } });
      await addServerUser(adminUrl, { name: `区县${k}`, password: PASSWORD, role: 'district', region });
    }
    const officeCells = monthly
      .filter((i) => i.id !== 'industrial-value-added-growth')
      .flatMap((i) => [...regions, '南太湖新区', '全市', '全省'].map((region) => ({ indicatorId: i.id, region })));
    for (let k = 0; owners.length < CLIENTS; k++) {
      owners.push({ name: `专班${k}`, cell: officeCells[k]! });
      await addServerUser(adminUrl, { name: `专班${k}`, password: PASSWORD, role: 'office' });
    }
    const office = await openServer(urlOf('专班甲'));
    // One save before the listener starts (a cell no client owns): it must not be pushed.
    await office.figures.set('2023-09', [growth('全市', 1)], { kind: 'entry' });
    const pushed: FiguresChanged[] = [];
    const stop = await office.onFiguresChanged((c) => pushed.push(c));
    const clients: ServerWorkspace[] = await Promise.all(owners.map((o) => openServer(urlOf(o.name), { poolSize: 1 })));
    try {
      await Promise.all(
        clients.map(async (ws, k) => {
          const cell = owners[k]!.cell;
          for (let n = 1; n <= SAVES; n++)
            await ws.figures.set('2023-09', [{ systemId: REGIONAL, ...cell, value: n }], { kind: 'entry' });
        }),
      );
      const total = CLIENTS * SAVES + 1;
      const revs = await query<{ revision: number; n: string }>(
        adminUrl,
        `SELECT revision, count(*) AS n FROM zb.revisions WHERE period = '2023-09' GROUP BY revision ORDER BY revision`,
      );
      expect(revs.map((r) => r.revision)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(revs.every((r) => r.n === '1')).toBe(true);
      expect((await office.figures.get('2023-09')).revision).toBe(total);
      // Per cell: values 1..SAVES in revision order, each change's old the previous new, final value SAVES.
      for (const { cell } of owners) {
        const rows = await query<{ old: number | null; new: number }>(
          adminUrl,
          `SELECT old, new FROM zb.revisions WHERE period = '2023-09' AND indicator_id = $1 AND region = $2
            ORDER BY revision`,
          [cell.indicatorId, cell.region],
        );
        expect(rows.map((r) => r.new)).toEqual(Array.from({ length: SAVES }, (_, i) => i + 1));
        expect(rows[0]!.old).toBeNull();
        expect(rows.slice(1).every((r, i) => r.old === rows[i]!.new)).toBe(true);
        const history = await office.figures.cellHistory('2023-09', REGIONAL, cell.indicatorId, cell.region);
        expect(history[0]).toMatchObject({ new: SAVES });
      }
      const audit = await query<{ n: string }>(
        adminUrl,
        `SELECT count(*) AS n FROM zb.audit WHERE action = 'figures.set'`,
      );
      expect(Number(audit[0]!.n)).toBe(total);
      // LISTEN/NOTIFY delivered every save after the listener started, in revision order.
      const deadline = Date.now() + 10_000;
      while (pushed.length < total - 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(pushed.length).toBe(total - 1);
      expect(pushed.map((p) => p.revision)).toEqual(Array.from({ length: total - 1 }, (_, i) => i + 2));
      console.log(`${CLIENTS} clients × ${SAVES} saves: ${total - 1} saved, 0 lost, ${pushed.length} notifications`);
    } finally {
      await stop();
      await Promise.all(clients.map((c) => c.close()));
      await office.close();
    }
  }, 300_000);

  it('a cell changed since it was read is not overwritten: the clerk is told who changed it to what', async () => {
    const a = await openServer(urlOf('专班甲'));
    await addServerUser(adminUrl, { name: '吴兴乙', password: PASSWORD, role: 'district', region: '吴兴' });
    const b = await openServer(urlOf('吴兴乙'));
    try {
      await a.figures.set('2023-10', [growth('吴兴', 5), growth('南浔', 4)], { kind: 'entry' });
      const read = await a.figures.get('2023-10');
      await b.figures.set('2023-10', [growth('吴兴', 6.6)], { kind: 'entry' }, { readRevision: read.revision });
      const refused = await a.figures
        .set('2023-10', [growth('南浔', 4.4), growth('吴兴', 5.5)], { kind: 'entry' }, { readRevision: read.revision })
        .catch((e: unknown) => e);
      expect(refused).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('吴兴“规上工业增加值增长”已由 吴兴乙 改为 6.6（第 2 版），您填的是 5.5'),
        detail: [expect.objectContaining({ region: '吴兴', by: '吴兴乙', theirs: 6.6, yours: 5.5, revision: 2 })],
      });
      const after = await a.figures.get('2023-10');
      expect(after.revision).toBe(2);
      expect(after.figures[REGIONAL]!['industrial-value-added-growth']!['南浔']!.v).toBe(4);
      // Another cell saved against the same older read goes through: only changed cells conflict.
      const ok = await a.figures.set(
        '2023-10',
        [growth('南浔', 4.4)],
        { kind: 'entry' },
        { readRevision: read.revision },
      );
      expect(ok).toMatchObject({ revision: 3, changed: 1 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a client killed (kill -9) in the middle of a save leaves nothing half-written', async () => {
    const script = await bundleScript('server-saver');
    // Every monthly indicator of the system for each of the six districts.
    const BATCH = 18;
    const url = urlOf('专班甲');
    await query(adminUrl, `INSERT INTO zb.periods (period) VALUES ('2023-11')`);
    let killedInTransaction = 0;
    for (let trial = 0; trial < 5; trial++) {
      const { child } = await startUntil(script, [PROJECT_ROOT, url, '2023-11', String(BATCH)], ['ready']);
      const exited = new Promise((r) => (child as ChildProcess).once('exit', r));
      const deadline = Date.now() + 20_000;
      // Kill the moment the server shows its connection inside a transaction.
      for (;;) {
        const busy = await query<{ pid: number }>(
          adminUrl,
          `SELECT pid FROM pg_stat_activity WHERE application_name = 'zjb-saver' AND xact_start IS NOT NULL
              AND state IN ('active', 'idle in transaction')`,
        );
        if (busy.length || Date.now() > deadline) {
          child.kill('SIGKILL');
          if (busy.length) killedInTransaction++;
          break;
        }
      }
      await exited;
      // The server notices the dead socket and rolls the transaction back.
      for (let i = 0; i < 200; i++) {
        const left = await query(adminUrl, `SELECT 1 FROM pg_stat_activity WHERE application_name = 'zjb-saver'`);
        if (left.length === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    expect(killedInTransaction).toBeGreaterThan(0);
    const period = await query<{ revision: number }>(
      adminUrl,
      `SELECT revision FROM zb.periods WHERE period = '2023-11'`,
    );
    const perRevision = await query<{ revision: number; n: string }>(
      adminUrl,
      `SELECT revision, count(*) AS n FROM zb.revisions WHERE period = '2023-11' GROUP BY revision ORDER BY revision`,
    );
    const revision = period[0]!.revision;
    expect(revision).toBeGreaterThan(0);
    expect(perRevision.map((r) => r.revision)).toEqual(Array.from({ length: revision }, (_, i) => i + 1));
    // Every committed save is whole; the first save of a batch changes all its cells, later ones most of them.
    expect(perRevision.every((r) => Number(r.n) > 0 && Number(r.n) <= BATCH)).toBe(true);
    expect(Number(perRevision[0]!.n)).toBe(BATCH);
    // The current figures are exactly what the journal's last change of each cell says.
    const mismatched = await query(
      adminUrl,
      `SELECT f.indicator_id, f.region FROM zb.figures f
         JOIN LATERAL (SELECT new, revision FROM zb.revisions r WHERE r.period = f.period AND r.system_id = f.system_id
                         AND r.indicator_id = f.indicator_id AND r.region = f.region
                       ORDER BY revision DESC LIMIT 1) last ON true
        WHERE f.period = '2023-11' AND (f.value <> last.new OR f.revision <> last.revision)`,
    );
    expect(mismatched).toEqual([]);
    const cells = await query<{ n: string }>(adminUrl, `SELECT count(*) AS n FROM zb.figures WHERE period = '2023-11'`);
    expect(Number(cells[0]!.n)).toBe(BATCH);
    const audit = await query<{ n: string }>(
      adminUrl,
      `SELECT count(*) AS n FROM zb.audit WHERE action = 'figures.set' AND period = '2023-11'`,
    );
    expect(Number(audit[0]!.n)).toBe(revision);
    console.log(`kill -9 mid-save: ${killedInTransaction}/5 kills inside a transaction, ${revision} whole saves kept`);
  });
});
