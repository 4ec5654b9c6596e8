import type { ImportAnomaly } from '../import-types';
import type { FigureValue } from '../schemas/figure';
import type { IndicatorKind } from '../schemas/indicator-system';
import { roundHalfUp } from './rounding';

/**
 * Plausibility warnings on a figure compared with the same region's previous period, and on a growth rate
 * beyond ±100 %. They never refuse a value (a real jump happens): the import preview shows them before
 * applying, and the 审核 (src/shared/review) lists them for the clerk to correct or confirm with a 说明.
 * The entry grid, the import and the check before export all call this one function.
 */
export interface AnomalyOptions {
  /** Relative change beyond which a level, count or per-unit figure is flagged (0.5 = 50%). */
  levelJumpRatio: number;
  /** Change in 个百分点 beyond which a growth rate or share is flagged. */
  rateJumpPoints: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { levelJumpRatio: 0.5, rateJumpPoints: 10 };

/** A growth rate beyond this (in %) is almost always a slip (1234.5 for 12.345, or a level typed as a rate). */
export const GROWTH_LIMIT_PERCENT = 100;

export interface AnomalyInput {
  kind: IndicatorKind;
  ytd: boolean;
  unit: string;
  value: number;
  previous: FigureValue | undefined;
  /** "2023年1—8月" */
  previousLabel: string;
  /** The period is the first of its kind in the year: a year-to-date figure restarts there. */
  firstOfYear: boolean;
  /**
   * Months elapsed at the end of this period and of the previous one (9 and 6 for 2023Q3 after 2023Q2).
   * A year-to-date total grows with the months: 1—9月 is naturally about 9/6 of 1—6月, so the jump of a
   * cumulative figure is measured against the previous figure carried forward at the same monthly pace.
   */
  months?: { now: number; previous: number };
  /**
   * For a rate that runs up through the year against milestones (开工率 30 % → 65 % → 85 %): the value
   * expected from the previous one at the milestones' pace; the jump is measured against it.
   */
  paced?: { expected: number; basis: string };
}

const isRate = (kind: IndicatorKind) => kind === 'growth' || kind === 'share';

function signed(x: number): string {
  return x > 0 ? `+${x}` : String(x);
}

export function detectAnomalies(
  input: AnomalyInput,
  options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS,
): ImportAnomaly[] {
  const { kind, ytd, unit, value, previous, previousLabel, firstOfYear } = input;
  const out: ImportAnomaly[] = [];
  if (kind === 'growth' && Math.abs(value) > GROWTH_LIMIT_PERCENT) {
    out.push({
      kind: 'growthRange',
      message: `增速 ${value}% 超出 ±${GROWTH_LIMIT_PERCENT}%，请核实是否多输了位数、小数点位置不对，或把总量填成了增速`,
    });
  }
  if (typeof previous !== 'number') return out;
  const shownPrevious = `${previousLabel}：${previous}${unit}`;
  const cumulative = ytd && !isRate(kind);
  if (isRate(kind)) {
    const against = input.paced ?? { expected: previous, basis: '' };
    const diff = roundHalfUp(value - against.expected, 2);
    if (Math.abs(diff) > options.rateJumpPoints) {
      const what = input.paced
        ? `较上期（${shownPrevious}）${input.paced.basis}的 ${roundHalfUp(input.paced.expected, 2)}${unit} `
        : `较上期（${shownPrevious}）`;
      out.push({
        kind: 'jump',
        message: `${what}变动 ${signed(diff)} 个百分点，超过 ${options.rateJumpPoints} 个百分点的提示线，请核实`,
      });
    }
  } else if (previous !== 0 && !(cumulative && firstOfYear)) {
    const paced = cumulative && input.months && input.months.previous > 0 && input.months.now > input.months.previous;
    const expected = paced && input.months ? (previous * input.months.now) / input.months.previous : previous;
    const ratio = (value - expected) / Math.abs(expected);
    if (Math.abs(ratio) > options.levelJumpRatio) {
      const against = paced
        ? `按上期累计数（${shownPrevious}）和时间进度折算的 ${roundHalfUp(expected, 2)}${unit}`
        : `上期（${shownPrevious}）`;
      out.push({
        kind: 'jump',
        message: `较${against}变动 ${signed(roundHalfUp(ratio * 100, 1))}%，超过 ${roundHalfUp(options.levelJumpRatio * 100, 1)}% 的提示线，请核实`,
      });
    }
  }
  if (previous !== 0 && value !== 0 && Math.sign(previous) !== Math.sign(value)) {
    out.push({ kind: 'signFlip', message: `与上期（${shownPrevious}）正负相反，请核实` });
  }
  // Only amounts and counts add up through the year; a per-unit figure (亩均税收, 人均收入, 能耗强度) is a
  // ratio of two running totals and may fall from one period to the next.
  const accumulates = ytd && (kind === 'level' || kind === 'count');
  if (accumulates && !firstOfYear && value < previous) {
    out.push({ kind: 'ytdDecrease', message: `累计数低于上期（${shownPrevious}），年内累计数通常不会减少，请核实` });
  }
  return out;
}
