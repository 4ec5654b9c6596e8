import type pg from 'pg';
import type { AuditItem, CellHistoryItem, PeriodView, RevisionInfo, SaveResult } from '../../../shared/api-types';
import type { FigureSpec } from '../../../shared/domain/figure-input';
import { AppError } from '../../../shared/errors';
import type { FigureValue } from '../../../shared/schemas/figure';
import type { FigureChangeRecord, FigureOrigin, FigureRecord, FigureTable } from '../../../shared/schemas/figures';
import type { Frequency } from '../../../shared/schemas/indicator-system';
import { PeriodKeySchema, type PeriodKey } from '../../../shared/schemas/workspace';
import { storedNamesOf, withCurrentRegionNames } from '../../../shared/systems/regions';
import { changeRecord, describeOrigin, diffTables, parseChanges, type StoreChange } from '../storage/figure-store';
import { applyChanges } from '../storage/period-store';
import { toAppError } from './connection';

/** A change as a client sends it: `readRevision` is the period revision the clerk's screen showed. */
export type ServerChange = StoreChange & { readRevision?: number };

/** A cell someone else changed after the clerk read it: not overwritten, shown with who and what. */
export interface CellConflict {
  systemId: string;
  indicatorId: string;
  region: string;
  readRevision: number;
  revision: number;
  by: string;
  at: string;
  theirs: FigureValue;
  yours: FigureValue;
}

/** The payload of NOTIFY figures_changed: which period moved to which revision, and who saved. */
export interface FiguresChanged {
  period: string;
  revision: number;
  by: string;
  changed: number;
}

export interface ServerFigureHost {
  pool: pg.Pool;
  url: string;
  identity: { user: string; role: string; region: string | null };
  spec(systemId: string, indicatorId: string): (FigureSpec & { frequency: Frequency }) | null;
  regions: ReadonlySet<string>;
  formerNames: Record<string, string[]>;
}

interface FigureRow {
  system_id: string;
  indicator_id: string;
  region: string;
  value: FigureValue;
  note: string | null;
  source: string | null;
  revision: number;
  at: Date;
  by: string;
  origin: FigureOrigin;
}

function toRecord(r: FigureRow): FigureRecord {
  return {
    v: r.value,
    ...(r.note ? { note: r.note } : {}),
    ...(r.source ? { source: r.source } : {}),
    at: r.at.toISOString(),
    by: r.by,
    origin: r.origin,
  };
}

const json = (v: unknown) => JSON.stringify(v);
const cellKey = (s: string, i: string, r: string) => `${s}\u0000${i}\u0000${r}`;

/** The figures of a server workspace: one transaction per save, the engine's row locks serialise a period. */
export class ServerFigureStore {
  constructor(private readonly host: ServerFigureHost) {}

  private parseKey(period: string): PeriodKey {
    const parsed = PeriodKeySchema.safeParse(period);
    if (!parsed.success)
      throw new AppError('BAD_INPUT', `期别“${period}”格式不对，应为 2023-09、2023Q3、2023H1 或 2023。`);
    return parsed.data;
  }

  private async query<R extends pg.QueryResultRow>(doing: string, sql: string, params: unknown[]): Promise<R[]> {
    try {
      return (await this.host.pool.query<R>(sql, params)).rows;
    } catch (err) {
      throw toAppError(err, this.host.url, doing);
    }
  }

  async listPeriods(): Promise<{ period: string; status: 'open' | 'closed'; revision: number }[]> {
    return this.query('读取期别', 'SELECT period, status, revision FROM zb.periods ORDER BY period', []);
  }

  /** The cells this person may see (the engine filters them), at the period's current revision. */
  async get(period: string): Promise<PeriodView> {
    const key = this.parseKey(period);
    const client = await this.host.pool.connect().catch((err: unknown) => {
      throw toAppError(err, this.host.url, '读取数据');
    });
    let broken = false;
    try {
      // One snapshot for the revision and the cells, so they agree.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const rev = await client.query<{ revision: number }>('SELECT revision FROM zb.periods WHERE period = $1', [key]);
      const rows = await client.query<FigureRow>(
        `SELECT system_id, indicator_id, region, value, note, source, revision, at, by, origin
           FROM zb.figures WHERE period = $1`,
        [key],
      );
      await client.query('COMMIT');
      const figures: FigureTable = {};
      for (const r of rows.rows) ((figures[r.system_id] ??= {})[r.indicator_id] ??= {})[r.region] = toRecord(r);
      return {
        period: key,
        revision: rev.rows[0]?.revision ?? 0,
        figures: withCurrentRegionNames(figures, this.host.formerNames),
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      broken = true;
      throw toAppError(err, this.host.url, '读取数据');
    } finally {
      // A connection that failed is closed rather than handed to the next caller.
      client.release(broken);
    }
  }

  /**
   * Saves all changes or none, in one transaction. A change carrying `readRevision` (or the batch's
   * `readRevision`) is refused when its cell was changed by a later revision: the whole batch is then
   * refused with CONFLICT, naming who changed which cell to what, so the clerk can choose.
   */
  /**
   * Runs `work` in one transaction on one connection. It commits when `work` says so (a save that changes
   * nothing rolls back, leaving no trace); any failure rolls back, and a connection that failed is closed
   * rather than handed to the next caller.
   */
  private async transaction<T>(
    doing: string,
    work: (client: pg.PoolClient) => Promise<{ result: T; commit: boolean }>,
  ) {
    const client = await this.host.pool.connect().catch((err: unknown) => {
      throw toAppError(err, this.host.url, doing);
    });
    let open = false;
    let broken = false;
    try {
      await client.query('BEGIN');
      open = true;
      const { result, commit } = await work(client);
      await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      open = false;
      return result;
    } catch (err) {
      if (open) await client.query('ROLLBACK').catch(() => (broken = true));
      if (!(err instanceof AppError)) broken = true;
      throw toAppError(err, this.host.url, doing);
    } finally {
      client.release(broken);
    }
  }

  private get isOffice(): boolean {
    return this.host.identity.role === 'office' || this.host.identity.role === 'owner';
  }

  /**
   * Takes the period's row lock (which serialises the saves of one period, so revisions are handed out in
   * commit order) and returns its revision; the office opens a period on its first save, others are refused
   * a period that is not open.
   */
  private async lockPeriod(client: pg.PoolClient, key: PeriodKey): Promise<number> {
    // Read without a lock first: a closed period is hidden from a district's FOR UPDATE by the policies.
    const seen = await client.query<{ status: string }>('SELECT status FROM zb.periods WHERE period = $1', [key]);
    if (!seen.rows[0]) {
      if (!this.isOffice)
        throw new AppError(
          'FORBIDDEN',
          `${key} 期尚未由专班开放填报，本次未保存任何数据。请联系专班开放该期后再填报。`,
        );
      await client.query('INSERT INTO zb.periods (period) VALUES ($1) ON CONFLICT DO NOTHING', [key]);
    }
    const closed = () =>
      new AppError('FORBIDDEN', `${key} 期已由专班关闭，不能再修改。本次未保存任何数据。如需更正，请联系专班。`);
    if (seen.rows[0] && seen.rows[0].status !== 'open' && !this.isOffice) throw closed();
    const locked = await client.query<{ status: string; revision: number }>(
      'SELECT status, revision FROM zb.periods WHERE period = $1 FOR UPDATE',
      [key],
    );
    const row = locked.rows[0];
    if (!row || (row.status !== 'open' && !this.isOffice)) throw closed();
    return row.revision;
  }

  /**
   * Saves all changes or none, in one transaction. A change carrying `readRevision` (or the batch's
   * `readRevision`) is refused when its cell was changed by a later revision: the whole batch is then
   * refused with CONFLICT, naming who changed which cell to what, so the clerk can choose.
   */
  async set(
    period: string,
    changes: ServerChange[],
    origin: FigureOrigin,
    options: { readRevision?: number } = {},
  ): Promise<SaveResult> {
    const key = this.parseKey(period);
    if (this.host.identity.role === 'leader')
      throw new AppError('READ_ONLY', '您的账号是领导（只读）账号，只能查看数据，不能修改。');
    const parsed = parseChanges(key, changes, this.host.spec, this.host.regions);
    return this.transaction('保存数据', async (client) => {
      const before = await this.lockPeriod(client, key);
      const current = await client.query<FigureRow>(
        `SELECT f.system_id, f.indicator_id, f.region, f.value, f.note, f.source, f.revision, f.at, f.by, f.origin
           FROM zb.figures f
           JOIN unnest($2::text[], $3::text[], $4::text[]) AS c(s, i, r)
             ON f.system_id = c.s AND f.indicator_id = c.i AND f.region = c.r
          WHERE f.period = $1`,
        [key, parsed.map((p) => p.c.systemId), parsed.map((p) => p.c.indicatorId), parsed.map((p) => p.c.region)],
      );
      const byCell = new Map(current.rows.map((r) => [cellKey(r.system_id, r.indicator_id, r.region), r]));
      const conflicts: CellConflict[] = [];
      const records: FigureChangeRecord[] = [];
      for (const { c, value } of parsed) {
        const row = byCell.get(cellKey(c.systemId, c.indicatorId, c.region));
        const readAt = c.readRevision ?? options.readRevision;
        if (row && readAt !== undefined && row.revision > readAt && row.value !== value) {
          conflicts.push({
            systemId: c.systemId,
            indicatorId: c.indicatorId,
            region: c.region,
            readRevision: readAt,
            revision: row.revision,
            by: row.by,
            at: row.at.toISOString(),
            theirs: row.value,
            yours: value,
          });
          continue;
        }
        const record = changeRecord(c, value, row ? toRecord(row) : undefined);
        if (record) records.push(record);
      }
      if (conflicts.length) throw this.conflictError(conflicts);
      if (records.length === 0)
        return { result: { period: key, revision: before, changed: 0, unchanged: changes.length }, commit: false };
      const revision = await this.write(client, key, records, byCell, origin);
      return {
        result: { period: key, revision, changed: records.length, unchanged: changes.length - records.length },
        commit: true,
      };
    });
  }

  /**
   * Writes one revision while the period is locked, in a single statement (a short lock): the period's
   * revision, the cells, the journal, the audit row and the notification, which is delivered at commit.
   */
  private async write(
    client: pg.PoolClient,
    key: PeriodKey,
    records: FigureChangeRecord[],
    current: Map<string, FigureRow>,
    origin: FigureOrigin,
  ): Promise<number> {
    const finals = records.map((record) => {
      const row = current.get(cellKey(record.s, record.i, record.r));
      const note = record.note !== undefined ? record.note : (row?.note ?? '');
      const source = record.source !== undefined ? record.source : (row?.source ?? '');
      return { record, note: note || null, source: source || null };
    });
    const regions = [...new Set(records.map((r) => r.r))];
    const saved = await client.query<{ revision: number }>(
      `WITH bumped AS (
         UPDATE zb.periods SET revision = revision + 1 WHERE period = $1 RETURNING revision
       ), cells AS (
         INSERT INTO zb.figures (period, system_id, indicator_id, region, value, note, source, revision, origin)
         SELECT $1, s, i, r, v, n, src, (SELECT revision FROM bumped), o
           FROM unnest($3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::jsonb[])
             AS t(s, i, r, v, n, src, o)
         ON CONFLICT (period, system_id, indicator_id, region) DO UPDATE
           SET value = EXCLUDED.value, note = EXCLUDED.note, source = EXCLUDED.source,
               revision = EXCLUDED.revision, at = EXCLUDED.at, by = EXCLUDED.by, origin = EXCLUDED.origin
         RETURNING 1
       ), journal AS (
         INSERT INTO zb.revisions (period, revision, seq, origin, change_origin, system_id, indicator_id, region,
                                   old, new, note, source)
         SELECT $1, (SELECT revision FROM bumped), t.seq - 1, $2, co, s, i, r, o, n, note, src
           FROM unnest($10::jsonb[], $11::text[], $12::text[], $13::text[], $14::jsonb[], $15::jsonb[], $16::text[],
                       $17::text[]) WITH ORDINALITY AS t(co, s, i, r, o, n, note, src, seq)
         RETURNING 1
       ), audit AS (
         INSERT INTO zb.audit (action, summary, period, region, detail)
         SELECT 'figures.set', $18, $1, $19, jsonb_build_object('revision', revision, 'changed', $20::int)
           FROM bumped
         RETURNING 1
       )
       SELECT revision,
              pg_notify('figures_changed', json_build_object('period', $1::text, 'revision', revision,
                        'by', session_user, 'changed', $20::int)::text)
         FROM bumped`,
      [
        key,
        json(origin),
        finals.map((f) => f.record.s),
        finals.map((f) => f.record.i),
        finals.map((f) => f.record.r),
        finals.map((f) => json(f.record.new)),
        finals.map((f) => f.note),
        finals.map((f) => f.source),
        finals.map((f) => json(f.record.origin ?? origin)),
        records.map((r) => (r.origin ? json(r.origin) : null)),
        records.map((r) => r.s),
        records.map((r) => r.i),
        records.map((r) => r.r),
        records.map((r) => json(r.old)),
        records.map((r) => json(r.new)),
        records.map((r) => r.note ?? null),
        records.map((r) => r.source ?? null),
        `${key} ${describeOrigin(origin)}，${records.length} 项`,
        regions.length === 1 ? regions[0] : null,
        records.length,
      ],
    );
    const revision = saved.rows[0]?.revision;
    if (revision === undefined)
      throw new AppError('FORBIDDEN', `${key} 期不能由您的账号修改（期别已关闭或无权限）。本次未保存任何数据。`);
    return revision;
  }

  /**
   * Restores a period to an earlier revision (office only): the journal is replayed up to it and the
   * difference saved as a new revision, so a restore can itself be undone the same way.
   */
  async restore(period: string, revision: number): Promise<SaveResult> {
    const key = this.parseKey(period);
    if (!this.isOffice) throw new AppError('FORBIDDEN', '只有专班账号才能把一期数据恢复到以前的版本。');
    return this.transaction('恢复历史版本', async (client) => {
      const current = await this.lockPeriod(client, key);
      if (!Number.isInteger(revision) || revision < 0 || revision > current)
        throw new AppError('BAD_INPUT', `第 ${key} 期只有 ${current} 个版本，无法恢复到第 ${revision} 版。`);
      const rows = await client.query<FigureRow>(
        `SELECT system_id, indicator_id, region, value, note, source, revision, at, by, origin
           FROM zb.figures WHERE period = $1`,
        [key],
      );
      const byCell = new Map(rows.rows.map((r) => [cellKey(r.system_id, r.indicator_id, r.region), r]));
      const now: FigureTable = {};
      for (const r of rows.rows) ((now[r.system_id] ??= {})[r.indicator_id] ??= {})[r.region] = toRecord(r);
      const journal = await client.query<{
        revision: number;
        at: Date;
        by: string;
        origin: FigureOrigin;
        change_origin: FigureOrigin | null;
        system_id: string;
        indicator_id: string;
        region: string;
        old: FigureValue;
        new: FigureValue;
        note: string | null;
        source: string | null;
      }>(
        `SELECT revision, at, by, origin, change_origin, system_id, indicator_id, region, old, new, note, source
           FROM zb.revisions WHERE period = $1 AND revision <= $2 ORDER BY revision, seq`,
        [key, revision],
      );
      const kept = new Set(journal.rows.map((r) => r.revision));
      if (kept.size !== revision)
        throw new AppError('INVALID_FILE', `${key} 期的历史记录不完整（缺少部分版本），无法恢复到第 ${revision} 版。`);
      const target: FigureTable = {};
      for (const r of journal.rows)
        applyChanges(target, { at: r.at.toISOString(), by: r.by, origin: r.origin }, [
          {
            s: r.system_id,
            i: r.indicator_id,
            r: r.region,
            old: r.old,
            new: r.new,
            ...(r.note !== null ? { note: r.note } : {}),
            ...(r.source !== null ? { source: r.source } : {}),
            ...(r.change_origin ? { origin: r.change_origin } : {}),
          },
        ]);
      const records = diffTables(now, target);
      if (records.length === 0)
        return { result: { period: key, revision: current, changed: 0, unchanged: 0 }, commit: false };
      const saved = await this.write(client, key, records, byCell, { kind: 'restore', revision });
      await client.query(
        `INSERT INTO zb.audit (action, summary, period, detail) VALUES ('period.restore', $1, $2, $3)`,
        [`${key} 恢复到第 ${revision} 版（${records.length} 项变化）`, key, json({ period: key, revision })],
      );
      return { result: { period: key, revision: saved, changed: records.length, unchanged: 0 }, commit: true };
    });
  }

  private conflictError(conflicts: CellConflict[]): AppError {
    const first = conflicts[0]!;
    const name = this.host.spec(first.systemId, first.indicatorId)?.name ?? first.indicatorId;
    const show = (v: FigureValue) => (v === null ? '空' : String(v));
    return new AppError(
      'CONFLICT',
      `有 ${conflicts.length} 个单元格在您打开后被别人改过，为免覆盖，本次未保存任何数据。第一处：${first.region}“${name}”已由 ${first.by} 改为 ${show(first.theirs)}（第 ${first.revision} 版），您填的是 ${show(first.yours)}。请刷新后决定保留哪个值。`,
      conflicts,
    );
  }

  /** The saves of a period, newest first (a district sees only its own cells counted). */
  async history(period: string): Promise<RevisionInfo[]> {
    const key = this.parseKey(period);
    const rows = await this.query<{ revision: number; at: Date; by: string; origin: FigureOrigin; n: string }>(
      '读取修改记录',
      `SELECT revision, min(at) AS at, min(by) AS by, (array_agg(origin))[1] AS origin, count(*) AS n
         FROM zb.revisions WHERE period = $1 GROUP BY revision ORDER BY revision DESC`,
      [key],
    );
    return rows.map((r) => ({
      revision: r.revision,
      at: r.at.toISOString(),
      by: r.by,
      origin: r.origin,
      changeCount: Number(r.n),
      summary: `${describeOrigin(r.origin)}，${Number(r.n)} 项`,
    }));
  }

  async cellHistory(period: string, systemId: string, indicatorId: string, region: string): Promise<CellHistoryItem[]> {
    const key = this.parseKey(period);
    const rows = await this.query<{
      revision: number;
      at: Date;
      by: string;
      origin: FigureOrigin;
      change_origin: FigureOrigin | null;
      old: FigureValue;
      new: FigureValue;
      note: string | null;
    }>(
      '读取单元格历史',
      `SELECT revision, at, by, origin, change_origin, old, new, note FROM zb.revisions
        WHERE period = $1 AND system_id = $2 AND indicator_id = $3 AND region = ANY($4::text[])
        ORDER BY revision DESC, seq DESC`,
      [key, systemId, indicatorId, storedNamesOf(region, this.host.formerNames)],
    );
    return rows.map((r) => ({
      revision: r.revision,
      at: r.at.toISOString(),
      by: r.by,
      origin: r.change_origin ?? r.origin,
      old: r.old,
      new: r.new,
      ...(r.note ? { note: r.note } : {}),
    }));
  }

  /** Every save as an audit item with its changes, like a file workspace's journals give. */
  async auditItems(period?: string): Promise<AuditItem[]> {
    const rows = await this.query<{
      period: string;
      revision: number;
      at: Date;
      by: string;
      origin: FigureOrigin;
      changes: { s: string; i: string; r: string; old: FigureValue; new: FigureValue; co: FigureOrigin | null }[];
    }>(
      '读取审计记录',
      `SELECT period, revision, min(at) AS at, min(by) AS by, (array_agg(origin))[1] AS origin,
              json_agg(json_build_object('s', system_id, 'i', indicator_id, 'r', region, 'old', old, 'new', new,
                                         'co', change_origin) ORDER BY seq) AS changes
         FROM zb.revisions WHERE ($1::text IS NULL OR period = $1)
        GROUP BY period, revision ORDER BY period, revision`,
      [period ?? null],
    );
    return rows.map((r) => ({
      at: r.at.toISOString(),
      by: r.by,
      action: 'figures.set',
      period: r.period,
      summary: `${r.period} ${describeOrigin(r.origin)}，${r.changes.length} 项`,
      origin: r.origin,
      changes: r.changes.map((c) => ({
        systemId: c.s,
        indicatorId: c.i,
        region: c.r,
        old: c.old,
        new: c.new,
        ...(c.co ? { origin: c.co } : {}),
      })),
    }));
  }
}
