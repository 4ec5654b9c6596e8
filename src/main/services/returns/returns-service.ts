import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import { AppError } from '../../../shared/errors';
import type { ImportPreview, RegionReturn } from '../../../shared/import-types';
import {
  RETURNS_FORMAT_VERSION,
  ReturnReasonSchema,
  ReturnsFileSchema,
  type NotTakenCell,
  type RegionReturnRecord,
  type ReturnImport,
  type ReturnsFile,
  type ReturnStatus,
} from '../../../shared/schemas/returns';
import { missingRegions } from '../import/missing';
import { RecordFile } from '../storage/record-file';
import type { Workspace } from '../storage/workspace';

function returnsFile(ws: Workspace, period: string): RecordFile<ReturnsFile> {
  return new RecordFile(ws.files, `returns/${period.slice(0, 4)}/${period}.json`, ReturnsFileSchema, () => ({
    formatVersion: RETURNS_FORMAT_VERSION,
    period,
    regions: {},
  }));
}

function emptyRecord(at: string, by: string): RegionReturnRecord {
  return { status: '待报', at, by, imports: [], history: [] };
}

/** How an excluded cell is named by the import: the file and the cell's reference. */
type IsExcluded = (file: string, ref: string) => boolean;

/**
 * Records the returns an import brought: per district and form period, the file with its 填报人 and 联系电话,
 * what was written, and the cells not taken (refused by the checks, or left out by the clerk). The
 * district's return becomes 已报 (a new return after a 退回 is a new 已报).
 */
export async function recordImportReturns(
  ws: Workspace,
  previews: readonly ImportPreview[],
  isExcluded: IsExcluded,
): Promise<void> {
  const at = ws.now().toISOString();
  const byPeriod = new Map<string, { region: string; entry: ReturnImport }[]>();
  for (const file of previews.flatMap((p) => p.files)) {
    if (file.status !== 'accepted' || !file.region || !file.period) continue;
    const notTaken: NotTakenCell[] = [];
    let written = 0;
    for (const c of file.cells) {
      const base = {
        systemId: c.systemId,
        indicatorId: c.indicatorId,
        period: c.period,
        ref: c.ref,
        name: c.indicatorName,
      };
      if (c.status === 'rejected')
        notTaken.push({ ...base, why: 'rejected', ...(c.message ? { message: c.message } : {}) });
      else if (c.status === 'changed' && isExcluded(file.file, c.ref)) notTaken.push({ ...base, why: 'excluded' });
      else if (c.status === 'changed') written++;
    }
    const entry: ReturnImport = {
      file: file.file,
      at,
      by: ws.user,
      ...(file.reporter ? { reporter: file.reporter } : {}),
      written,
      notTaken,
    };
    byPeriod.set(file.period, [...(byPeriod.get(file.period) ?? []), { region: file.region, entry }]);
  }
  for (const [period, entries] of byPeriod) {
    await returnsFile(ws, period).update((doc) => {
      const regions = { ...doc.regions };
      for (const { region, entry } of entries) {
        const rec = regions[region] ?? emptyRecord(at, ws.user);
        regions[region] = {
          status: '已报',
          at,
          by: ws.user,
          imports: [...rec.imports, entry],
          history: [...rec.history, { at, by: ws.user, status: '已报', file: entry.file }],
        };
      }
      return { ...doc, regions };
    }, at);
    for (const { region, entry } of entries) {
      const skipped = entry.notTaken.length ? `，未采用 ${entry.notTaken.length} 格` : '';
      await ws.audit(
        'returns.update',
        `${periodTitle(parsePeriod(period))} ${region}已报（${entry.file}，写入 ${entry.written} 个数${skipped}）`,
        { period, region, status: '已报', file: entry.file },
      );
    }
  }
}

/**
 * The cells of the last return not taken and not entered since: a refused or left-out cell counts as
 * accepted only once a figure for it is saved after that import (typed in, or a corrected form).
 */
async function stillNotTaken(ws: Workspace, region: string, last: ReturnImport): Promise<NotTakenCell[]> {
  const out: NotTakenCell[] = [];
  for (const cell of last.notTaken) {
    const record = (await ws.figures.get(cell.period)).figures[cell.systemId]?.[cell.indicatorId]?.[region];
    if (!record || record.v === null || record.at <= last.at) out.push(cell);
  }
  return out;
}

const WHY: Record<NotTakenCell['why'], string> = { rejected: '未通过检查', excluded: '未导入' };

/**
 * The 报送情况 and 催报 list of a period: per district, what is still missing (missingRegions), the cells
 * of its last return that were not taken, and where its return stands (待报 / 已报 / 退回 / 通过).
 * 已报齐 only when every cell due is stored and accepted.
 */
export async function returnsOverview(ws: Workspace, period: string): Promise<RegionReturn[]> {
  const base = await missingRegions(ws, period);
  const doc = await returnsFile(ws, period).read();
  const out: RegionReturn[] = [];
  for (const r of base) {
    const rec = doc.regions[r.region];
    const last = rec?.imports[rec.imports.length - 1];
    const pending = last ? await stillNotTaken(ws, r.region, last) : [];
    const missing = new Set(r.missingIndicators);
    const notAccepted = pending
      .filter((c) => !missing.has(c.name))
      .map((c) => `${c.name}（${c.ref.slice(c.ref.indexOf('!') + 1)}${WHY[c.why]}）`);
    const complete = r.missingIndicators.length === 0 && pending.length === 0;
    out.push({
      ...r,
      status: complete
        ? 'returned'
        : r.missingIndicators.length === r.dueCount && r.dueCount > 0
          ? 'missing'
          : 'partial',
      workflow: rec?.status ?? (r.lastImport ? '已报' : '待报'),
      ...(rec?.status === '退回' && rec.reason ? { reason: rec.reason } : {}),
      ...(rec ? { decided: { at: rec.at, by: rec.by } } : {}),
      ...(last?.reporter ? { reporter: last.reporter } : {}),
      notAccepted,
    });
  }
  return out;
}

/**
 * Sets where a district's return stands: 退回 (with the reason, which goes into the 催报 text), 通过 (only
 * when 已报齐), or back to 已报 / 待报. Audited.
 */
export async function setReturnStatus(
  ws: Workspace,
  period: string,
  region: string,
  status: ReturnStatus,
  reasonInput?: string,
): Promise<RegionReturn[]> {
  if (!ws.settings.regions.includes(region))
    throw new AppError('BAD_INPUT', `“${region}”不是本工作区的区县（${ws.settings.regions.join('、')}）。`);
  let reason: string | undefined;
  if (status === '退回') {
    const parsed = ReturnReasonSchema.safeParse(reasonInput ?? '');
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues[0]?.message ?? '请写明退回的原因');
    reason = parsed.data;
  }
  await ws.assertWritable();
  const title = periodTitle(parsePeriod(period));
  if (status === '通过') {
    const row = (await returnsOverview(ws, period)).find((r) => r.region === region);
    if (row && row.status !== 'returned') {
      const lacking = [...row.missingIndicators, ...(row.notAccepted ?? [])];
      throw new AppError(
        'BAD_INPUT',
        `${region}${title}尚未报齐（${lacking.slice(0, 5).join('、')}${lacking.length > 5 ? `等 ${lacking.length} 项` : ''}），不能通过。请补齐，或退回让区县更正后重新报送。`,
      );
    }
  }
  const at = ws.now().toISOString();
  await returnsFile(ws, period).update((doc) => {
    // The reason belongs to a 退回 only: any other decision drops it.
    const { reason: _previous, ...rec } = doc.regions[region] ?? emptyRecord(at, ws.user);
    const next: RegionReturnRecord = {
      ...rec,
      status,
      ...(reason ? { reason } : {}),
      at,
      by: ws.user,
      history: [...rec.history, { at, by: ws.user, status, ...(reason ? { reason } : {}) }],
    };
    return { ...doc, regions: { ...doc.regions, [region]: next } };
  }, at);
  await ws.audit('returns.update', `${title} ${region}：${status}${reason ? `（原因：${reason}）` : ''}`, {
    period,
    region,
    status,
    ...(reason ? { reason } : {}),
  });
  return returnsOverview(ws, period);
}

/**
 * The 填报人 and 联系电话 on the form a figure was imported from, found among the year's returns by the
 * file's name and the district; undefined when the form named nobody or the file is not on record.
 */
export async function reporterOf(
  ws: Workspace,
  year: string,
  region: string,
  file: string,
): Promise<{ name: string; phone: string } | undefined> {
  const names = await readdir(join(ws.dir, 'returns', year)).catch(() => [] as string[]);
  let found: ReturnImport | undefined;
  for (const name of names.filter((n) => /^\d{4}(-\d{2}|Q[1-4]|H[12])?\.json$/.test(n)).sort()) {
    const doc = await returnsFile(ws, name.replace(/\.json$/, ''))
      .read()
      .catch(() => null);
    for (const entry of doc?.regions[region]?.imports ?? [])
      if (entry.file === file && (!found || entry.at >= found.at)) found = entry;
  }
  return found?.reporter;
}
