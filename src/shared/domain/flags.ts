import type { FigureValue } from '../schemas/figure';
import type { Direction } from '../schemas/indicator-system';
import { roundHalfUp } from './rounding';
import type { TargetStatus } from './target-eval';

/**
 * Warning and progress flags of a district's figure (亮晒 marks, the seeds' 约谈 rule "指标进度落后或低于
 * 全省平均"). Comparisons are made as the reader sees them:
 * - progress: the difference 完成率 − 序时进度 from unrounded values, rounded once to `progressDecimals`
 *   (the same number progressPhrase prints); a difference that rounds to zero raises neither flag;
 * - province and city: the figure and the reference each at the published precision `decimals`.
 * For a lower-is-better indicator "below" means worse: the flag id stays 'belowProvince' and its label
 * states the fact ("高于全省平均").
 */

export type FlagId = 'behindProgress' | 'aheadOfProgress' | 'belowTarget' | 'belowProvince' | 'belowCity';

export interface StatusFlag {
  id: FlagId;
  /** Chinese label for the table and the briefing. */
  label: string;
}

export interface FlagInput {
  direction: Direction;
  /** Published precision of `value`, `province` and `city`. */
  decimals: number;
  /** The figure compared with province and city (the value, or the growth rate when they are growth rates). */
  value: FigureValue;
  province?: number | null;
  city?: number | null;
  /** Completion rate in percent, unrounded. */
  completionRate?: number | null;
  /** Time progress in percent, unrounded. */
  timeProgress?: number | null;
  /** Precision of the progress comparison; 1 unless the table prints otherwise. */
  progressDecimals?: number;
  targetStatus?: TargetStatus;
}

export const FLAG_LABELS: Record<FlagId, string> = {
  behindProgress: '落后序时进度',
  aheadOfProgress: '超序时进度',
  belowTarget: '未达目标',
  belowProvince: '低于全省平均',
  belowCity: '低于全市',
};

const LOWER_IS_BETTER_LABELS: Partial<Record<FlagId, string>> = {
  belowProvince: '高于全省平均',
  belowCity: '高于全市',
};

function flag(id: FlagId, direction: Direction): StatusFlag {
  const label = direction === 'lower' ? (LOWER_IS_BETTER_LABELS[id] ?? FLAG_LABELS[id]) : FLAG_LABELS[id];
  return { id, label };
}

/** True when `a` is worse than `b` at the precision, for the direction. */
function worse(a: number, b: number, decimals: number, direction: Direction): boolean {
  const ra = roundHalfUp(a, decimals);
  const rb = roundHalfUp(b, decimals);
  return direction === 'higher' ? ra < rb : ra > rb;
}

/** Flags in a fixed order: progress, target, province, city. */
export function statusFlags(input: FlagInput): StatusFlag[] {
  const flags: StatusFlag[] = [];
  const { direction, decimals } = input;
  if (typeof input.completionRate === 'number' && typeof input.timeProgress === 'number') {
    const ahead = roundHalfUp(input.completionRate - input.timeProgress, input.progressDecimals ?? 1);
    if (ahead < 0) flags.push(flag('behindProgress', direction));
    else if (ahead > 0) flags.push(flag('aheadOfProgress', direction));
  }
  if (input.targetStatus === 'notMet') flags.push(flag('belowTarget', direction));
  const value = input.value;
  if (typeof value === 'number') {
    if (typeof input.province === 'number' && worse(value, input.province, decimals, direction)) {
      flags.push(flag('belowProvince', direction));
    }
    if (typeof input.city === 'number' && worse(value, input.city, decimals, direction)) {
      flags.push(flag('belowCity', direction));
    }
  }
  return flags;
}
