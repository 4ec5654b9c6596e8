import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The folder holding initdb, pg_ctl and postgres (newest installed major), or null when PostgreSQL is absent. */
export function postgresBin(): string | null {
  const fromEnv = process.env['PG_BIN'];
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const majors = readdirSync(root)
    .filter((d) => /^\d+$/.test(d))
    .sort((a, b) => Number(b) - Number(a));
  for (const m of majors) {
    const bin = join(root, m, 'bin');
    if (['initdb', 'pg_ctl', 'postgres'].every((b) => existsSync(join(bin, b)))) return bin;
  }
  return null;
}

/** Why the server tests cannot run here, or null when they can. Printed by the tests that skip. */
export function postgresSkipReason(): string | null {
  if (postgresBin()) return null;
  return 'PostgreSQL 未安装（找不到 /usr/lib/postgresql/*/bin/initdb）：跳过服务器工作区测试。安装：apt-get install postgresql';
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestCluster {
  host: string;
  port: number;
  /** The superuser (`postgres`), password-authenticated like everyone else over TCP. */
  adminPassword: string;
  /** postgres://user:password@127.0.0.1:port/db, names and passwords percent-encoded. */
  url(user: string, password: string, database?: string): string;
  adminUrl(database?: string): string;
  /** A new empty database owned by the superuser. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/**
 * A throwaway PostgreSQL cluster in a temp folder: initdb + pg_ctl as the `postgres` system user when run as
 * root (initdb refuses root), listening on a free loopback port only, with its unix socket inside the folder.
 * Every TCP login needs a password (scram-sha-256), the superuser's included, so the role tests log in as
 * the real roles do.
 */
export async function startCluster(): Promise<TestCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(postgresSkipReason() ?? 'PostgreSQL missing');
  const root = await mkdtemp(join(tmpdir(), 'zjb-pg-'));
  const asRoot = userInfo().uid === 0;
  const pgUid = asRoot ? Number((await run('id', ['-u', 'postgres'])).stdout.trim()) : userInfo().uid;
  const pgGid = asRoot ? Number((await run('id', ['-g', 'postgres'])).stdout.trim()) : userInfo().gid;
  const as = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  const adminPassword = randomBytes(12).toString('hex');
  const pwfile = join(root, 'pw');
  await writeFile(pwfile, adminPassword + '\n');
  if (asRoot) {
    await chown(root, pgUid, pgGid);
    await chown(pwfile, pgUid, pgGid);
  }
  await chmod(root, 0o700);
  const data = join(root, 'data');
  await as(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--pwfile',
    pwfile,
    '--auth-local=peer',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  await rm(pwfile, { force: true });
  const port = await freePort();
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=120`;
  const log = join(root, 'server.log');
  const start = () => as(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
  await start();
  const host = '127.0.0.1';
  const url = (user: string, password: string, database = 'postgres') =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${host}:${port}/${encodeURIComponent(database)}`;
  const adminUrl = (database = 'postgres') => url('postgres', adminPassword, database);
  let stopped = false;
  return {
    host,
    port,
    adminPassword,
    url,
    adminUrl,
    async createDatabase(name) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: adminUrl() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
      return adminUrl(name);
    },
    async restart() {
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      await start();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await as(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
