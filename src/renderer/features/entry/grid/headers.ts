import type { Indicator } from '../../../../shared/schemas/indicator-system';
import type { RegionColumn } from './layout';

/** Texts of the grid's row and column headers. */

export function indicatorTitle(ind: Indicator): string {
  return `${ind.seq ? `${ind.seq} ` : ''}${ind.name}${ind.markers.join('')}`;
}

export function indicatorUnit(ind: Indicator): string {
  return ind.unit || '—';
}

/** Shown in a row or column head of a region. */
export function regionTitle(col: RegionColumn): string {
  if (col.special === 'province') return '全省平均';
  return col.region;
}
