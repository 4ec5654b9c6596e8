import type { TargetValue } from '../schemas/indicator-system';

/**
 * A target as typed or pasted (from WPS/Excel/Word) to what is stored: a plain number becomes a number
 * ("1,234" and full-width "１２.５" too, "5.2%" for a % indicator), anything else stays verbatim text
 * ("增长6%左右", "2个以上", "/"), and an empty cell or a lone dash means no target.
 */
export function targetFromText(input: string, unit?: string): TargetValue | null {
  const t = input
    .replace(/[\uFF10-\uFF19\uFF0E\uFF05\uFF0C\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
  if (t === '' || /^[-—–－]+$/.test(t)) return null;
  const plain = t.replace(/^([+-]?\d{1,3}(,\d{3})+(\.\d+)?)$/, (m) => m.replace(/,/g, ''));
  if (/^[+-]?(\d+(\.\d+)?|\.\d+)$/.test(plain)) return Number(plain);
  if (unit === '%' && /^[+-]?\d+(\.\d+)?%$/.test(plain)) return Number(plain.slice(0, -1));
  return t;
}

/** The text a stored target is typed as again. */
export function targetText(t: TargetValue | null | undefined): string {
  return t === undefined || t === null ? '' : String(t);
}
