import type pg from 'pg';
import { AppError } from '../../../shared/errors';
import type { JournalEntry } from '../../../shared/schemas/figures';
import { readAudit } from '../storage/audit-log';
import { describeOrigin } from '../storage/figure-store';
import { periodEntries } from '../storage/period-store';
import type { Workspace } from '../storage/workspace';
import { isOwner, withAdmin } from './server-admin';
import { applyMigrations, loadMigrations } from './schema-migrations';

export interface UploadResult {
  periods: number;
  figures: number;
  revisions: number;
  auditEvents: number;
}

const json = (v: unknown) => JSON.stringify(v);

/** Former district names → current, so a journal's stored names land on the cells the view shows. */
function currentNameOf(former: Record<string, string[]>): (region: string) => string {
  const map = new Map<string, string>();
  for (const [current, olds] of Object.entries(former)) for (const o of olds) map.set(o, current);
  return (r) => map.get(r) ?? r;
}

/**
 * Copies a file workspace into a server workspace that has no figures yet, in one transaction: settings,
 * systems, every period with its current figures and every revision of its journal (who, when, origin),
 * and the audit trail. Run by the database's owner, since it writes history in other people's names.
 */
export async function uploadWorkspace(ws: Workspace, url: string, migrationsDir: string): Promise<UploadResult> {
  const migrations = await loadMigrations(migrationsDir);
  const periods = await ws.figures.listPeriods();
  // Read everything first: a damaged period is refused before the server is touched.
  const data: { period: string; entries: JournalEntry[]; view: Awaited<ReturnType<Workspace['figures']['get']>> }[] =
    [];
  for (const period of periods) {
    const view = await ws.figures.get(period);
    if (view.damage)
      throw new AppError(
        'INVALID_FILE',
        `${period} 期的数据文件有问题（${view.damage.message}），未上传任何数据。请先在本地工作区修复或恢复该期后再上传。`,
      );
    data.push({ period, view, entries: await periodEntries(ws.files, period) });
  }
  const audit = await readAudit(ws.files);
  const current = currentNameOf(ws.settings.regionFormerNames);
  return withAdmin(url, '上传到服务器', async (client) => {
    if (!(await isOwner(client)))
      throw new AppError('FORBIDDEN', '上传要用建立该工作区的数据库管理员账号（它要以原填报人的名义写入历史记录）。');
    await applyMigrations(client, migrations);
    const used = await client.query('SELECT 1 FROM zb.revisions LIMIT 1');
    if (used.rowCount)
      throw new AppError('CONFLICT', '服务器工作区里已经有数据，上传只能进入新建的服务器工作区，未做任何改动。');
    await client.query('BEGIN');
    try {
      const result = await copy(client, ws, data, audit, current);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

async function copy(
  client: pg.ClientBase,
  ws: Workspace,
  data: { period: string; entries: JournalEntry[]; view: Awaited<ReturnType<Workspace['figures']['get']>> }[],
  audit: Awaited<ReturnType<typeof readAudit>>,
  current: (region: string) => string,
): Promise<UploadResult> {
  const file = ws.settings;
  await client.query('DELETE FROM zb.workspace');
  await client.query('INSERT INTO zb.workspace (id, name, settings, created_at) VALUES ($1, $2, $3, $4)', [
    file.id,
    file.name,
    json(file),
    file.createdAt,
  ]);
  await client.query('DELETE FROM zb.systems');
  for (const s of ws.systemList())
    await client.query('INSERT INTO zb.systems (id, version, body) VALUES ($1, 1, $2)', [s.id, json(s)]);
  let figures = 0;
  let revisions = 0;
  for (const { period, entries, view } of data) {
    const openedAt = entries[0]?.at ?? new Date().toISOString();
    await client.query('INSERT INTO zb.periods (period, status, revision, opened_at) VALUES ($1, $2, $3, $4)', [
      period,
      'open',
      view.revision,
      openedAt,
    ]);
    const lastRevision = new Map<string, number>();
    const rows: unknown[][] = Array.from({ length: 13 }, () => []);
    for (const e of entries) {
      e.changes.forEach((c, seq) => {
        lastRevision.set(`${c.s}\u0000${c.i}\u0000${current(c.r)}`, e.rev);
        const values = [e.rev, seq, e.at, e.by, json(e.origin), c.origin ? json(c.origin) : null, c.s, c.i, c.r];
        values.push(json(c.old), json(c.new), c.note ?? null, c.source ?? null);
        values.forEach((v, k) => rows[k]!.push(v));
      });
      await client.query(
        `INSERT INTO zb.audit (at, by, action, summary, period, detail) VALUES ($1, $2, 'figures.set', $3, $4, $5)`,
        [
          e.at,
          e.by,
          `${period} ${describeOrigin(e.origin)}，${e.changes.length} 项`,
          period,
          json({ revision: e.rev, changed: e.changes.length }),
        ],
      );
    }
    if (rows[0]!.length) {
      await client.query(
        `INSERT INTO zb.revisions (period, revision, seq, at, by, origin, change_origin, system_id, indicator_id,
                                   region, old, new, note, source)
         SELECT $1, rev, seq, at, by, o, co, s, i, r, old, new, note, src
           FROM unnest($2::int[], $3::int[], $4::timestamptz[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[],
                       $9::text[], $10::text[], $11::jsonb[], $12::jsonb[], $13::text[], $14::text[])
             AS t(rev, seq, at, by, o, co, s, i, r, old, new, note, src)`,
        [period, ...rows],
      );
      revisions += rows[0]!.length;
    }
    const f: unknown[][] = Array.from({ length: 10 }, () => []);
    for (const [s, byIndicator] of Object.entries(view.figures))
      for (const [i, byRegion] of Object.entries(byIndicator))
        for (const [r, rec] of Object.entries(byRegion)) {
          const rev = lastRevision.get(`${s}\u0000${i}\u0000${r}`) ?? Math.max(view.revision, 1);
          [s, i, r, json(rec.v), rec.note ?? null, rec.source ?? null, rev, rec.at, rec.by, json(rec.origin)].forEach(
            (v, k) => f[k]!.push(v),
          );
        }
    if (f[0]!.length) {
      await client.query(
        `INSERT INTO zb.figures (period, system_id, indicator_id, region, value, note, source, revision, at, by, origin)
         SELECT $1, s, i, r, v, n, src, rev, at, by, o
           FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::int[],
                       $9::timestamptz[], $10::text[], $11::jsonb[]) AS t(s, i, r, v, n, src, rev, at, by, o)`,
        [period, ...f],
      );
      figures += f[0]!.length;
    }
  }
  for (const e of audit) {
    const period = (e.detail as { period?: unknown } | undefined)?.period;
    await client.query(
      'INSERT INTO zb.audit (at, by, action, summary, period, detail) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        e.at,
        e.by,
        e.action,
        e.summary,
        typeof period === 'string' ? period : null,
        e.detail === undefined ? null : json(e.detail),
      ],
    );
  }
  await client.query(`INSERT INTO zb.audit (action, summary) VALUES ('workspace.upload', $1)`, [
    `从本地工作区“${file.name}”上传：${data.length} 期，${figures} 个数值，${revisions} 条修改记录`,
  ]);
  return { periods: data.length, figures, revisions, auditEvents: audit.length };
}
