import type { PeriodView } from '../../../shared/api-types';
import { detectAnomalies, type AnomalyOptions } from '../../../shared/domain/figure-anomalies';
import { parseFigureInput } from '../../../shared/domain/figure-input';
import { parsePeriod, periodKey, previousPeriod } from '../../../shared/domain/periods';
import type { ImportCellReport } from '../../../shared/import-types';
import { plausibilityInput } from '../../../shared/review/plausibility';
import type { FigureValue } from '../../../shared/schemas/figure';
import { NOTE_MAX_CHARS } from '../documents/xlsx-forms/form-validation';
import { dueKind } from '../storage/figure-store';
import type { Workspace } from '../storage/workspace';
import type { FormCell } from './read-form';

/** Period views read once per preview, shared by every file of the batch. */
export class PeriodViews {
  private readonly views = new Map<string, Promise<PeriodView>>();
  constructor(private readonly ws: Workspace) {}

  get(key: string): Promise<PeriodView> {
    let v = this.views.get(key);
    if (!v) this.views.set(key, (v = this.ws.figures.get(key)));
    return v;
  }
}

/**
 * Judges one cell against the indicator's rules and the stored figure. A blank (or "—") cell keeps the
 * stored figure: a partly filled form never erases what the office already has. A note is saved when it
 * is filled in and differs from the stored one.
 */
export async function evaluateCell(
  ws: Workspace,
  region: string,
  cell: FormCell,
  views: PeriodViews,
  anomalyOptions: AnomalyOptions,
): Promise<ImportCellReport> {
  const { systemId, indicatorId, period, name } = cell.meta;
  const spec = ws.spec(systemId, indicatorId);
  const view = await views.get(period);
  const current = view.figures[systemId]?.[indicatorId]?.[region];
  const old: FigureValue = current?.v ?? null;
  const base: ImportCellReport = {
    ref: cell.ref,
    systemId,
    indicatorId,
    indicatorName: spec?.name ?? name,
    unit: spec?.unit ?? '',
    region,
    period,
    raw: cell.value.raw,
    status: 'rejected',
    old,
    new: old,
    ...(current?.note ? { oldNote: current.note } : {}),
    anomalies: [],
  };
  const reject = (why: string): ImportCellReport => ({ ...base, message: `${cell.ref}：${why}` });

  if (!spec) return reject(`指标“${name}”已不在本工作区的指标体系中（可能在下发填报表后被删除），该项未导入`);
  const due = dueKind(period, spec.frequency);
  if (due) return reject(`“${spec.name}”的报送频率已改变：${due}`);
  if (view.damage)
    return reject(`${period} 的数据文件已损坏（${view.damage.message}），请先在“历史版本”中恢复后再导入`);
  if (cell.value.kind === 'error') return reject(`“${cell.value.raw}”${cell.value.message}`);
  if (cell.note.length > NOTE_MAX_CHARS)
    return {
      ...base,
      message: `${cell.noteRef}：备注有 ${cell.note.length} 字，超过 ${NOTE_MAX_CHARS} 字上限，该项未导入`,
    };

  let value: FigureValue = null;
  let remark: string | undefined;
  if (cell.value.kind === 'value') {
    const parsed = parseFigureInput(cell.value.input, spec, {
      excessDecimals: cell.value.fromFormula ? 'round' : 'reject',
    });
    if (!parsed.ok) return reject(parsed.message);
    value = parsed.value;
    if (parsed.rounded)
      remark = `公式结果 ${parsed.rounded.from} 按 ${spec.decimals + 2} 位小数取为 ${String(parsed.value)}`;
  }
  const blank = value === null;
  const next = blank ? old : value;
  const noteChanged = cell.note !== '' && cell.note !== (current?.note ?? '');
  const status = next !== old || noteChanged ? 'changed' : blank ? 'blank' : 'unchanged';
  const report: ImportCellReport = {
    ...base,
    status,
    new: next,
    ...(noteChanged ? { newNote: cell.note } : {}),
    ...(remark ? { message: remark } : {}),
  };

  // Only what the import changes is questioned: a figure already stored was accepted before.
  if (status === 'changed' && typeof next === 'number' && next !== old) {
    const p = parsePeriod(period);
    const prev = previousPeriod(p);
    const prevKey = periodKey(prev);
    const previous = (await views.get(prevKey)).figures[systemId]?.[indicatorId]?.[region]?.v;
    const indicator = ws.system(systemId).indicators.find((i) => i.id === indicatorId);
    if (indicator)
      report.anomalies = detectAnomalies(plausibilityInput(indicator, period, region, next, previous), anomalyOptions);
  }
  return report;
}
