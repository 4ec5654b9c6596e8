import type { IndicatorSystem, IndicatorSystemInput, TargetValue } from '../schemas/indicator-system';
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
  const width = String(rows.length).length < 2 ? 2 : String(rows.length).length;
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
 * The one place a read table becomes an indicator system (format version 1). District targets are kept
 * for one year, the system's regionTargetYear: the year with the most of them (the latest on a tie).
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
  const regionYears = new Map<string, number>();
  for (const r of rows)
    for (const [y, byRegion] of Object.entries(r.regionTargets))
      regionYears.set(y, (regionYears.get(y) ?? 0) + Object.keys(byRegion).length);
  const regionTargetYear = [...regionYears.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0];
  let hasByRegion = false;
  const years = new Set<string>();
  const indicators = rows.map((r) => {
    const targets: Record<string, TargetValue> = {};
    for (const [y, t] of Object.entries(r.targets)) {
      targets[y] = t.value;
      years.add(y);
    }
    const byRegionRead = regionTargetYear ? r.regionTargets[regionTargetYear] : undefined;
    let byRegion: Record<string, TargetValue> | undefined;
    if (byRegionRead && Object.keys(byRegionRead).length > 0) {
      byRegion = {};
      for (const [region, t] of Object.entries(byRegionRead)) byRegion[region] = t.value;
      hasByRegion = true;
      if (regionTargetYear) years.add(regionTargetYear);
    }
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
      ...(r.base ? { base: r.base } : {}),
      ...(r.growthTarget ? { growthTarget: r.growthTarget } : {}),
      ...(byRegion ? { byRegion } : {}),
      ...(r.milestones ? { milestones: r.milestones } : {}),
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
    formatVersion: 1,
    id: meta.id,
    title: meta.title,
    document: { title: meta.title, seedFile: meta.file },
    city: meta.city,
    years: years.size > 0 ? [...years].sort() : [table.year],
    ...(fullLegend ? { markerLegend: fullLegend } : {}),
    regions:
      table.regions.length > 0
        ? meta.regionOrder.filter((r) => table.regions.includes(r))
        : meta.regionOrder.filter((r) => meta.defaultRegions.includes(r)),
    ...(regionTargetYear && hasByRegion ? { regionTargetYear } : {}),
    categories,
    indicators,
    footnotes: footnotes.map((f) => ({ text: f.text, source: { file: meta.file, lines: [f.row] } })),
  };
}

/** Region target years a format-1 system cannot keep (all but its regionTargetYear). */
export function droppedRegionYears(table: TableRead, system: Pick<IndicatorSystem, 'regionTargetYear'>): string[] {
  const years = new Set<string>();
  for (const r of table.rows) if (r.include) for (const y of Object.keys(r.regionTargets)) years.add(y);
  return [...years].filter((y) => y !== system.regionTargetYear).sort();
}
