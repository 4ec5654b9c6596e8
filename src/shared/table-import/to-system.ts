import type { IndicatorSystemInput, Milestone, TargetValue } from '../schemas/indicator-system';
import { TOTAL_REGION } from '../schemas/region';
import type { TableRead, TableRow } from './types';

export interface SystemMeta {
  id: string;
  title: string;
  city: string;
  /** The city's regions in official order: the system lists its regions in this order. */
  regionOrder: string[];
  /** The file the table came from (or 粘贴的表格): recorded as every row's source. */
  file: string;
  /** Regions of a system whose table has no district columns (the workspace's). */
  defaultRegions: string[];
}

const SLUG = /^[a-z0-9][a-z0-9-]*$/;

/** Ids for the rows: the table's own 指标编号 when valid and unique (a system exported by the app), else ind-NN. */
function indicatorIds(rows: TableRow[]): Map<number, string> {
  const taken = new Set<string>();
  const ids = new Map<number, string>();
  for (const r of rows) {
    if (r.id && SLUG.test(r.id) && !taken.has(r.id)) {
      ids.set(r.row, r.id);
      taken.add(r.id);
    }
  }
  let n = 0;
  const width = Math.max(2, String(rows.length).length);
  for (const r of rows) {
    if (ids.has(r.row)) continue;
    let id: string;
    do id = `ind-${String(++n).padStart(width, '0')}`;
    while (taken.has(id));
    ids.set(r.row, id);
    taken.add(id);
  }
  return ids;
}

/**
 * The one place a read table becomes an indicator system (format version 2): targets, district targets
 * and milestones by year; 全市's column of a 分解表 is the year's target of the whole system. `years` is
 * left for the loader's normalisation to derive.
 */
export function toIndicatorSystem(table: TableRead, meta: SystemMeta): IndicatorSystemInput {
  const rows = table.rows.filter((r) => r.include);
  const ids = indicatorIds(rows);
  const categories: { id: string; name: string }[] = [];
  const categoryId = (name: string): string => {
    let c = categories.find((x) => x.name === name);
    if (!c) categories.push((c = { id: `cat-${categories.length + 1}`, name }));
    return c.id;
  };
  const indicators = rows.map((r) => {
    const targets: Record<string, TargetValue> = {};
    for (const [y, t] of Object.entries(r.targets)) targets[y] = t.value;
    const regionTargets: Record<string, Record<string, TargetValue>> = {};
    for (const [y, byRegion] of Object.entries(r.regionTargets)) {
      const districts = Object.entries(byRegion).filter(([region]) => region !== TOTAL_REGION);
      if (districts.length > 0) regionTargets[y] = Object.fromEntries(districts.map(([k, t]) => [k, t.value]));
    }
    const milestones: Record<string, Milestone[]> = {};
    for (const [y, list] of Object.entries(r.milestones)) if (list.length > 0) milestones[y] = list;
    const parent = r.parentRow !== undefined ? ids.get(r.parentRow) : undefined;
    return {
      id: ids.get(r.row) ?? '',
      ...(r.seq ? { seq: r.seq } : {}),
      name: r.name,
      unit: r.unit,
      ...(r.category ? { category: categoryId(r.category) } : {}),
      markers: r.markers,
      responsible: r.responsible,
      kind: r.kind.value,
      direction: r.direction.value,
      decimals: r.decimals.value,
      cityIsSumOfRegions: r.cityIsSumOfRegions.value,
      frequency: r.frequency.value,
      ytd: r.ytd.value,
      rankBy: r.rankBy.value,
      ...(r.nature ? { nature: r.nature } : {}),
      ...(parent ? { parent } : {}),
      targets,
      regionTargets,
      milestones,
      ...(r.base ? { base: r.base } : {}),
      ...(r.growthTarget ? { growthTarget: r.growthTarget } : {}),
      notes: r.notes,
      source: { file: meta.file, lines: [r.row] },
    };
  });
  // The format keeps a legend only with all three markers; a partial one stays a footnote as printed.
  const legend = table.markerLegend;
  const fullLegend =
    legend['※'] && legend['★'] && legend['☆'] ? { '※': legend['※'], '★': legend['★'], '☆': legend['☆'] } : null;
  const footnotes = table.footnotes.filter((f) => fullLegend === null || f.row !== table.markerLegendRow);
  return {
    formatVersion: 2,
    id: meta.id,
    title: meta.title,
    document: { title: meta.title },
    city: meta.city,
    ...(fullLegend ? { markerLegend: fullLegend } : {}),
    regions:
      table.regions.length > 0
        ? meta.regionOrder.filter((r) => table.regions.includes(r))
        : meta.regionOrder.filter((r) => meta.defaultRegions.includes(r)),
    categories,
    indicators,
    footnotes: footnotes.map((f) => ({ text: f.text, source: { file: meta.file, lines: [f.row] } })),
  };
}
