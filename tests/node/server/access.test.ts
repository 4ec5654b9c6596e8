import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPeriodStatus } from '../../../src/main/services/server/server-admin';
import type { ServerWorkspace } from '../../../src/main/services/server/server-workspace';
import { postgresSkipReason, startCluster, type TestCluster } from '../../support/postgres';
import { newServerWorkspace, openServer, PASSWORD } from '../../support/server';
import { growth, REGIONAL } from '../../support/workspace';

const skip = postgresSkipReason();
if (skip) console.log(skip);

const OFFICE = '专班张三';
const WUXING = '吴兴李四';
const NANXUN = '南浔王五';
const LEADER = '领导赵六';
const DEPT = '经信局钱七';
const GROWTH = 'industrial-value-added-growth';

/** Runs SQL as a person, directly: what a clerk with psql and their own password could try. */
async function asPerson<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

async function sqlError(c: pg.Client, sql: string, params: unknown[] = []): Promise<string> {
  try {
    const r = await c.query(sql, params);
    return `no error (${r.rowCount} rows)`;
  } catch (err) {
    return `${(err as { code?: string }).code}: ${(err as Error).message}`;
  }
}

describe.skipIf(skip !== null)('who may touch which cells, enforced by PostgreSQL', () => {
  let cluster: TestCluster;
  let adminUrl: string;
  let urlOf: (name: string) => string;
  let office: ServerWorkspace;

  beforeAll(async () => {
    cluster = await startCluster();
    ({ adminUrl, urlOf } = await newServerWorkspace(cluster, 'access', [
      { name: OFFICE, role: 'office' },
      { name: WUXING, role: 'district', region: '吴兴' },
      { name: NANXUN, role: 'district', region: '南浔' },
      { name: LEADER, role: 'leader' },
      { name: DEPT, role: 'department', indicators: [`${REGIONAL}/${GROWTH}`] },
    ]));
    office = await openServer(urlOf(OFFICE));
    await office.figures.set('2023-08', [growth('吴兴', 6.1), growth('南浔', 5.2)], { kind: 'entry' });
    await office.figures.set('2023-09', [growth('吴兴', 7.1), growth('南浔', 6.2)], { kind: 'entry' });
    await setPeriodStatus(urlOf(OFFICE), '2023-08', 'closed');
  });
  afterAll(async () => {
    await office?.close();
    await cluster?.stop();
  });

  async function cell(period: string, region: string, indicator = GROWTH) {
    return asPerson(adminUrl, async (c) => {
      const r = await c.query(
        'SELECT value, by, revision FROM zb.figures WHERE period = $1 AND indicator_id = $2 AND region = $3',
        [period, indicator, region],
      );
      return r.rows[0] as { value: unknown; by: string; revision: number } | undefined;
    });
  }

  it('a district sees and saves only its own column, in open periods', async () => {
    const wx = await openServer(urlOf(WUXING));
    try {
      expect(wx.identity).toEqual({ user: WUXING, role: 'district', region: '吴兴' });
      const view = await wx.figures.get('2023-09');
      expect(Object.keys(view.figures[REGIONAL]![GROWTH]!)).toEqual(['吴兴']);
      const saved = await wx.figures.set('2023-09', [growth('吴兴', 7.3)], { kind: 'entry' });
      expect(saved.changed).toBe(1);
      expect(await cell('2023-09', '吴兴')).toMatchObject({ value: 7.3, by: WUXING });
      await expect(wx.figures.set('2023-09', [growth('南浔', 1)], { kind: 'entry' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('只能修改本区县'),
      });
      await expect(wx.figures.set('2023-08', [growth('吴兴', 1)], { kind: 'entry' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('2023-08 期已由专班关闭'),
      });
      await expect(wx.figures.set('2023-07', [growth('吴兴', 1)], { kind: 'entry' })).rejects.toMatchObject({
        message: expect.stringContaining('尚未由专班开放填报'),
      });
      expect(await cell('2023-09', '南浔')).toMatchObject({ value: 6.2, by: OFFICE });
      expect(await cell('2023-08', '吴兴')).toMatchObject({ value: 6.1, by: OFFICE });
    } finally {
      await wx.close();
    }
  });

  it('a district clerk with psql and their own password cannot get round the policies', async () => {
    const outcomes = await asPerson(urlOf(WUXING), async (c) => ({
      updateOther: await sqlError(c, `UPDATE zb.figures SET value = '99', by = session_user WHERE region = '南浔'`),
      insertOther: await sqlError(
        c,
        `INSERT INTO zb.figures (period, system_id, indicator_id, region, value, revision, origin)
         VALUES ('2023-09', $1, 'x', '南浔', '1', 1, '{"kind":"entry"}')`,
        [REGIONAL],
      ),
      insertClosed: await sqlError(
        c,
        `INSERT INTO zb.figures (period, system_id, indicator_id, region, value, revision, origin)
         VALUES ('2023-08', $1, 'x', '吴兴', '1', 1, '{"kind":"entry"}')`,
        [REGIONAL],
      ),
      updateClosed: await sqlError(c, `UPDATE zb.figures SET value = '99' WHERE period = '2023-08'`),
      reopenPeriod: await sqlError(c, `UPDATE zb.periods SET status = 'open' WHERE period = '2023-08'`),
      rewindRevision: await sqlError(c, `UPDATE zb.periods SET revision = 0 WHERE period = '2023-09'`),
      forgeAuthor: await sqlError(
        c,
        `INSERT INTO zb.figures (period, system_id, indicator_id, region, value, revision, by, origin)
         VALUES ('2023-09', $1, 'y', '吴兴', '1', 1, $2, '{"kind":"entry"}')`,
        [REGIONAL, OFFICE],
      ),
      rewriteJournal: await sqlError(c, `UPDATE zb.revisions SET new = '0'`),
      eraseJournal: await sqlError(c, `DELETE FROM zb.revisions`),
      eraseAudit: await sqlError(c, `DELETE FROM zb.audit`),
      promoteSelf: await sqlError(c, `UPDATE zb.users SET role = 'office' WHERE name = session_user`),
      becomeOffice: await sqlError(c, `SET ROLE zbjb_office`),
      createTable: await sqlError(c, `CREATE TABLE zb.evil (x int)`),
      createPublic: await sqlError(c, `CREATE TABLE public.evil (x int)`),
      createTemp: await sqlError(c, `CREATE TEMP TABLE evil (x int)`),
      createSchema: await sqlError(c, `CREATE SCHEMA evil`),
      disableRls: await sqlError(c, `ALTER TABLE zb.figures DISABLE ROW LEVEL SECURITY`),
      dropPolicy: await sqlError(c, `DROP POLICY figures_read ON zb.figures`),
      newPolicy: await sqlError(c, `CREATE POLICY mine ON zb.figures FOR SELECT USING (true)`),
      readOthersCells: (await c.query(`SELECT DISTINCT region FROM zb.figures`)).rows.map((r) => r.region),
      readOthersJournal: (await c.query(`SELECT DISTINCT region FROM zb.revisions`)).rows.map((r) => r.region),
      readAuditAuthors: (await c.query(`SELECT DISTINCT by FROM zb.audit`)).rows.map((r) => r.by),
      readIssued: (await c.query(`SELECT count(*)::int AS n FROM zb.issued_documents`)).rows[0].n,
      readUsers: (await c.query(`SELECT name FROM zb.users`)).rows.map((r) => r.name),
    }));
    expect(outcomes.updateOther).toBe('no error (0 rows)');
    expect(outcomes.insertOther).toMatch(/^42501: new row violates row-level security policy/);
    expect(outcomes.insertClosed).toMatch(/^42501: new row violates row-level security policy/);
    expect(outcomes.updateClosed).toBe('no error (0 rows)');
    expect(outcomes.reopenPeriod).toMatch(/^42501: permission denied/);
    expect(outcomes.rewindRevision).toMatch(/^23514: 期别 2023-09 的版本号只能逐一递增/);
    expect(outcomes.forgeAuthor).toMatch(/^42501: new row violates row-level security policy/);
    expect(outcomes.rewriteJournal).toMatch(/^42501: permission denied/);
    expect(outcomes.eraseJournal).toMatch(/^42501: permission denied/);
    expect(outcomes.eraseAudit).toMatch(/^42501: permission denied/);
    expect(outcomes.promoteSelf).toMatch(/^42501: permission denied/);
    expect(outcomes.becomeOffice).toMatch(/^42501: permission denied to set role/);
    for (const ddl of ['createTable', 'createPublic', 'createTemp', 'createSchema'] as const)
      expect(outcomes[ddl], ddl).toMatch(/^42501: permission denied/);
    for (const ddl of ['disableRls', 'dropPolicy', 'newPolicy'] as const)
      expect(outcomes[ddl], ddl).toMatch(/^42501: must be owner of (table|relation) figures/);
    expect(outcomes.readOthersCells).toEqual(['吴兴']);
    expect(outcomes.readOthersJournal).toEqual(['吴兴']);
    expect(outcomes.readAuditAuthors).toEqual([WUXING]);
    expect(outcomes.readIssued).toBe(0);
    expect(outcomes.readUsers).toEqual([WUXING]);
    // Nothing of the above changed a thing.
    expect(await cell('2023-09', '南浔')).toMatchObject({ value: 6.2, by: OFFICE });
    expect(await cell('2023-08', '吴兴')).toMatchObject({ value: 6.1, by: OFFICE });
    const state = await asPerson(adminUrl, async (c) => ({
      period: (await c.query(`SELECT status FROM zb.periods WHERE period = '2023-08'`)).rows[0].status,
      tables: (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'evil'`)).rows[0].n,
      policies: (await c.query(`SELECT count(*)::int AS n FROM pg_policies WHERE policyname = 'mine'`)).rows[0].n,
      rls: (await c.query(`SELECT relrowsecurity FROM pg_class WHERE oid = 'zb.figures'::regclass`)).rows[0]
        .relrowsecurity,
      role: (await c.query(`SELECT role FROM zb.users WHERE name = $1`, [WUXING])).rows[0].role,
    }));
    expect(state).toEqual({ period: 'closed', tables: 0, policies: 0, rls: true, role: 'district' });
    // The journal and the audit trail are append-only even for the database owner.
    const owner = await asPerson(adminUrl, async (c) => ({
      journal: await sqlError(c, `UPDATE zb.revisions SET new = '0'`),
      audit: await sqlError(c, `DELETE FROM zb.audit`),
    }));
    expect(owner.journal).toMatch(/^42501: revisions 只能追加记录，不能修改或删除/);
    expect(owner.audit).toMatch(/^42501: audit 只能追加记录，不能修改或删除/);
  });

  it('a leader reads everything and changes nothing', async () => {
    const leader = await openServer(urlOf(LEADER));
    try {
      expect(leader.readOnly).toBe(true);
      const view = await leader.figures.get('2023-09');
      expect(Object.keys(view.figures[REGIONAL]![GROWTH]!).sort()).toEqual(['南浔', '吴兴']);
      await expect(leader.figures.set('2023-09', [growth('吴兴', 1)], { kind: 'entry' })).rejects.toMatchObject({
        code: 'READ_ONLY',
        message: expect.stringContaining('领导（只读）'),
      });
      const raw = await asPerson(urlOf(LEADER), async (c) => ({
        update: await sqlError(c, `UPDATE zb.figures SET value = '1'`),
        insertAudit: await sqlError(c, `INSERT INTO zb.audit (action, summary) VALUES ('x', 'y')`),
        auditAuthors: (await c.query(`SELECT DISTINCT by FROM zb.audit ORDER BY 1`)).rows.map((r) => r.by),
      }));
      expect(raw.update).toMatch(/^42501: permission denied for table figures/);
      expect(raw.insertAudit).toMatch(/^42501: permission denied for table audit/);
      expect(raw.auditAuthors).toEqual(expect.arrayContaining([OFFICE, WUXING]));
    } finally {
      await leader.close();
    }
  });

  it('a department user writes only its own indicators', async () => {
    const dept = await openServer(urlOf(DEPT));
    try {
      await dept.figures.set('2023-09', [growth('安吉', 5.5)], { kind: 'entry' });
      expect(await cell('2023-09', '安吉')).toMatchObject({ value: 5.5, by: DEPT });
      const other = dept.systemList()[0]!.indicators.find((i) => i.id !== GROWTH && i.frequency === 'monthly')!;
      await expect(
        dept.figures.set('2023-09', [{ systemId: REGIONAL, indicatorId: other.id, region: '安吉', value: 1 }], {
          kind: 'entry',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const seen = await dept.figures.get('2023-09');
      expect(Object.keys(seen.figures[REGIONAL] ?? {})).toEqual([GROWTH]);
    } finally {
      await dept.close();
    }
  });

  it('a person of this workspace cannot even connect to another workspace on the same server', async () => {
    await newServerWorkspace(cluster, 'other');
    const err = await asPerson(cluster.url(WUXING, PASSWORD, 'other'), async () => 'connected').catch(
      (e: { code?: string; message: string }) => `${e.code}: ${e.message}`,
    );
    expect(err).toMatch(/^42501: permission denied for database "other"/);
  });

  it('says in Chinese when the login is refused or the server cannot be reached', async () => {
    await expect(openServer(cluster.url(WUXING, 'wrong-password', 'access'))).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/^服务器拒绝登录（吴兴李四@127\.0\.0\.1:\d+\/access）：用户名或密码不对/),
    });
    const closedPort = cluster.url(WUXING, PASSWORD, 'access').replace(`:${cluster.port}/`, ':1/');
    await expect(openServer(closedPort)).rejects.toMatchObject({
      message: expect.stringMatching(/^连接不上服务器（吴兴李四@127\.0\.0\.1:1\/access）/),
    });
    const err = await openServer(cluster.url(WUXING, 'wrong-password', 'access')).catch((e: Error) => e.message);
    expect(err).not.toContain('wrong-password');
  });
});
