/**
 * Lexical helpers for target texts: normalisation, numbers (Arabic or simple Chinese), units and their
 * compatibility with the indicator's unit. Used by targets.ts; no interpretation happens here.
 */

/** Full-width digits, letters, parentheses and symbols to half-width; whitespace and a final 。 removed. */
export function normalizeTargetText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。；;]$/, '');
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A number pattern: Arabic with optional decimals, or a simple Chinese integer below 10000 (十, 二十五). */
export const NUMBER_PATTERN = String.raw`(\d+(?:\.\d+)?|[一二两三四五六七八九十百千][零一二两三四五六七八九十百千]*)`;

/** Value of an Arabic or simple Chinese number; null when it is not one ("十" → 10, "三百五十" → 350). */
export function parseNumberToken(token: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(token)) return Number(token);
  let total = 0;
  let current: number | null = null;
  for (const ch of token) {
    const d = CN_DIGITS[ch];
    const u = CN_UNITS[ch];
    if (d !== undefined) {
      if (current !== null && d !== 0) return null; // "二三" is a range of guesses, not a number
      current = d === 0 ? null : d;
    } else if (u !== undefined) {
      total += (current ?? 1) * u;
      current = null;
    } else {
      return null;
    }
  }
  total += current ?? 0;
  return total > 0 ? total : null;
}

/** Characters a unit is written with when the indicator's unit is not known ("9月底全部兑付到位" is no unit). */
const UNIT_CHARS =
  /^[元亿万千百美人家个项场次件名分亩平方米瓦吨标煤立套张户台辆座所例克公里篇床间批只头架艘箱点千%‰/()a-zA-Z²³]*$/;

/** Whether a written unit looks like a unit. */
export function looksLikeUnit(unitText: string): boolean {
  return unitText.length <= 8 && UNIT_CHARS.test(unitText);
}

/** A unit without its parenthesised variant: "家(个)" → "家". */
function unitCore(unit: string): string {
  return unit.replace(/\([^)]*\)/g, '').trim();
}

/**
 * How a number written with `unitText` converts to the indicator's `unit`: the power of ten to scale by,
 * or null when the units differ ("%" against "个百分点", "亿元" against "%"). A bare number is in the
 * indicator's unit. "1.5万家" against "家" scales by 10^4 (15000); "2万人" against "万人" by 10^0.
 */
export function unitScale(unitText: string, unit: string): number | null {
  const written = unitCore(unitText);
  const expected = unitCore(unit);
  if (written === '' || written === expected) return 0;
  if (written === '万' + expected) return 4;
  if (written === '亿' + expected) return 8;
  if ('万' + written === expected) return -4;
  if (expected === '位' && written === '名') return 0;
  return null;
}

/** value × 10^exponent, exact for decimal inputs (1.5 × 10^4 = 15000, 20000 × 10^-4 = 2). */
export function scaleByPowerOfTen(value: number, exponent: number): number {
  if (exponent === 0) return value;
  const [mantissa, ownExponent] = String(value).split('e');
  return Number(`${mantissa ?? '0'}e${Number(ownExponent ?? '0') + exponent}`);
}

/** Whether a unit is a percentage-like unit, compared in 个百分点. */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit === '%' || unit === '‰' || unit === '个百分点';
}
