import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ClientBase } from 'pg';
import { AppError } from '../../../shared/errors';

export interface Migration {
  /** The file name, e.g. 001_tables.sql; applied in this order. */
  name: string;
  sql: string;
}

export interface AppliedMigration {
  name: string;
  checksum: string;
}

const MIGRATION_FILE_RE = /^(\d{3})_[a-z0-9_]+\.sql$/;

/** The server schema's migrations as shipped with the program (src/main/services/server/migrations). */
export function migrationsDir(appRoot: string): string {
  return join(appRoot, 'src/main/services/server/migrations');
}

export function checksum(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

/** Reads NNN_name.sql files in order; any other file in the folder, or two files with one number, is refused. */
export async function loadMigrations(dir: string): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const seen = new Map<string, string>();
  const out: Migration[] = [];
  for (const name of names) {
    const m = MIGRATION_FILE_RE.exec(name);
    if (!m) throw new AppError('INVALID_FILE', `数据库迁移文件名“${name}”不合规，应为 001_说明.sql 的形式。`);
    const earlier = seen.get(m[1]!);
    if (earlier) throw new AppError('INVALID_FILE', `数据库迁移 ${earlier} 和 ${name} 的编号相同。`);
    seen.set(m[1]!, name);
    out.push({ name, sql: await readFile(join(dir, name), 'utf8') });
  }
  return out;
}

/** Key of the advisory lock that keeps two `server init` runs from migrating one database at once. */
const MIGRATION_LOCK = 7_018_001;

/**
 * Applies the migrations not yet applied, each in its own transaction together with its row in
 * schema_migrations. Refuses (changing nothing) when an applied migration's file was edited since, or the
 * database has migrations this program does not know (a newer program set it up). Returns the names applied.
 */
export async function applyMigrations(client: ClientBase, migrations: Migration[]): Promise<string[]> {
  await client.query(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    applied_by text NOT NULL DEFAULT session_user
  )`);
  await client.query('REVOKE ALL ON public.schema_migrations FROM PUBLIC');
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    const applied = (
      await client.query<AppliedMigration>('SELECT name, checksum FROM public.schema_migrations ORDER BY name')
    ).rows;
    checkApplied(applied, migrations);
    const done = new Set(applied.map((a) => a.name));
    const ran: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO public.schema_migrations (name, checksum) VALUES ($1, $2)', [
          m.name,
          checksum(m.sql),
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const detail = err instanceof Error ? err.message : String(err);
        throw new AppError('INTERNAL', `数据库迁移 ${m.name} 执行失败，已撤销该迁移的全部改动：${detail}`, detail);
      }
      ran.push(m.name);
    }
    return ran;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}

function checkApplied(applied: AppliedMigration[], migrations: Migration[]): void {
  const known = new Map(migrations.map((m) => [m.name, checksum(m.sql)]));
  for (const a of applied) {
    const sum = known.get(a.name);
    if (sum === undefined)
      throw new AppError(
        'INVALID_FILE',
        `数据库中已应用了本程序不认识的迁移 ${a.name}，可能是更新版本的程序建立的。请升级程序后再连接。`,
      );
    if (sum !== a.checksum)
      throw new AppError(
        'INVALID_FILE',
        `迁移 ${a.name} 已应用到数据库，但程序中的文件内容与当时不同（校验和不符）。已应用的迁移不能修改，请把改动写成新的迁移文件。`,
        { name: a.name, applied: a.checksum, file: sum },
      );
  }
}
