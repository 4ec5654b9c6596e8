import type { Indicator, IndicatorSystem } from '../../../../shared/schemas/indicator-system';
import { groupIndicators } from '../../../shared/group-indicators';

/**
 * The grid's shape: which indicators and regions, in which orientation, with category header rows.
 * Data coordinates (row, col) count cells only; display rows also count the category headers.
 */

export interface CellRef {
  indicatorId: string;
  region: string;
}

export interface RegionColumn {
  region: string;
  /** 全市 and 全省 are shown differently from districts. */
  special: 'city' | 'province' | null;
}

export type DisplayRow = { kind: 'group'; label: string } | { kind: 'data'; dataRow: number };

export interface GridLayout {
  transposed: boolean;
  indicators: Indicator[];
  regions: RegionColumn[];
  /** Display rows top to bottom (category headers only in the normal orientation). */
  displayRows: DisplayRow[];
  /** Display row of each data row. */
  displayRowOf: number[];
  rows: number;
  cols: number;
  /** Position of each indicator and region along its axis, for finding a cell's row and column quickly. */
  indicatorIndex: ReadonlyMap<string, number>;
  regionIndex: ReadonlyMap<string, number>;
}

export function cellKey(c: CellRef): string {
  return `${c.indicatorId}\u0001${c.region}`;
}

export function cellAt(layout: GridLayout, row: number, col: number): CellRef | null {
  const [i, r] = layout.transposed ? [col, row] : [row, col];
  const indicator = layout.indicators[i];
  const region = layout.regions[r];
  return indicator && region ? { indicatorId: indicator.id, region: region.region } : null;
}

/** The data position of a cell, or null when it is not in the grid. */
export function positionOf(layout: GridLayout, cell: CellRef): { row: number; col: number } | null {
  const i = layout.indicatorIndex.get(cell.indicatorId);
  const r = layout.regionIndex.get(cell.region);
  if (i === undefined || r === undefined) return null;
  return layout.transposed ? { row: r, col: i } : { row: i, col: r };
}

/** Columns: 全市 first, then the districts in official order, then 全省 when asked for. */
export function regionColumns(regions: readonly string[], showProvince: boolean): RegionColumn[] {
  const out: RegionColumn[] = [{ region: '全市', special: 'city' }];
  for (const r of regions) if (r !== '全市' && r !== '全省') out.push({ region: r, special: null });
  if (showProvince) out.push({ region: '全省', special: 'province' });
  return out;
}

export function buildLayout(input: {
  system: Pick<IndicatorSystem, 'categories'>;
  indicators: readonly Indicator[];
  regions: RegionColumn[];
  transposed: boolean;
}): GridLayout {
  const groups = groupIndicators(input.system, input.indicators);
  const indicators = groups.flatMap((g) => g.indicators);
  const displayRows: DisplayRow[] = [];
  const displayRowOf: number[] = [];
  if (input.transposed) {
    input.regions.forEach((_, r) => {
      displayRowOf.push(displayRows.length);
      displayRows.push({ kind: 'data', dataRow: r });
    });
  } else {
    let dataRow = 0;
    for (const g of groups) {
      if (g.label !== null) displayRows.push({ kind: 'group', label: g.label });
      for (let k = 0; k < g.indicators.length; k++) {
        displayRowOf.push(displayRows.length);
        displayRows.push({ kind: 'data', dataRow: dataRow++ });
      }
    }
  }
  return {
    transposed: input.transposed,
    indicators,
    regions: input.regions,
    displayRows,
    displayRowOf,
    rows: input.transposed ? input.regions.length : indicators.length,
    cols: input.transposed ? indicators.length : input.regions.length,
    indicatorIndex: new Map(indicators.map((ind, i) => [ind.id, i])),
    regionIndex: new Map(input.regions.map((r, i) => [r.region, i])),
  };
}
