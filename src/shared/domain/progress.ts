import type { Milestone } from '../schemas/indicator-system';
import { formatPlain } from './format';
import { quarterName } from './period-labels';
import { monthsElapsed, type Period } from './periods';

/**
 * 序时进度 (time progress) in percent of the annual target due by the end of a period.
 *
 * Without milestones: N/12 × 100 after month N (75 after 1—9月).
 * With milestones (Q1..Q4 or H1/H2, each the percent of the annual target due by the end of that quarter
 * or half): at a milestone's month-end, that milestone; between two milestone month-ends, a linear
 * interpolation by months from the previous milestone to the next one, starting from 0 at the beginning
 * of the year; 100 at year-end when no Q4/H2 milestone is given. The note says which rule applied.
 */

export interface TimeProgress {
  /** Unrounded percent. */
  percent: number;
  basis: 'months' | 'milestone';
  /** Chinese note for the table's footnote or a tooltip. */
  note: string;
}

const MILESTONE_MONTH: Record<Milestone['period'], number> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, H1: 6, H2: 12 };

function milestoneName(period: Milestone['period']): string {
  switch (period) {
    case 'H1':
      return '上半年末';
    case 'H2':
      return '年末';
    default:
      return `${quarterName(Number(period.slice(1)) as 1 | 2 | 3 | 4)}季度末`;
  }
}

interface Knot {
  month: number;
  percent: number;
  name: string;
}

/** "年初（0%）", "一季度末节点（30%）", "年末（100%）". */
function knotLabel(k: Knot): string {
  const suffix = k.month === 0 || k.name === '年末' ? '' : '节点';
  return `${k.name}${suffix}（${formatPlain(k.percent)}%）`;
}

function knotsOf(milestones: readonly Milestone[]): Knot[] {
  const byMonth = new Map<number, Knot>();
  for (const m of milestones) {
    const month = MILESTONE_MONTH[m.period];
    const existing = byMonth.get(month);
    if (existing && existing.percent !== m.percent) {
      throw new Error(
        `进度节点矛盾：${existing.name}为${formatPlain(existing.percent)}%，${milestoneName(m.period)}为${formatPlain(m.percent)}%`,
      );
    }
    if (!existing) byMonth.set(month, { month, percent: m.percent, name: milestoneName(m.period) });
  }
  if (!byMonth.has(12)) byMonth.set(12, { month: 12, percent: 100, name: '年末' });
  return [{ month: 0, percent: 0, name: '年初' }, ...[...byMonth.values()].sort((a, b) => a.month - b.month)];
}

/** Time progress at the end of the period, from months elapsed or from the plan's milestones. */
export function timeProgress(period: Period, milestones?: readonly Milestone[]): TimeProgress {
  const month = monthsElapsed(period);
  if (!milestones || milestones.length === 0) {
    return { percent: (month / 12) * 100, basis: 'months', note: `序时进度按已过月数计算（${month}÷12）` };
  }
  const knots = knotsOf(milestones);
  const exact = knots.find((k) => k.month === month);
  if (exact) {
    return { percent: exact.percent, basis: 'milestone', note: `序时进度取${knotLabel(exact)}` };
  }
  const nextIndex = knots.findIndex((k) => k.month > month);
  const next = knots[nextIndex];
  const prev = knots[nextIndex - 1];
  if (!next || !prev) throw new Error(`内部错误：找不到 ${month} 月前后的进度节点`);
  const percent = prev.percent + ((next.percent - prev.percent) * (month - prev.month)) / (next.month - prev.month);
  return {
    percent,
    basis: 'milestone',
    note: `序时进度在${knotLabel(prev)}与${knotLabel(next)}之间按月线性插值`,
  };
}

/** 完成率 − 序时进度 in 个百分点, unrounded (positive: ahead). Round once when printing (§3.4). */
export function aheadOfProgress(ratePercent: number, progressPercent: number): number {
  return ratePercent - progressPercent;
}
