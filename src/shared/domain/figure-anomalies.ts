import type { ImportAnomaly } from '../import-types';
import type { FigureValue } from '../schemas/figure';
import type { IndicatorKind } from '../schemas/indicator-system';
import { roundHalfUp } from './rounding';

/**
 * Plausibility warnings on a figure compared with the same region's previous period. They never block
 * a value (a real jump happens); they ask the clerk to confirm before applying an import.
 */
export interface AnomalyOptions {
  /** Relative change beyond which a level, count or per-unit figure is flagged (0.5 = 50%). */
  levelJumpRatio: number;
  /** Change in 个百分点 beyond which a growth rate or share is flagged. */
  rateJumpPoints: number;
}

export const DEFAULT_ANOMALY_OPTIONS: AnomalyOptions = { levelJumpRatio: 0.5, rateJumpPoints: 10 };

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
  if (typeof previous !== 'number') return [];
  const shownPrevious = `${previousLabel}：${previous}${unit}`;
  const out: ImportAnomaly[] = [];
  const cumulative = ytd && !isRate(kind);
  if (isRate(kind)) {
    const diff = roundHalfUp(value - previous, 2);
    if (Math.abs(diff) > options.rateJumpPoints) {
      out.push({
        kind: 'jump',
        message: `较上期（${shownPrevious}）变动 ${signed(diff)} 个百分点，超过 ${options.rateJumpPoints} 个百分点的提示线，请核实`,
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
  if (cumulative && !firstOfYear && value < previous) {
    out.push({ kind: 'ytdDecrease', message: `累计数低于上期（${shownPrevious}），年内累计数通常不会减少，请核实` });
  }
  return out;
}
