import { join } from 'node:path';
import { addServerUser, initServerWorkspace, type NewUser } from '../../src/main/services/server/server-admin';
import { migrationsDir } from '../../src/main/services/server/schema-migrations';
import { ServerWorkspace } from '../../src/main/services/server/server-workspace';
import type { TestCluster } from './postgres';
import { PROJECT_ROOT } from './project';
import { REGIONAL, templates } from './workspace';

export const MIGRATIONS = migrationsDir(PROJECT_ROOT);
export const PASSWORD = 'Pw-测试-2026!';

/** A fresh database on the cluster set up as a 湖州 workspace with the regional system, and these people. */
export async function newServerWorkspace(
  cluster: TestCluster,
  db: string,
  users: Omit<NewUser, 'password'>[] = [],
): Promise<{ adminUrl: string; urlOf: (name: string) => string }> {
  const adminUrl = await cluster.createDatabase(db);
  await initServerWorkspace(adminUrl, {
    workspaceName: '测试专班',
    city: '湖州',
    systems: [await templates.get(REGIONAL)],
    registries: await templates.registries(),
    migrationsDir: MIGRATIONS,
  });
  for (const u of users) await addServerUser(adminUrl, { ...u, password: PASSWORD });
  return { adminUrl, urlOf: (name) => cluster.url(name, PASSWORD, db) };
}

export async function openServer(url: string, options: { poolSize?: number; applicationName?: string } = {}) {
  return ServerWorkspace.open(url, { registries: await templates.registries(), ...options });
}

export const SUPPORT_DIR = join(PROJECT_ROOT, 'tests/support');
