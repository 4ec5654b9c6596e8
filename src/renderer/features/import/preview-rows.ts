import type { ImportAnomaly, ImportCellReport, ImportFileReport } from '../../../shared/import-types';
import type { FigureValue } from '../../../shared/schemas/figure';
import { periodLabel } from '../../shared/periods';

/** Rows of the preview tables, as the clerk reads them: cell addresses without the sheet prefix. */

export interface ChangeRow {
  key: string;
  region: string;
  indicator: string;
  unit: string;
  /** The storage period when it differs from the form's (a quarterly section in a quarter-end month). */
  periodNote: string;
  old: string;
  new: string;
  cell: string;
  /** A changed note, as "备注：旧 → 新". */
  noteChange: string;
  /** A remark of main on an accepted cell (a rounded formula result). */
  remark: string;
  anomalies: ImportAnomaly[];
}

export interface RejectionRow {
  key: string;
  cell: string;
  indicator: string;
  raw: string;
  reason: string;
}

/** "填报表!D7" → "D7". */
export function cellAddress(ref: string): string {
  return ref.slice(ref.indexOf('!') + 1);
}

export function valueText(v: FigureValue): string {
  if (v === null) return '（空）';
  if (v === '/') return '/（不适用）';
  return String(v);
}

const REF_PREFIX = /^[^!：]+!([A-Z]+\d+)：/;

/** Main's reasons start with the cell ("填报表!E7：…"); the table shows the cell in its own column. */
export function splitReason(cell: ImportCellReport): { cell: string; reason: string } {
  const message = cell.message ?? '未通过检查';
  const m = REF_PREFIX.exec(message);
  return m?.[1] ? { cell: m[1], reason: message.slice(m[0].length) } : { cell: cellAddress(cell.ref), reason: message };
}

function periodNote(cell: ImportCellReport, file: ImportFileReport): string {
  return file.period && cell.period !== file.period ? periodLabel(cell.period) : '';
}

export function changeRows(file: ImportFileReport): ChangeRow[] {
  return file.cells
    .filter((c) => c.status === 'changed')
    .map((c) => ({
      key: c.ref,
      region: c.region,
      indicator: c.indicatorName,
      unit: c.unit,
      periodNote: periodNote(c, file),
      old: valueText(c.old),
      new: valueText(c.new),
      cell: cellAddress(c.ref),
      noteChange: c.newNote !== undefined ? `备注：${c.oldNote ?? '（无）'} → ${c.newNote}` : '',
      remark: c.message ?? '',
      anomalies: c.anomalies,
    }));
}

export function rejectionRows(file: ImportFileReport): RejectionRow[] {
  return file.cells
    .filter((c) => c.status === 'rejected')
    .map((c) => {
      const { cell, reason } = splitReason(c);
      const note = periodNote(c, file);
      return {
        key: c.ref,
        cell,
        indicator: note ? `${c.indicatorName}（${note}）` : c.indicatorName,
        raw: c.raw,
        reason,
      };
    });
}

/** "已接受" with the counts, or main's reason for refusing the whole file. */
export function fileOutcome(file: ImportFileReport): string {
  if (file.status === 'refused') return file.message ?? '未导入';
  const c = file.counts;
  const parts = [`将写入 ${c.changed} 个数`];
  if (c.unchanged) parts.push(`与已有数相同 ${c.unchanged} 个`);
  if (c.rejected) parts.push(`未通过检查 ${c.rejected} 格`);
  if (c.blank) parts.push(`未填 ${c.blank} 项`);
  if (c.anomalies) parts.push(`异常提示 ${c.anomalies} 处`);
  return parts.join('，');
}
