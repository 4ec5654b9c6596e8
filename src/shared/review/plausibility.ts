import type { AnomalyInput } from '../domain/figure-anomalies';
import { formatPlain } from '../domain/format';
import { periodTitle } from '../domain/period-labels';
import { isFirstOfYear, monthsElapsed, parsePeriod, previousPeriod } from '../domain/periods';
import { timeProgress } from '../domain/progress';
import type { FigureValue } from '../schemas/figure';
import type { Indicator } from '../schemas/indicator-system';
import { milestonesOf, regionTargetOf, TOTAL_REGION } from '../systems/accessors';

/**
 * What the plausibility rules (detectAnomalies) are given for one figure. The import preview and the 审核
 * both build it here, so a figure typed in the grid and the same figure in a returned form are judged
 * alike. Where the plan sets milestones (节点) the expected change follows them rather than the months:
 * a start rate going from 30 % to 65 % between the first two quarter-ends is the plan, not a jump.
 */
export function plausibilityInput(
  ind: Indicator,
  key: string,
  region: string,
  value: number,
  previous: FigureValue | undefined,
): AnomalyInput {
  const p = parsePeriod(key);
  const prev = previousPeriod(p);
  const base: AnomalyInput = {
    kind: ind.kind,
    ytd: ind.ytd,
    unit: ind.unit,
    value,
    previous: previous ?? null,
    previousLabel: periodTitle(prev),
    firstOfYear: isFirstOfYear(p),
    months: { now: monthsElapsed(p), previous: monthsElapsed(prev) },
  };
  const year = String(p.year);
  const milestones = milestonesOf(ind, year, region);
  if (milestones.length === 0) return base;
  let now: number;
  let before: number;
  try {
    now = timeProgress(p, milestones).percent;
    before = isFirstOfYear(p) ? 0 : timeProgress(prev, milestones).percent;
  } catch {
    // Contradictory milestones are reported by the system check; judge by months meanwhile.
    return base;
  }
  const rate = ind.kind === 'growth' || ind.kind === 'share';
  if (!rate) return ind.ytd ? { ...base, months: { now, previous: before } } : base;
  const target = regionTargetOf(ind, region, year) ?? regionTargetOf(ind, TOTAL_REGION, year);
  if (typeof target !== 'number' || typeof previous !== 'number') return base;
  const start = isFirstOfYear(p) ? 0 : previous;
  return {
    ...base,
    paced: {
      expected: start + ((now - before) / 100) * target,
      basis: `按进度节点（${formatPlain(before, 1)}%→${formatPlain(now, 1)}%）推算`,
    },
  };
}
