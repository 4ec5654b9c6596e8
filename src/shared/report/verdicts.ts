import { roundHalfUp } from '../domain/rounding';
import { RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import type { NodeCheck } from './nodes';

/**
 * What can truthfully be said about one region's figure this period, decided once so every sentence, count and
 * table mark says the same (writing.md "Truth before style"): a target is judged only when there is a figure and a
 * target for the year that can be compared now; anything else is said to be not judged, with the reason.
 */
export type Verdict =
  | { kind: 'noFigure' }
  | { kind: 'notApplicable' }
  | { kind: 'noTarget' }
  /** The target is text that cannot be judged automatically, or waits for a reference figure. */
  | { kind: 'pending'; reason: string }
  /** A year-to-date total or per-unit figure that is judged against its target only at year end. */
  | { kind: 'notYet' }
  /** Compared with the year's target (the district's own for a district). */
  | { kind: 'target'; met: boolean }
  /** Completion rate against 序时进度 (before year end). */
  | { kind: 'progress'; standing: 'ahead' | 'level' | 'behind' }
  /** A milestone rate against the node due at the period's end. */
  | { kind: 'node'; met: boolean; node: NodeCheck };

/** A node is a share of the annual target due by then: reaching it or more is on track, whatever the direction. */
function nodeVerdict(res: IndicatorResult, node: NodeCheck): Verdict {
  return { kind: 'node', met: roundHalfUp(node.gap ?? 0, res.decimals) >= 0, node };
}

export function verdictOf(res: IndicatorResult, row: RegionResult): Verdict {
  if (row.value === null) return { kind: 'noFigure' };
  if (row.value === '/' || row.target === '/') return { kind: 'notApplicable' };
  if (row.target === null) return { kind: 'noTarget' };
  if (row.node && !row.targetEval && row.node.gap !== undefined) return nodeVerdict(res, row.node);
  const ev = row.targetEval;
  if (ev) {
    switch (ev.status) {
      case 'met':
      case 'notMet':
        return { kind: 'target', met: ev.status === 'met' };
      case 'pending':
        return { kind: 'pending', reason: ev.reason };
      case 'noData':
        return { kind: 'noFigure' };
      case 'notApplicable':
        return { kind: 'notApplicable' };
    }
  }
  if (row.completion?.ok && row.aheadPp !== null) {
    const ahead = roundHalfUp(row.aheadPp, RATE_DECIMALS);
    return { kind: 'progress', standing: ahead > 0 ? 'ahead' : ahead < 0 ? 'behind' : 'level' };
  }
  if (row.completion && !row.completion.ok) return { kind: 'pending', reason: row.completion.reason };
  return { kind: 'notYet' };
}

/** On track: target met, not behind time progress, or the node reached. */
export function isOnTrack(v: Verdict): boolean {
  return (
    (v.kind === 'target' && v.met) || (v.kind === 'progress' && v.standing !== 'behind') || (v.kind === 'node' && v.met)
  );
}

/** Lagging: target missed, behind time progress, or below the node. */
export function isLagging(v: Verdict): boolean {
  return (
    (v.kind === 'target' && !v.met) ||
    (v.kind === 'progress' && v.standing === 'behind') ||
    (v.kind === 'node' && !v.met)
  );
}

/** The 全市 row of a result. */
export function cityRow(res: IndicatorResult): RegionResult | undefined {
  return res.rows.find((r) => r.isTotal);
}

/** The district rows, in official order. */
export function districtRows(res: IndicatorResult): RegionResult[] {
  return res.rows.filter((r) => !r.isTotal);
}
