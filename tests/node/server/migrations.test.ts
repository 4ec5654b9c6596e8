import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, loadMigrations } from '../../../src/main/services/server/schema-migrations';
import { postgresSkipReason, startCluster, type TestCluster } from '../../support/postgres';
import { MIGRATIONS } from '../../support/server';
import { tempDir } from '../../support/workspace';

const skip = postgresSkipReason();
if (skip) console.log(skip);

describe.skipIf(skip !== null)('schema migrations on a real server', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => cluster?.stop());

  async function client(db: string) {
    const c = new pg.Client({ connectionString: await cluster.createDatabase(db) });
    await c.connect();
    return c;
  }

  it('applies the shipped migrations once, each recorded with its checksum; a second run applies nothing', async () => {
    const c = await client('m1');
    try {
      const migrations = await loadMigrations(MIGRATIONS);
      expect(migrations.map((m) => m.name)).toEqual(['001_tables.sql', '002_access.sql']);
      expect(await applyMigrations(c, migrations)).toEqual(['001_tables.sql', '002_access.sql']);
      expect(await applyMigrations(c, migrations)).toEqual([]);
      const rows = (await c.query('SELECT name, length(checksum) AS n FROM schema_migrations ORDER BY name')).rows;
      expect(rows).toEqual([
        { name: '001_tables.sql', n: 64 },
        { name: '002_access.sql', n: 64 },
      ]);
      const tables = (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'zb' ORDER BY 1`)).rows;
      expect(tables.map((t) => t.tablename)).toEqual([
        'audit',
        'figures',
        'issued_documents',
        'periods',
        'revisions',
        'systems',
        'users',
        'workspace',
      ]);
    } finally {
      await c.end();
    }
  });

  it('refuses an applied migration whose file was edited, and one it does not know, changing nothing', async () => {
    const c = await client('m2');
    try {
      const dir = tempDir('zjb-mig-');
      writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x int);');
      expect(await applyMigrations(c, await loadMigrations(dir))).toEqual(['001_a.sql']);
      writeFileSync(join(dir, '001_a.sql'), 'CREATE TABLE a (x int, y int);');
      writeFileSync(join(dir, '002_b.sql'), 'CREATE TABLE b (x int);');
      await expect(applyMigrations(c, await loadMigrations(dir))).rejects.toThrow(/001_a\.sql 已应用.*校验和不符/);
      expect((await c.query(`SELECT to_regclass('b') AS t`)).rows[0].t).toBeNull();
      const other = tempDir('zjb-mig-');
      writeFileSync(join(other, '002_b.sql'), 'CREATE TABLE b (x int);');
      await expect(applyMigrations(c, await loadMigrations(other))).rejects.toThrow(/不认识的迁移 001_a\.sql/);
    } finally {
      await c.end();
    }
  });

  it('a failing migration leaves no trace of itself; the ones before it stay applied', async () => {
    const c = await client('m3');
    try {
      const dir = tempDir('zjb-mig-');
      writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE ok (x int);');
      writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE half (x int);\nSELECT no_such_function();');
      await expect(applyMigrations(c, await loadMigrations(dir))).rejects.toThrow(/002_bad\.sql 执行失败，已撤销/);
      expect((await c.query(`SELECT to_regclass('half') AS t`)).rows[0].t).toBeNull();
      expect((await c.query(`SELECT to_regclass('ok') AS t`)).rows[0].t).toBe('ok');
      expect((await c.query('SELECT name FROM schema_migrations')).rows).toEqual([{ name: '001_ok.sql' }]);
    } finally {
      await c.end();
    }
  });

  it('refuses badly named or duplicate-numbered files', async () => {
    const dir = tempDir('zjb-mig-');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '001_b.sql'), 'SELECT 1;');
    await expect(loadMigrations(dir)).rejects.toThrow(/001_a\.sql 和 001_b\.sql 的编号相同/);
    const bad = tempDir('zjb-mig-');
    writeFileSync(join(bad, 'schema.sql'), 'SELECT 1;');
    await expect(loadMigrations(bad)).rejects.toThrow(/“schema\.sql”不合规/);
  });
});
