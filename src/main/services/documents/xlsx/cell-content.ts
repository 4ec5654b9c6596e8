import { roundHalfUp } from '../../../../shared/domain/rounding';
import { AppError } from '../../../../shared/errors';
import type { TableCell } from '../../../../shared/report/model';

/** What goes into a sheet cell: a real number with its printed precision, or text. */
export type CellContent =
  | { kind: 'number'; value: number; decimals: number; thousands: boolean; percentSign: boolean }
  | { kind: 'text'; text: string };

const PLAIN_NUMBER = /^-?\d+(\.\d+)?%?$/;
const GROUPED_NUMBER = /^-?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/**
 * The cell's printed text decides: "7.2" becomes the number 7.2 shown with one decimal, so the sheet, the
 * briefing and the preview print the same figure, and Excel can still sum and sort it. "—", "/" and words
 * stay text. When the model also gives the unrounded value, the two must agree at the printed precision —
 * a disagreement is a wrong number, and no file is written.
 */
export function cellContent(cell: TableCell, where: () => string): CellContent {
  const text = cell.text.trim();
  const grouped = GROUPED_NUMBER.test(text);
  if (!grouped && !PLAIN_NUMBER.test(text)) return { kind: 'text', text: cell.text };

  const percentSign = text.endsWith('%');
  const digits = text.replace(/[,%]/g, '');
  const value = Number(digits);
  const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
  if (cell.value !== undefined && Number.isFinite(cell.value) && !printsAs(cell.value, value, decimals)) {
    throw new AppError(
      'BAD_INPUT',
      `${where()}印出的数字“${cell.text}”与其数值 ${cell.value} 不一致，排名表未生成。请重新生成报表数据后再导出。`,
      { text: cell.text, value: cell.value },
    );
  }
  return { kind: 'number', value: value === 0 ? 0 : value, decimals, thousands: grouped, percentSign };
}

/**
 * Whether `value` rounds (half away from zero) to `printed` at `decimals`. Within less than half a unit
 * no rounding rule can disagree, so the exact decimal rounding only runs near a tie or on a mismatch.
 */
function printsAs(value: number, printed: number, decimals: number): boolean {
  const half = 0.5 * 10 ** -decimals;
  if (Math.abs(value - printed) < half * (1 - 1e-9)) return true;
  return roundHalfUp(value, decimals) === printed;
}

/**
 * Excel number format for a printed precision, with an optional status mark after the number ("12.5▲").
 * `reserve` keeps the same room empty in unmarked cells of a marked column, so decimals stay aligned.
 */
export function numberFormat(
  content: Extract<CellContent, { kind: 'number' }>,
  mark?: string,
  reserve?: string,
): string {
  const integer = content.thousands ? '#,##0' : '0';
  let format = content.decimals > 0 ? `${integer}.${'0'.repeat(content.decimals)}` : integer;
  if (content.percentSign) format += '"%"';
  if (mark) format += `"${mark}"`;
  else if (reserve) format += `_${reserve}`;
  return format;
}

/** First characters that make spreadsheet programs (or a CSV re-save) treat text as a formula. */
const FORMULA_LEADS: Record<string, string> = { '=': '＝', '+': '＋', '-': '－', '@': '＠' };

/**
 * Text that can never become a formula: a leading = + - @ is written in its full-width form (＝ ＋ － ＠),
 * which reads the same in Chinese text, survives copy, paste and CSV export, and hides nothing; leading
 * tab and carriage-return characters (the other injection vectors) are dropped.
 */
export function safeText(text: string): string {
  const trimmed = text.replace(/^[\t\r]+/, '');
  const first = trimmed.charAt(0);
  const replacement = FORMULA_LEADS[first];
  return replacement === undefined ? trimmed : replacement + trimmed.slice(1);
}
