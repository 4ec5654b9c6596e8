import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { AppError } from '../../../shared/errors';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import { WORKSPACE_FORMAT_VERSION, WorkspaceFileSchema } from '../../../shared/schemas/workspace';
import { connectClient, toAppError } from './connection';
import { applyMigrations, loadMigrations } from './schema-migrations';

export const USER_ROLES = ['office', 'district', 'department', 'leader'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Each person's role is a member of one group role, which carries the table privileges. */
const GROUP_OF: Record<UserRole, string> = {
  office: 'zbjb_office',
  district: 'zbjb_write',
  department: 'zbjb_write',
  leader: 'zbjb_read',
};

/** Runs `work` on one admin connection, turning driver errors into Chinese messages. */
export async function withAdmin<T>(url: string, doing: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectClient(url, 'zhibiao-jianbao-admin');
  try {
    return await work(client);
  } catch (err) {
    throw toAppError(err, url, doing);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function isOwner(client: pg.ClientBase): Promise<boolean> {
  const r = await client.query<{ ok: boolean }>(
    `SELECT session_user = coalesce((SELECT tableowner FROM pg_tables WHERE schemaname = 'zb' AND tablename = 'figures'),
                                    session_user) AS ok`,
  );
  return r.rows[0]?.ok ?? false;
}

export interface InitOptions {
  workspaceName: string;
  city: string;
  systems: IndicatorSystem[];
  registries: RegionRegistry[];
  migrationsDir: string;
}

export interface InitResult {
  applied: string[];
  created: boolean;
}

/**
 * Sets a database up as a workspace: applies the schema's migrations (the tables, group roles and policies)
 * and, the first time, the workspace's settings and systems. Run by the database's owner; running it again
 * applies only new migrations and changes nothing else.
 */
export async function initServerWorkspace(url: string, options: InitOptions): Promise<InitResult> {
  const registry = options.registries.find((r) => r.city === options.city);
  if (!registry) throw new AppError('BAD_INPUT', `没有城市“${options.city}”的区县清单。`);
  const migrations = await loadMigrations(options.migrationsDir);
  return withAdmin(url, '初始化服务器工作区', async (client) => {
    const applied = await applyMigrations(client, migrations);
    const existing = await client.query('SELECT 1 FROM zb.workspace');
    if (existing.rowCount) return { applied, created: false };
    const file = WorkspaceFileSchema.parse({
      formatVersion: WORKSPACE_FORMAT_VERSION,
      id: randomUUID(),
      name: options.workspaceName,
      city: options.city,
      regions: registry.regions.filter((r) => !r.optional).map((r) => r.short),
      systems: options.systems.map((s) => s.id),
      sample: false,
      createdAt: new Date().toISOString(),
      documents: {
        briefingName: `${options.workspaceName}简报`,
        issuer: `${options.workspaceName}办公室`,
        noticeIssuerMark: `${options.workspaceName}办公室`,
        noticeNumberPrefix: '专班',
      },
    });
    await client.query('BEGIN');
    await client.query('INSERT INTO zb.workspace (id, name, settings) VALUES ($1, $2, $3)', [
      file.id,
      file.name,
      JSON.stringify(file),
    ]);
    for (const s of options.systems)
      await client.query('INSERT INTO zb.systems (id, version, body) VALUES ($1, 1, $2)', [s.id, JSON.stringify(s)]);
    await client.query(`INSERT INTO zb.audit (action, summary) VALUES ('workspace.create', $1)`, [
      `新建服务器工作区“${file.name}”`,
    ]);
    await client.query('COMMIT');
    return { applied, created: true };
  });
}

export interface NewUser {
  name: string;
  password: string;
  role: UserRole;
  region?: string;
  /** A department user's indicators, as systemId/indicatorId. */
  indicators?: string[];
}

/**
 * Creates a person's own login role (the server keeps only a SCRAM hash of the password), makes it a member
 * of its group, lets it connect to this database and records its role and region in zb.users: all or nothing.
 */
export async function addServerUser(url: string, user: NewUser): Promise<void> {
  if (!USER_ROLES.includes(user.role))
    throw new AppError('BAD_INPUT', `角色“${user.role}”不对，应为 office、district、department 或 leader。`);
  if (!user.name.trim() || Buffer.byteLength(user.name, 'utf8') > 63)
    throw new AppError('BAD_INPUT', '用户名不能为空，且不能超过 63 个字节（约 21 个汉字）。');
  if (user.password.length < 8) throw new AppError('BAD_INPUT', '密码至少要 8 个字符。');
  if (user.role === 'district' && !user.region)
    throw new AppError('BAD_INPUT', '区县账号必须用 --region 指定所属区县（如 --region 吴兴）。');
  if (user.role !== 'district' && user.region)
    throw new AppError('BAD_INPUT', '只有区县账号（--role district）才指定 --region。');
  if (user.role === 'department' && !user.indicators?.length)
    throw new AppError('BAD_INPUT', '部门账号必须用 --indicator 指定负责的指标（体系编号/指标编号，可多次）。');
  await withAdmin(url, '添加用户', async (client) => {
    if (!(await isOwner(client))) throw new AppError('FORBIDDEN', '只有建立该工作区的数据库管理员账号才能添加用户。');
    const settings = await client.query<{ regions: string[] }>(
      `SELECT ARRAY(SELECT jsonb_array_elements_text(settings->'regions')) AS regions FROM zb.workspace`,
    );
    const regions = settings.rows[0]?.regions ?? [];
    if (user.region && !regions.includes(user.region))
      throw new AppError('BAD_INPUT', `“${user.region}”不是本工作区的区县。本工作区的区县：${regions.join('、')}。`);
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user.name]);
    if (exists.rowCount)
      throw new AppError(
        'CONFLICT',
        `数据库服务器上已有名为“${user.name}”的账号。每人一个账号，请换一个用户名（例如加上单位简称）。`,
      );
    await client.query('BEGIN');
    try {
      const statements = await client.query<{ create: string; grant: string; connect: string }>(
        `SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS create,
                format('GRANT %I TO %I', $3::text, $1::text) AS grant,
                format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS connect`,
        [user.name, user.password, GROUP_OF[user.role]],
      );
      const s = statements.rows[0]!;
      await client.query(s.create);
      await client.query(s.grant);
      await client.query(s.connect);
      await client.query('INSERT INTO zb.users (name, role, region, indicators) VALUES ($1, $2, $3, $4)', [
        user.name,
        user.role,
        user.region ?? null,
        user.indicators ?? [],
      ]);
      await client.query(`INSERT INTO zb.audit (action, summary, detail) VALUES ('user.add', $1, $2)`, [
        `添加用户“${user.name}”（${user.role}${user.region ? `，${user.region}` : ''}）`,
        JSON.stringify({ name: user.name, role: user.role, region: user.region ?? null }),
      ]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

/** Opens (status open) or closes a period for district entry. Office or owner only, enforced by the engine. */
export async function setPeriodStatus(url: string, period: string, status: 'open' | 'closed'): Promise<void> {
  await withAdmin(url, status === 'open' ? '开放期别' : '关闭期别', async (client) => {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO zb.periods (period, status) VALUES ($1, $2)
       ON CONFLICT (period) DO UPDATE SET status = EXCLUDED.status,
         closed_at = CASE WHEN EXCLUDED.status = 'closed' THEN now() END,
         closed_by = CASE WHEN EXCLUDED.status = 'closed' THEN session_user END`,
      [period, status],
    );
    await client.query(`INSERT INTO zb.audit (action, summary, period) VALUES ($1, $2, $3)`, [
      status === 'open' ? 'period.open' : 'period.close',
      `${status === 'open' ? '开放' : '关闭'} ${period} 期填报`,
      period,
    ]);
    await client.query('COMMIT');
  });
}
