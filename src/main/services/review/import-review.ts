import type { ReviewItem } from '../../../shared/api-types';
import type { ImportPreview } from '../../../shared/import-types';
import { ANOMALY_RULES } from '../../../shared/review/rules';
import type { FigureValue } from '../../../shared/schemas/figure';
import type { Workspace } from '../storage/workspace';
import { overlayKey, reviewPeriod } from './review-service';

const PER_CELL_RULES = new Set<string>(Object.values(ANOMALY_RULES));

/**
 * The 审核 of the figures as an import would leave them: the rules that look across cells (全市 against the
 * districts, 同一数据 in two systems) on the stored figures with the preview's values laid over. The rules
 * on one figure against its previous period are the preview's per-cell anomalies already (the same
 * function), so only findings touching a cell of the import and looking across cells are returned.
 */
export async function reviewOfImport(ws: Workspace, preview: ImportPreview): Promise<ReviewItem[]> {
  const overlay = new Map<string, FigureValue>();
  const touched = new Set<string>();
  const periods = new Set<string>();
  for (const file of preview.files) {
    if (file.status !== 'accepted' || !file.period) continue;
    periods.add(file.period);
    for (const c of file.cells) {
      if (c.status !== 'changed') continue;
      const key = overlayKey(c.period, c.systemId, c.indicatorId, c.region);
      overlay.set(key, c.new);
      touched.add(key);
    }
  }
  if (touched.size === 0) return [];
  const out = new Map<string, ReviewItem>();
  for (const period of [...periods].sort()) {
    const report = await reviewPeriod(ws, period, overlay);
    for (const item of report.items) {
      if (PER_CELL_RULES.has(item.ruleId) || out.has(item.key)) continue;
      const cells = [item.cell, ...item.values.flatMap((v) => (v.cell ? [v.cell] : []))];
      if (cells.some((c) => touched.has(overlayKey(c.period, c.systemId, c.indicatorId, c.region))))
        out.set(item.key, item);
    }
  }
  return [...out.values()];
}
