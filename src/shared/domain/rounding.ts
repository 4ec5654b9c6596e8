/**
 * Decimal-correct rounding, half away from zero ("四舍五入"), as statistical tables print.
 *
 * Binary floating point cannot hold 1.005 or 13.865 exactly, so `Math.round(x * 100) / 100` gives 1 and
 * 13.86. Here a number is first written as its decimal digits, reduced to 15 significant digits (what a
 * double carries reliably; this also removes arithmetic noise such as 0.1 + 0.2 = 0.30000000000000004 or
 * 2.4499999999999997 for 2.45), and those digits are rounded. Negative values round away from zero
 * (-1.25 → -1.3), and a result of zero never carries a sign.
 */

const SIGNIFICANT_DIGITS = 15;
const MAX_DECIMALS = 12;

/** Decimal digits of |x| as an integer string and the power of ten of its last digit. */
interface DecimalDigits {
  negative: boolean;
  digits: string;
  /** x = ±digits × 10^exponent */
  exponent: number;
}

function checkArguments(x: number, decimals: number): void {
  if (!Number.isFinite(x)) throw new RangeError(`无法舍入非有限数值：${String(x)}`);
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`小数位数应为 0 到 ${MAX_DECIMALS} 的整数，收到 ${String(decimals)}`);
  }
}

function toDecimalDigits(x: number): DecimalDigits {
  const text = Math.abs(x).toPrecision(SIGNIFICANT_DIGITS); // "1.00500000000000", "1.23000000000000e+21"
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (!match) throw new Error(`内部错误：无法解析数值 ${text}`);
  const intPart = match[1] ?? '';
  const fracPart = match[2] ?? '';
  const exp = Number(match[3] ?? '0');
  return { negative: x < 0, digits: intPart + fracPart, exponent: exp - fracPart.length };
}

/** Adds one to a string of decimal digits ("099" → "100", "99" → "100"). */
function incrementDigits(digits: string): string {
  const chars = digits.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i -= 1;
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

/**
 * Rounds x half away from zero to `decimals` places and returns the fixed-point text ("103.0", "-1.3",
 * "0.0"; never "-0.0").
 */
export function formatFixed(x: number, decimals: number): string {
  checkArguments(x, decimals);
  const { negative, digits, exponent } = toDecimalDigits(x);
  // Scale so that the result is an integer count of 10^-decimals units.
  const shift = exponent + decimals; // x = digits × 10^shift units
  let units: string;
  if (shift >= 0) {
    units = digits + '0'.repeat(shift);
  } else {
    const cut = digits.length + shift; // number of digits kept
    if (cut < 0) {
      units = '0';
    } else {
      const kept = digits.slice(0, cut) || '0';
      const firstDropped = digits.charAt(cut);
      units = firstDropped >= '5' ? incrementDigits(kept) : kept;
    }
  }
  units = units.replace(/^0+(?=\d)/, '');
  const padded = units.padStart(decimals + 1, '0');
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = padded.slice(padded.length - decimals);
  const isZero = /^0*$/.test(units);
  const sign = negative && !isZero ? '-' : '';
  return sign + whole + (decimals > 0 ? '.' + fraction : '');
}

/** Rounds x half away from zero to `decimals` places, decimal-correct (1.005 → 1.01, -1.25 → -1.3). */
export function roundHalfUp(x: number, decimals: number): number {
  const value = Number(formatFixed(x, decimals));
  return value === 0 ? 0 : value; // never -0
}

/**
 * Difference of two figures as printed side by side: each is rounded to its published precision first,
 * so the difference agrees with what the reader sees in the table (7.2 and 6.2 give 1.0, even if the
 * unrounded figures were 7.24 and 6.15). Use this for comparisons of two published figures; use the
 * unrounded difference for completion rate against time progress (official-formats §3.4).
 */
export function differenceAtPrecision(a: number, b: number, decimals: number): number {
  return roundHalfUp(roundHalfUp(a, decimals) - roundHalfUp(b, decimals), decimals);
}

/** Compares a and b at a published precision: -1, 0 or 1. */
export function compareAtPrecision(a: number, b: number, decimals: number): -1 | 0 | 1 {
  const ra = roundHalfUp(a, decimals);
  const rb = roundHalfUp(b, decimals);
  return ra < rb ? -1 : ra > rb ? 1 : 0;
}
