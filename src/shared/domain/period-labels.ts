import { endMonth, tryParsePeriod, type Period } from './periods';

/** The em dash U+2014 that joins a span of months ("1—9月"), never "-" or "~" (GB/T 15834). */
export const SPAN_DASH = '\u2014';

const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** Chinese name of a quarter number: 3 → "三". */
export function quarterName(quarter: 1 | 2 | 3 | 4): string {
  return QUARTER_NAMES[quarter - 1] ?? '';
}

/** The months covered year to date: 2023-09 → "1—9月", 2023-01 → "1月", 2023Q3 → "1—9月", 2023 → "全年". */
export function ytdLabel(p: Period): string {
  if (p.kind === 'year') return '全年';
  const m = endMonth(p);
  return m === 1 ? '1月' : `1${SPAN_DASH}${m}月`;
}

/**
 * Title of a period for document and table titles: "2023年1—9月" (monthly figures are year to date),
 * "2023年1月", "2023年第三季度", "2023年上半年", "2023年下半年", "2023年".
 */
export function periodTitle(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}年${ytdLabel(p)}`;
    case 'quarter':
      return `${p.year}年第${quarterName(p.quarter)}季度`;
    case 'half':
      return `${p.year}年${p.half === 1 ? '上' : '下'}半年`;
    case 'year':
      return `${p.year}年`;
  }
}

/** Sub-title of a table: "截至2023年9月底" (the end of the period's last month). */
export function asOfLabel(p: Period): string {
  return `截至${p.year}年${endMonth(p)}月底`;
}

/**
 * The period a clerk picked, named so that no two periods read alike: "2023年9月", "2023年第三季度",
 * "2023年上半年", "2023年（全年）" (a title's "2023年" would not tell December from the year).
 */
export function periodLabel(key: string): string {
  const parsed = tryParsePeriod(key);
  if (!parsed.ok) return key;
  const p = parsed.period;
  switch (p.kind) {
    case 'month':
      return `${p.year}年${p.month}月`;
    case 'quarter':
      return `${p.year}年第${quarterName(p.quarter)}季度`;
    case 'year':
      return `${p.year}年（全年）`;
    case 'half':
      return periodTitle(p);
  }
}
