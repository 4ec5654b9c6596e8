import type { IndicatorKind } from '../schemas/indicator-system';
import type { FigureValue } from '../schemas/figure';
import { roundHalfUp } from './rounding';

/** What the parser needs to know about the indicator a value is meant for. */
export interface FigureSpec {
  name?: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
}

/**
 * `rounded` is set when a value with more decimals than allowed was rounded (only with excessDecimals
 * 'round'): the caller tells the clerk what was read and what is kept.
 */
export type FigureParse = { ok: true; value: FigureValue; rounded?: { from: number } } | { ok: false; message: string };

export interface FigureParseOptions {
  /**
   * What to do with more than decimals + 2 places. Typed values are rejected (a slip of the finger);
   * a cached formula result (=B5/B6*100 gives 3.3333333333) is a computed value and is rounded half up
   * to decimals + 2 places instead.
   */
  excessDecimals?: 'reject' | 'round';
}

/** Values beyond these cannot be right for the kind (also used by the fill-in workbooks' data validation). */
export const MAX_MAGNITUDE = 1e12;
export const FIGURE_BOUNDS: Record<IndicatorKind, { min: number; max: number }> = {
  growth: { min: -100, max: 10000 },
  share: { min: 0, max: 1000 },
  count: { min: 0, max: MAX_MAGNITUDE },
  perUnit: { min: 0, max: MAX_MAGNITUDE },
  level: { min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE },
};

const EMPTY_MARKS = new Set(['', '—', '——', '-', '--', '－', '…', '...']);
const NOT_APPLICABLE_MARKS = new Set(['/', '／', '不适用']);

/** Full-width digits and signs (as typed with a Chinese IME or pasted from WPS) to ASCII. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[，]/g, ',')
    .replace(/[％]/g, '%')
    .replace(/[－−]/g, '-')
    .replace(/[＋]/g, '+')
    .replace(/\u00a0|\u3000/g, ' ');
}

/** Excel stores 12.3 as 12.300000000000001; keep 12 significant digits to drop that noise. */
export function stripFloatNoise(x: number): number {
  return Number(x.toPrecision(12));
}

function decimalPlaces(x: number): number {
  const text = String(stripFloatNoise(x));
  if (/e-/i.test(text)) return 20;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function label(spec: FigureSpec): string {
  return spec.name ? `“${spec.name}”` : '该指标';
}

/**
 * Parses a value typed, pasted or imported for one indicator, and checks it against the indicator's
 * unit, kind and precision. The same rules serve the entry grid, paste from Excel, import and the CLI.
 */
export function parseFigureInput(raw: unknown, spec: FigureSpec, options: FigureParseOptions = {}): FigureParse {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === 'number') return checkNumber(raw, spec, options);
  if (typeof raw !== 'string') return { ok: false, message: `无法识别的数值类型，请输入数字、“/”（不适用）或留空` };

  const text = toHalfWidth(raw).trim();
  if (EMPTY_MARKS.has(text)) return { ok: true, value: null };
  if (NOT_APPLICABLE_MARKS.has(text)) return { ok: true, value: '/' };

  const match = /^([+-]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*(.*)$/.exec(text);
  if (!match) return { ok: false, message: `“${raw}”不是数字。请输入数字（如 12.5）、“/”表示不适用，或留空` };
  const [, sign, digits, suffixRaw] = match;
  const suffix = (suffixRaw ?? '').trim();
  if (/^([\d.,]|[eE][+-]?\d)/.test(suffix))
    return { ok: false, message: `“${raw}”不是数字。请输入数字（如 12.5）、“/”表示不适用，或留空` };
  if (suffix && suffix !== spec.unit && !(suffix === '%' && spec.unit === '%')) {
    const expected = spec.unit ? `单位应为${spec.unit}` : '该指标没有单位';
    return { ok: false, message: `“${raw}”的单位“${suffix}”不对，${label(spec)}${expected}，请只填数字` };
  }
  const value = Number(`${sign ?? ''}${(digits ?? '').replace(/,/g, '')}`);
  return checkNumber(value, spec, options);
}

function checkNumber(input: number, spec: FigureSpec, options: FigureParseOptions): FigureParse {
  if (!Number.isFinite(input)) return { ok: false, message: '数值无效（不是有限的数字）' };
  let value = stripFloatNoise(input);
  let rounded: { from: number } | undefined;
  if (options.excessDecimals === 'round' && decimalPlaces(value) > spec.decimals + 2) {
    rounded = { from: value };
    value = roundHalfUp(value, spec.decimals + 2);
  }
  const shown = String(value);
  const who = label(spec);
  const places = decimalPlaces(value);
  if (spec.kind === 'count' && spec.decimals === 0 && places > 0) {
    return { ok: false, message: `${who}是个数，应为整数，“${rounded ? String(rounded.from) : shown}”有小数` };
  }
  if (places > spec.decimals + 2) {
    return {
      ok: false,
      message: `“${shown}”小数位过多：${who}发布精度为${spec.decimals}位小数，最多可填${spec.decimals + 2}位，请核对`,
    };
  }
  switch (spec.kind) {
    case 'growth':
      if (value < FIGURE_BOUNDS.growth.min) return { ok: false, message: `增速“${shown}%”不可能低于-100%，请核对` };
      if (value > FIGURE_BOUNDS.growth.max)
        return { ok: false, message: `增速“${shown}%”超出合理范围，请核对是否多输了位数` };
      break;
    case 'share':
      if (value < FIGURE_BOUNDS.share.min) return { ok: false, message: `${who}是比重或比率，不能为负数` };
      if (value > FIGURE_BOUNDS.share.max) return { ok: false, message: `比重或比率“${shown}”超出合理范围，请核对` };
      break;
    case 'count':
    case 'perUnit':
      if (value < FIGURE_BOUNDS[spec.kind].min) return { ok: false, message: `${who}不能为负数` };
      break;
    case 'level':
      break;
  }
  if (Math.abs(value) >= MAX_MAGNITUDE)
    return { ok: false, message: `“${shown}”超出合理范围，请核对单位（${spec.unit || '无单位'}）` };
  return rounded ? { ok: true, value, rounded } : { ok: true, value };
}
