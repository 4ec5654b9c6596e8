import type { Indicator } from '../../../shared/schemas/indicator-system';
import { applicableTargetOf } from '../../../shared/systems/accessors';
import { targetView, type TargetView } from '../../shared/target-view';

/** The target that applies to one cell: the district's decomposed target, or the system's (city) target. */
export interface CellTarget extends TargetView {
  scope: 'region' | 'system';
}

/**
 * The target for a region in a year: the region's decomposed target when the year has one for it, else
 * the system's annual target. 全省 has none (it is a reference, not a task).
 */
export function targetFor(ind: Indicator, region: string, year: string): CellTarget | null {
  const applicable = applicableTargetOf(ind, region, year);
  if (!applicable) return null;
  return { scope: applicable.scope, ...targetView(applicable.target, ind) };
}
