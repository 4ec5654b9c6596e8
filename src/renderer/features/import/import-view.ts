import type { ReviewItem } from '../../../shared/api-types';
import type { ImportFileCounts, ImportFileReport, ImportPreview } from '../../../shared/import-types';

/**
 * One import as the page shows it: the previews of the requests a selection was sent in, plus the files
 * refused before sending. Apply sends all preview ids together, so main checks them as one import.
 */
export interface ImportView {
  previewIds: string[];
  files: ImportFileReport[];
  totals: ImportFileCounts & { files: number; refusedFiles: number };
  /** The earliest expiry of the previews: after it, apply is refused. */
  expiresAt: string | null;
  /** Files of one region and period that arrived in different requests (main refuses such an import). */
  conflicts: string[];
  /** The 审核 across cells of the figures as the import would leave them. */
  review: ReviewItem[];
}

export function mergePreviews(
  previews: readonly ImportPreview[],
  refusedLocally: readonly ImportFileReport[] = [],
): ImportView {
  const files = [...previews.flatMap((p) => p.files), ...refusedLocally];
  const totals = {
    files: files.length,
    refusedFiles: 0,
    unchanged: 0,
    changed: 0,
    rejected: 0,
    blank: 0,
    anomalies: 0,
  };
  for (const f of files) {
    for (const k of ['unchanged', 'changed', 'rejected', 'blank', 'anomalies'] as const) totals[k] += f.counts[k];
    if (f.status === 'refused') totals.refusedFiles++;
  }
  const expiries = previews.map((p) => p.expiresAt).sort();
  return {
    previewIds: previews.map((p) => p.id),
    files,
    totals,
    expiresAt: expiries[0] ?? null,
    conflicts: crossBatchConflicts(previews),
    review: [...new Map(previews.flatMap((p) => p.review).map((r) => [r.key, r])).values()],
  };
}

function crossBatchConflicts(previews: readonly ImportPreview[]): string[] {
  const seen = new Map<string, { file: string; batch: number }>();
  const out: string[] = [];
  previews.forEach((p, batch) => {
    for (const f of p.files) {
      if (f.status !== 'accepted' || !f.region || !f.period) continue;
      const key = `${f.region}\u0000${f.period}`;
      const other = seen.get(key);
      if (other && other.batch !== batch)
        out.push(`“${other.file}”和“${f.file}”都是${f.region}${f.periodTitle ?? f.period}的填报表`);
      else seen.set(key, { file: f.file, batch });
    }
  });
  return out;
}

/** What apply would write, for the confirm dialog: regions, periods and counts. */
export function applySummary(view: ImportView, excluded = 0): string {
  const accepted = view.files.filter((f) => f.status === 'accepted' && f.counts.changed > 0);
  const regions = [...new Set(accepted.map((f) => f.region ?? f.file))];
  const periods = [...new Set(accepted.map((f) => f.periodTitle ?? f.period ?? ''))].filter(Boolean);
  const t = view.totals;
  const parts = [
    `将把 ${regions.join('、')} 共 ${regions.length} 个区县的 ${t.changed - excluded} 个数写入工作区（${periods.join('、')}）。`,
  ];
  if (excluded > 0) parts.push(`选为“不导入”的 ${excluded} 个数不写入，该区县本期不算报齐。`);
  if (t.rejected > 0) parts.push(`未通过检查的 ${t.rejected} 格不写入。`);
  if (t.refusedFiles > 0) parts.push(`被拒绝的 ${t.refusedFiles} 个文件不导入。`);
  if (t.anomalies > 0) parts.push(`有 ${t.anomalies} 处异常提示，请确认已经核实。`);
  const errors = view.review.filter((r) => r.level === '错误').length;
  if (errors > 0) parts.push(`导入后有 ${errors} 条审核错误，导出文稿前须改正或说明确认。`);
  parts.push('写入后可在“数据填报”的修改记录中查看和恢复。确定导入吗？');
  return parts.join('');
}

/** "00:31" in the clerk's local time: when a preview or a download stops working. */
export function clockText(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const clock = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return d.toDateString() === now.toDateString() ? clock : `${d.getMonth() + 1}月${d.getDate()}日 ${clock}`;
}
