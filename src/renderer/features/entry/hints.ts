import type { Indicator, IndicatorSystem } from '../../../shared/schemas/indicator-system';
import { targetView, type TargetView } from '../../shared/target-view';

/** The target that applies to one cell: the district's decomposed target, or the system's (city) target. */
export interface CellTarget extends TargetView {
  scope: 'region' | 'system';
}

/**
 * The target for a region in a year: the region's decomposed target when the system has one for that
 * year, else the system's annual target. 全省 has none (it is a reference, not a task).
 */
export function targetFor(
  system: Pick<IndicatorSystem, 'regionTargetYear'>,
  ind: Indicator,
  region: string,
  year: string,
): CellTarget | null {
  if (region === '全省') return null;
  const byRegion = system.regionTargetYear === year ? ind.byRegion?.[region] : undefined;
  const raw = byRegion ?? ind.targets[year];
  if (raw === undefined) return null;
  return { scope: byRegion !== undefined ? 'region' : 'system', ...targetView(raw, ind) };
}
