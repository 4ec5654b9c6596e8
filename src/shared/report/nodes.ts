import { quarterName } from '../domain/period-labels';
import { timeProgress } from '../domain/progress';
import { endMonth, type Period } from '../domain/periods';
import type { FigureValue } from '../schemas/figure';
import type { Milestone, TargetValue } from '../schemas/indicator-system';

/**
 * A rate with quarterly milestones (开工率 一季度30%、二季度65%、三季度85%、全年100%) is judged at each node against
 * what is due then: the node's share of the annual target, in the indicator's own unit ("开工率86.9%，高于85%的
 * 节点目标1.9个百分点"). Between two nodes the due share is interpolated and the text says 序时进度, not 节点.
 */
export interface NodeCheck {
  /** True when the period ends on a node (a quarter or half-year end the plan sets, or the year end). */
  exact: boolean;
  /** "三季度末", "上半年末", "年末"; for an interpolated share, the period's month ("10月末"). */
  name: string;
  /** Share of the annual target due, in percent. */
  percent: number;
  /** The figure due, in the indicator's unit (target × percent ÷ 100). */
  due: number;
  /** Figure − due, unrounded; absent when there is no figure. */
  gap?: number;
}

const MILESTONE_MONTH: Record<Milestone['period'], number> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, H1: 6, H2: 12 };

function nodeName(month: number, milestones: readonly Milestone[]): string {
  if (month === 12) return '年末';
  const here = milestones.filter((m) => MILESTONE_MONTH[m.period] === month);
  if (here.some((m) => m.period === 'H1') && !here.some((m) => m.period === 'Q2')) return '上半年末';
  if (month % 3 === 0) return `${quarterName((month / 3) as 1 | 2 | 3 | 4)}季度末`;
  return `${month}月末`;
}

/** The node due at the end of the period, and the figure against it; null without a positive numeric target. */
export function nodeCheck(
  period: Period,
  milestones: readonly Milestone[],
  value: FigureValue,
  target: TargetValue | null,
): NodeCheck | null {
  if (typeof target !== 'number' || !(target > 0) || milestones.length === 0) return null;
  const month = endMonth(period);
  const progress = timeProgress(period, milestones);
  const exact = month === 12 || milestones.some((m) => MILESTONE_MONTH[m.period] === month);
  const due = (target * progress.percent) / 100;
  return {
    exact,
    name: nodeName(month, milestones),
    percent: progress.percent,
    due,
    ...(typeof value === 'number' ? { gap: value - due } : {}),
  };
}
