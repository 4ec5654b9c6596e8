import type { ReviewItem, ReviewReport, SaveResult } from '../../../shared/api-types';
import { periodTitle } from '../../../shared/domain/period-labels';
import type { Period } from '../../../shared/domain/periods';
import { AppError } from '../../../shared/errors';
import { reviewKeysNeeded, runReview, type ReviewFinding } from '../../../shared/review/engine';
import type { FigureValue } from '../../../shared/schemas/figure';
import type { FigureTable } from '../../../shared/schemas/figures';
import {
  REVIEW_FORMAT_VERSION,
  ReviewFileSchema,
  ReviewNoteSchema,
  type ReviewConfirmation,
  type ReviewFile,
} from '../../../shared/schemas/review';
import { parsePeriodOrThrow } from '../reports/figure-loader';
import { RecordFile } from '../storage/record-file';
import type { Workspace } from '../storage/workspace';

/** review/<year>/<period>.json: the confirmations of findings about figures stored in that period. */
function confirmationsFile(ws: Workspace, key: string): RecordFile<ReviewFile> {
  return new RecordFile(ws.files, `review/${key.slice(0, 4)}/${key}.json`, ReviewFileSchema, () => ({
    formatVersion: REVIEW_FORMAT_VERSION,
    period: key,
    confirmations: [],
  }));
}

/** Figures an import would write, over the stored ones: "key|system|indicator|region" → value. */
export type FigureOverlay = ReadonlyMap<string, FigureValue>;

export function overlayKey(period: string, systemId: string, indicatorId: string, region: string): string {
  return `${period}|${systemId}|${indicatorId}|${region}`;
}

async function loadTables(ws: Workspace, period: Period) {
  const frequencies = new Set(ws.systemList().flatMap((s) => s.indicators.map((i) => i.frequency)));
  const tables = new Map<string, FigureTable>();
  const damaged: ReviewReport['damaged'] = [];
  for (const key of reviewKeysNeeded(period, frequencies)) {
    const view = await ws.figures.get(key);
    tables.set(key, view.figures);
    if (view.damage) damaged.push({ period: key, message: `${view.damage.file}：${view.damage.message}` });
  }
  return { tables, damaged };
}

async function confirmationsFor(ws: Workspace, findings: readonly ReviewFinding[]): Promise<ReviewConfirmation[]> {
  const keys = new Set(findings.map((f) => f.cell.period));
  const out: ReviewConfirmation[] = [];
  for (const key of [...keys].sort()) out.push(...(await confirmationsFile(ws, key).read()).confirmations);
  return out;
}

/**
 * The 审核 of a reporting period: the rules run on the stored figures (or on them with an import's values
 * laid over), each finding with the clerk's confirmation while the values it was given for still hold.
 */
export async function reviewPeriod(ws: Workspace, periodKey: string, overlay?: FigureOverlay): Promise<ReviewReport> {
  const period = parsePeriodOrThrow(periodKey);
  const { tables, damaged } = await loadTables(ws, period);
  const override = ws.settings.ranking.decimalsOverride;
  const output = runReview({
    period,
    systems: ws.systemList(),
    regions: ws.settings.regions,
    lookup: (key, s, i, r) => {
      const k = overlayKey(key, s, i, r);
      if (overlay?.has(k)) return overlay.get(k);
      return tables.get(key)?.[s]?.[i]?.[r]?.v;
    },
    decimalsOf: (s, ind) => override[`${s}/${ind.id}`] ?? ind.decimals,
  });
  const confirmations = await confirmationsFor(ws, output.findings);
  const items: ReviewItem[] = output.findings.map((f) => {
    const same = confirmations.filter((c) => c.key === f.key);
    const holding = same.find((c) => c.fingerprint === f.fingerprint);
    const latest = same[same.length - 1];
    if (holding) return { ...f, confirmation: { note: holding.note, at: holding.at, by: holding.by } };
    return latest ? { ...f, lapsed: { note: latest.note, at: latest.at, by: latest.by } } : f;
  });
  const count = (level: '错误' | '提示', open: boolean) =>
    items.filter((i) => i.level === level && (!open || !i.confirmation)).length;
  return {
    period: periodKey,
    periodTitle: periodTitle(period),
    sample: ws.settings.sample,
    rules: output.rules,
    items,
    counts: {
      errors: count('错误', false),
      openErrors: count('错误', true),
      hints: count('提示', false),
      openHints: count('提示', true),
    },
    checkedCells: output.checkedCells,
    damaged,
  };
}

function findItem(report: ReviewReport, key: string): ReviewItem {
  const item = report.items.find((i) => i.key === key);
  if (!item)
    throw new AppError(
      'NOT_FOUND',
      '这条审核结果已不存在（有关的数已经修改，问题可能已经解决），请刷新审核结果后再操作。',
      { key },
    );
  return item;
}

function where(item: ReviewFinding): string {
  return `《${item.systemTitle}》“${item.indicatorName}”${item.cell.region}（${item.cell.period}）`;
}

/**
 * Confirms a finding with a 说明: kept in review/<year>/<period>.json beside the figure it is about and
 * in the audit trail, shown in the figure's provenance, and valid while the figures it was given for hold.
 */
export async function confirmFinding(
  ws: Workspace,
  periodKey: string,
  key: string,
  noteInput: string,
): Promise<ReviewReport> {
  const note = ReviewNoteSchema.safeParse(noteInput);
  if (!note.success) throw new AppError('BAD_INPUT', note.error.issues[0]?.message ?? '请填写说明');
  await ws.assertWritable();
  const item = findItem(await reviewPeriod(ws, periodKey), key);
  const at = ws.now().toISOString();
  const confirmation: ReviewConfirmation = {
    key: item.key,
    ruleId: item.ruleId,
    code: item.code,
    level: item.level,
    cell: item.cell,
    fingerprint: item.fingerprint,
    message: item.message,
    note: note.data,
    at,
    by: ws.user,
  };
  await confirmationsFile(ws, item.cell.period).update(
    (file) => ({
      ...file,
      confirmations: [...file.confirmations.filter((c) => c.key !== item.key), confirmation],
    }),
    at,
  );
  await ws.audit(
    'review.confirm',
    `确认审核${item.level} ${item.code}「${item.ruleName}」：${where(item)}，说明：${note.data}`,
    {
      period: item.cell.period,
      key: item.key,
      fingerprint: item.fingerprint,
      message: item.message,
      note: note.data,
    },
  );
  return reviewPeriod(ws, periodKey);
}

/**
 * Writes the value a rule computed for a cell (全市 as the districts' sum, a twin's figure), recorded in
 * the journal as computed with how it was computed.
 */
export async function applyFix(
  ws: Workspace,
  periodKey: string,
  key: string,
): Promise<{ report: ReviewReport; saved: SaveResult }> {
  const item = findItem(await reviewPeriod(ws, periodKey), key);
  if (!item.fix) throw new AppError('BAD_INPUT', `这条审核结果（${item.ruleName}）没有可自动填入的数。`);
  const { cell, fix } = item;
  const saved = await ws.setFigures(
    cell.period,
    [{ systemId: cell.systemId, indicatorId: cell.indicatorId, region: cell.region, value: fix.value }],
    { kind: 'computed', rule: item.ruleId, detail: fix.detail },
  );
  return { report: await reviewPeriod(ws, periodKey), saved };
}

/** The confirmations given for one figure (any rule), newest first, for its provenance. */
export async function confirmationsOfCell(
  ws: Workspace,
  cell: { period: string; systemId: string; indicatorId: string; region: string },
): Promise<ReviewConfirmation[]> {
  const file = await confirmationsFile(ws, cell.period).read();
  const same = (c: { systemId: string; indicatorId: string; region: string }) =>
    c.systemId === cell.systemId && c.indicatorId === cell.indicatorId && c.region === cell.region;
  return file.confirmations.filter((c) => same(c.cell) || same(twinOf(c) ?? c.cell)).reverse();
}

/** The other cell of a 同一数据 finding, read from its key (rule|period|system|indicator|region|period|system|indicator). */
function twinOf(c: ReviewConfirmation): { systemId: string; indicatorId: string; region: string } | null {
  const [, , , , region, , systemId, indicatorId] = c.key.split('|');
  return c.ruleId.startsWith('same-as') && region && systemId && indicatorId ? { systemId, indicatorId, region } : null;
}

/** Refuses to make documents while a 错误 is neither corrected nor confirmed; names the first few. */
export async function assertNoOpenErrors(ws: Workspace, periodKey: string): Promise<ReviewReport> {
  const report = await reviewPeriod(ws, periodKey);
  const open = report.items.filter((i) => i.level === '错误' && !i.confirmation);
  if (open.length === 0) return report;
  const listed = open
    .slice(0, 3)
    .map((i) => `${i.code}「${i.ruleName}」${i.indicatorName}${i.cell.region}`)
    .join('；');
  throw new AppError(
    'CONFLICT',
    `${report.periodTitle}有 ${open.length} 条审核错误尚未处理（${listed}${open.length > 3 ? '等' : ''}），文稿和排名表暂不能导出。请在“审核”页改正有关的数，或核实后填写说明确认。`,
    { openErrors: open.map((i) => i.key) },
  );
}
