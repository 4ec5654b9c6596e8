import type pg from 'pg';
import type { AuditItem } from '../../../shared/api-types';
import type { FigureSpec } from '../../../shared/domain/figure-input';
import { AppError } from '../../../shared/errors';
import type { Frequency, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import { TOTAL_REGION, type RegionRegistry } from '../../../shared/schemas/region';
import {
  WORKSPACE_FORMAT_VERSION,
  WORKSPACE_MIGRATIONS,
  WorkspaceFileSchema,
  type WorkspaceFile,
} from '../../../shared/schemas/workspace';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { withCurrentRegionNamesInSystem } from '../../../shared/systems/regions';
import { migrate } from '../storage/migrations';
import { PROVINCE_REGION } from '../storage/workspace';
import { validateSystem } from '../systems/system-loader';
import { connectClient, createPool, describeTarget, toAppError } from './connection';
import { ServerFigureStore, type FiguresChanged } from './server-figures';

/** A person's role in one server workspace; `owner` is the database owner who set it up (full access). */
export type ServerRole = 'office' | 'district' | 'department' | 'leader' | 'owner';

export const ROLE_NAMES: Record<ServerRole, string> = {
  office: '专班',
  district: '区县',
  department: '部门',
  leader: '领导（只读）',
  owner: '数据库管理员',
};

export interface ServerOpenOptions {
  registries: RegionRegistry[];
  /** Connections this app keeps open (default 4). */
  poolSize?: number;
  /** Shown to the administrator in pg_stat_activity. */
  applicationName?: string;
}

interface Identity {
  user: string;
  role: ServerRole;
  region: string | null;
}

/**
 * A workspace kept in a PostgreSQL database: the same settings, systems and figures as a workspace folder,
 * with the engine deciding who may read and write which cells (row-level security, one role per person).
 */
export class ServerWorkspace {
  readonly figures: ServerFigureStore;
  private readonly systems = new Map<string, IndicatorSystem>();
  private readonly allowedRegions = new Set<string>();
  private closed = false;

  private constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
    readonly identity: Identity,
    private file: WorkspaceFile,
    systems: IndicatorSystem[],
    private readonly problems: string[],
    private readonly applicationName: string,
  ) {
    for (const s of systems) this.systems.set(s.id, s);
    for (const r of [...file.regions, ...Object.values(file.regionFormerNames).flat()]) this.allowedRegions.add(r);
    this.allowedRegions.add(TOTAL_REGION);
    this.allowedRegions.add(PROVINCE_REGION);
    this.figures = new ServerFigureStore({
      pool,
      url,
      identity,
      spec: (s, i) => this.spec(s, i),
      regions: this.allowedRegions,
      formerNames: file.regionFormerNames,
    });
  }

  static async open(url: string, options: ServerOpenOptions): Promise<ServerWorkspace> {
    const applicationName = options.applicationName ?? 'zhibiao-jianbao';
    const pool = createPool(url, { max: options.poolSize ?? 4, applicationName });
    try {
      const client = await pool.connect().catch((err: unknown) => {
        throw toAppError(err, url, '连接服务器');
      });
      try {
        const schema = await client.query<{ ws: string | null }>(`SELECT to_regclass('zb.workspace')::text AS ws`);
        if (!schema.rows[0]?.ws)
          throw new AppError(
            'NOT_FOUND',
            `数据库 ${describeTarget(url)} 还不是工作区（或您的账号无权访问）。请管理员先运行 server init。`,
          );
        const who = await client.query<{ user: string; role: string | null; region: string | null; owner: boolean }>(
          `SELECT session_user AS user, zb.my_role() AS role, zb.my_region() AS region,
                  session_user = (SELECT tableowner FROM pg_tables WHERE schemaname = 'zb' AND tablename = 'figures') AS owner`,
        );
        const row = who.rows[0]!;
        const role: ServerRole | null = row.owner ? 'owner' : (row.role as ServerRole | null);
        if (!role)
          throw new AppError(
            'FORBIDDEN',
            `账号“${row.user}”不是这个工作区的成员。请专班管理员用 server user add 添加后再登录。`,
          );
        const ws = await client.query<{ settings: unknown }>('SELECT settings FROM zb.workspace');
        if (!ws.rows[0])
          throw new AppError(
            'NOT_FOUND',
            '服务器工作区还没有设置（zb.workspace 为空）。请管理员重新运行 server init。',
          );
        const file = parseSettings(ws.rows[0].settings);
        const formerNames = Object.values(file.regionFormerNames).flat();
        const rows = await client.query<{ id: string; body: unknown }>(
          'SELECT DISTINCT ON (id) id, body FROM zb.systems ORDER BY id, version DESC',
        );
        const systems: IndicatorSystem[] = [];
        const problems: string[] = [];
        for (const r of rows.rows) {
          if (!file.systems.includes(r.id)) continue;
          const checked = validateSystem(r.body, options.registries, [...file.regions, ...formerNames]);
          if (checked.ok) systems.push(withCurrentRegionNamesInSystem(checked.value, file.regionFormerNames));
          else problems.push(`指标体系 ${r.id}：${checked.problems.slice(0, 3).join('；')}`);
        }
        for (const id of file.systems)
          if (!rows.rows.some((r) => r.id === id)) problems.push(`指标体系 ${id}：服务器上缺少该指标体系`);
        return new ServerWorkspace(
          url,
          pool,
          { user: row.user, role, region: row.region },
          file,
          systems,
          problems,
          applicationName,
        );
      } finally {
        client.release();
      }
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw toAppError(err, url, '打开服务器工作区');
    }
  }

  get settings(): WorkspaceFile {
    return this.file;
  }

  get user(): string {
    return this.identity.user;
  }

  /** Leaders only read; everyone else writes what the engine lets them. */
  get readOnly(): boolean {
    return this.identity.role === 'leader';
  }

  problemList(): string[] {
    return [...this.problems];
  }

  systemList(): IndicatorSystem[] {
    return this.file.systems.map((id) => this.systems.get(id)).filter((s): s is IndicatorSystem => s !== undefined);
  }

  system(id: string): IndicatorSystem {
    const s = this.systems.get(id);
    if (!s) throw new AppError('NOT_FOUND', `本工作区没有编号为“${id}”的指标体系。`);
    return s;
  }

  spec(systemId: string, indicatorId: string): (FigureSpec & { frequency: Frequency }) | null {
    const ind = this.systems.get(systemId)?.indicators.find((i) => i.id === indicatorId);
    if (!ind) return null;
    const decimals = this.file.ranking.decimalsOverride[`${systemId}/${indicatorId}`] ?? ind.decimals;
    return { name: ind.name, unit: ind.unit, kind: ind.kind, decimals, frequency: ind.frequency };
  }

  /** The audit trail this person may read (the engine hides other people's rows from districts), newest first. */
  async auditLog(filter: { period?: string; limit?: number } = {}): Promise<AuditItem[]> {
    const items: AuditItem[] = [];
    try {
      const events = await this.pool.query<{
        at: Date;
        by: string;
        action: string;
        summary: string;
        period: string | null;
      }>(
        `SELECT at, by, action, summary, period FROM zb.audit
          WHERE action <> 'figures.set' AND ($1::text IS NULL OR period = $1) ORDER BY id`,
        [filter.period ?? null],
      );
      for (const e of events.rows)
        items.push({
          at: e.at.toISOString(),
          by: e.by,
          action: e.action,
          summary: e.summary,
          ...(e.period ? { period: e.period } : {}),
        });
    } catch (err) {
      throw toAppError(err, this.url, '读取审计记录');
    }
    items.push(...(await this.figures.auditItems(filter.period)));
    items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return filter.limit ? items.slice(0, filter.limit) : items;
  }

  /**
   * Calls `listener` whenever anyone's save of figures commits (LISTEN figures_changed), on a connection of
   * its own. Resolves to a function that stops listening.
   */
  async onFiguresChanged(listener: (change: FiguresChanged) => void): Promise<() => Promise<void>> {
    const client = await connectClient(this.url, `${this.applicationName}-listen`);
    client.on('notification', (msg) => {
      if (msg.channel !== 'figures_changed' || !msg.payload) return;
      try {
        listener(JSON.parse(msg.payload) as FiguresChanged);
      } catch {
        // A payload not written by this program: ignored.
      }
    });
    await client.query('LISTEN figures_changed');
    return async () => {
      await client.query('UNLISTEN figures_changed').catch(() => undefined);
      await client.end().catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function parseSettings(raw: unknown): WorkspaceFile {
  const migrated = migrate(raw, WORKSPACE_FORMAT_VERSION, WORKSPACE_MIGRATIONS);
  if (!migrated.ok) throw new AppError('INVALID_FILE', `服务器工作区设置：${migrated.message}`);
  const parsed = WorkspaceFileSchema.safeParse(migrated.doc);
  if (!parsed.success)
    throw new AppError(
      'INVALID_FILE',
      `服务器工作区设置有误：${zodErrorToChinese(parsed.error, migrated.doc).slice(0, 3).join('；')}`,
    );
  return parsed.data;
}
