import type { FigureValue } from '../schemas/figure';
import { formatFixed } from './rounding';

export { formatFixed } from './rounding';

/** Printed for a missing figure, an unranked region or a meaningless result (统计表惯例的“—”). */
export const DASH = '\u2014';

/** A figure as printed in a table: the number at its precision, "/" when not applicable, "—" when missing. */
export function formatFigure(value: FigureValue, decimals: number): string {
  if (value === null) return DASH;
  if (value === '/') return '/';
  return formatFixed(value, decimals);
}

/** A percentage with its sign: 97.158 at 1 decimal → "97.2%". */
export function formatPercent(value: number, decimals: number): string {
  return formatFixed(value, decimals) + '%';
}

/** A rank as printed in a 位次 column: the number, or "—" when not ranked. */
export function formatRank(rank: number | null): string {
  return rank === null ? DASH : String(rank);
}

/**
 * A number from a target text or a parameter, printed as plainly as it was written: no trailing zeros,
 * at most `maxDecimals` places (6 → "6", 0.011 → "0.011", 4.750 → "4.75").
 */
export function formatPlain(value: number, maxDecimals = 4): string {
  const text = formatFixed(value, maxDecimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
