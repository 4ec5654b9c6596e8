import type { Period } from '../domain/periods';
import type { Frequency } from '../schemas/indicator-system';

const CN_QUARTER: Record<string, 1 | 2 | 3 | 4> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const CN_MONTH: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};

function month(text: string): number | null {
  const n = /^\d{1,2}$/.test(text) ? Number(text) : (CN_MONTH[text] ?? null);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/**
 * The period a title, sheet name or 期别 cell names, as offices write them: "2025年1—9月", "2025年1-9月累计",
 * "2025年9月", "2025-09", "2025年三季度", "2025年第3季度", "2025Q3", "2025年上半年", "2025年", "2025年全年".
 * Months are year to date (1—N月). Null when the text names no single period.
 */
export function periodFromText(raw: string): Period | null {
  const t = raw.normalize('NFKC').replace(/\s+/g, '');
  let m = /((?:19|20)\d{2})年?1(?:月份?)?[—–\-~～至到]+(\d{1,2}|[一二三四五六七八九十]{1,2})月/.exec(t);
  if (m) {
    const n = month(m[2] ?? '');
    return n === null ? null : { kind: 'month', year: Number(m[1]), month: n };
  }
  m = /((?:19|20)\d{2})年?(?:第)?([一二三四1-4])季度/.exec(t) ?? /((?:19|20)\d{2})[Qq]([1-4])(?!\d)/.exec(t);
  if (m) {
    const q = CN_QUARTER[m[2] ?? ''];
    return q === undefined ? null : { kind: 'quarter', year: Number(m[1]), quarter: q };
  }
  m = /((?:19|20)\d{2})年?上半年/.exec(t);
  if (m) return { kind: 'half', year: Number(m[1]), half: 1 };
  m = /((?:19|20)\d{2})年(\d{1,2}|[一二三四五六七八九十]{1,3})月/.exec(t);
  if (m) {
    const n = month(m[2] ?? '');
    return n === null ? null : { kind: 'month', year: Number(m[1]), month: n };
  }
  m = /^((?:19|20)\d{2})[-./](\d{1,2})(?:[-./]\d{1,2})?$/.exec(t);
  if (m) {
    const n = month(m[2] ?? '');
    return n === null ? null : { kind: 'month', year: Number(m[1]), month: n };
  }
  m = /((?:19|20)\d{2})年?(全年|年度)/.exec(t) ?? /^((?:19|20)\d{2})年?$/.exec(t);
  if (m) return { kind: 'year', year: Number(m[1]) };
  return null;
}

/**
 * Where a figure of a period is stored for an indicator of a frequency: a monthly indicator's 1—9月 is
 * 2025-09; a quarterly one's 1—9月 or 三季度 is 2025Q3; an annual one takes the whole year (全年, 1—12月,
 * 四季度). Null with the reason when the period does not fit the frequency (1—8月 of a quarterly one).
 */
export function storageKey(p: Period, frequency: Frequency): { key: string } | { reason: string } {
  const y = String(p.year);
  const endMonth =
    p.kind === 'month' ? p.month : p.kind === 'quarter' ? p.quarter * 3 : p.kind === 'half' ? p.half * 6 : 12;
  switch (frequency) {
    case 'monthly':
      return { key: `${y}-${String(endMonth).padStart(2, '0')}` };
    case 'quarterly':
      return endMonth % 3 === 0
        ? { key: `${y}Q${endMonth / 3}` }
        : { reason: `该指标按季度报送，${y}年1—${endMonth}月不是季末，无法存入季度期别` };
    case 'annual':
      return endMonth === 12 ? { key: y } : { reason: `该指标按年报送，只能导入全年（1—12月）的数` };
  }
}
