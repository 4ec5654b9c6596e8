import type { Frequency, Indicator, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import { cityTargetOf, hasRegionTargets, isArchived } from '../../../shared/systems/accessors';

/** The 指标体系 list's search and filters (83-row systems are long). */
export interface IndicatorFilter {
  /** Words to find in the name, 序号, unit, 责任单位 or id; all must match. */
  text: string;
  category: string;
  frequency: Frequency | '';
  /** Whether the year has a target: any, with a 全市 target, without one, decomposed to districts. */
  target: '' | 'with' | 'without' | 'districts';
  /** Show archived indicators (停用) instead of those in use. */
  archived: boolean;
}

export const EMPTY_FILTER: IndicatorFilter = { text: '', category: '', frequency: '', target: '', archived: false };

function haystack(ind: Indicator): string {
  return [ind.name, ind.seq ?? '', ind.unit, ind.id, ...ind.responsible, ...ind.markers].join(' ').toLowerCase();
}

export function matchesFilter(ind: Indicator, filter: IndicatorFilter, year: string): boolean {
  if (isArchived(ind) !== filter.archived) return false;
  if (filter.category && (filter.category === '-' ? ind.category !== undefined : ind.category !== filter.category))
    return false;
  if (filter.frequency && ind.frequency !== filter.frequency) return false;
  if (filter.target === 'with' && cityTargetOf(ind, year) === null) return false;
  if (filter.target === 'without' && cityTargetOf(ind, year) !== null) return false;
  if (filter.target === 'districts' && !hasRegionTargets(ind, year)) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack(ind);
  return words.every((w) => text.includes(w));
}

/** The indicators shown, in file order. */
export function filterIndicators(system: IndicatorSystem, filter: IndicatorFilter, year: string): Indicator[] {
  return system.indicators.filter((ind) => matchesFilter(ind, filter, year));
}

export function isFiltering(filter: IndicatorFilter): boolean {
  return filter.text.trim() !== '' || filter.category !== '' || filter.frequency !== '' || filter.target !== '';
}
