import { AppError } from '../errors';
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

/**
 * What is contradictory in a list of milestones, in Chinese (empty when none): two periods ending in the
 * same month with different percentages (二季度 50% with 上半年 60%), the same period twice, or a later
 * milestone below an earlier one (they are cumulative shares of the annual target).
 */
export function milestoneProblems(milestones: readonly Milestone[]): string[] {
  const problems: string[] = [];
  const byMonth = new Map<number, Milestone>();
  const seen = new Set<string>();
  for (const m of milestones) {
    if (seen.has(m.period)) problems.push(`${milestoneName(m.period)}节点填了两次`);
    seen.add(m.period);
    const month = MILESTONE_MONTH[m.period];
    const existing = byMonth.get(month);
    if (existing && existing.period !== m.period && existing.percent !== m.percent) {
      problems.push(
        `进度节点矛盾：${milestoneName(existing.period)}为${formatPlain(existing.percent)}%，${milestoneName(m.period)}为${formatPlain(m.percent)}%，同一时点只能有一个进度`,
      );
    }
    if (!existing) byMonth.set(month, m);
  }
  const ordered = [...byMonth.entries()].sort(([a], [b]) => a - b).map(([, m]) => m);
  for (let i = 1; i < ordered.length; i++) {
    const prev = ordered[i - 1]!;
    const cur = ordered[i]!;
    if (cur.percent < prev.percent) {
      problems.push(
        `进度节点应逐期不减：${milestoneName(prev.period)}为${formatPlain(prev.percent)}%，${milestoneName(cur.period)}却为${formatPlain(cur.percent)}%`,
      );
    }
  }
  return problems;
}

function knotsOf(milestones: readonly Milestone[]): Knot[] {
  const problems = milestoneProblems(milestones).filter((p) => p.startsWith('进度节点矛盾'));
  if (problems.length)
    throw new AppError('BAD_INPUT', `${problems.join('；')}。请在“指标体系”中修改该指标的节点目标。`);
  const byMonth = new Map<number, Knot>();
  for (const m of milestones) {
    const month = MILESTONE_MONTH[m.period];
    if (!byMonth.has(month)) byMonth.set(month, { month, percent: m.percent, name: milestoneName(m.period) });
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
  if (!next || !prev) throw new AppError('INTERNAL', `找不到 ${month} 月前后的进度节点`);
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
