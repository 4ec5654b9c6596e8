/**
 * Reporting periods. Monthly figures are year-to-date (1—N月累计); a quarter or a half-year is read at
 * its last month. Keys: "2023-09" (month), "2023Q3" (quarter), "2023H1" (half-year), "2023" (year).
 */

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'year'; year: number };

export type PeriodKind = Period['kind'];

const PERIOD_FORMS = '应为 2023-09（月）、2023Q3（季度）、2023H1（半年）或 2023（年）';

/** Parses a period key; throws an Error with a Chinese message for anything else. */
export function parsePeriod(text: string): Period {
  const result = tryParsePeriod(text);
  if (!result.ok) throw new Error(result.reason);
  return result.period;
}

/** Like parsePeriod, but returns the Chinese reason instead of throwing. */
export function tryParsePeriod(text: string): { ok: true; period: Period } | { ok: false; reason: string } {
  const bad = { ok: false as const, reason: `无法识别的统计期“${text}”：${PERIOD_FORMS}` };
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { ok: false, reason: `统计期“${text}”的月份应在 01 到 12 之间` };
    return { ok: true, period: { kind: 'month', year: Number(m[1]), month } };
  }
  m = /^(\d{4})Q([1-4])$/i.exec(t);
  if (m) return { ok: true, period: { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 } };
  m = /^(\d{4})H([12])$/i.exec(t);
  if (m) return { ok: true, period: { kind: 'half', year: Number(m[1]), half: Number(m[2]) as 1 | 2 } };
  m = /^(\d{4})$/.exec(t);
  if (m) return { ok: true, period: { kind: 'year', year: Number(m[1]) } };
  return bad;
}

/** The key of a period; the inverse of parsePeriod ("2023-09", "2023Q3", "2023H1", "2023"). */
export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${String(p.month).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}Q${p.quarter}`;
    case 'half':
      return `${p.year}H${p.half}`;
    case 'year':
      return String(p.year);
  }
}

/** The last calendar month of the period (2023Q3 → 9, 2023H1 → 6, 2023 → 12). */
export function endMonth(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.month;
    case 'quarter':
      return p.quarter * 3;
    case 'half':
      return p.half * 6;
    case 'year':
      return 12;
  }
}

/** Months of the year elapsed at the end of the period, used for 序时进度 (2023-09 → 9, Q3 → 9, H1 → 6). */
export function monthsElapsed(p: Period): number {
  return endMonth(p);
}

/** The period just before, of the same kind (2023-01 → 2022-12, 2023Q1 → 2022Q4, 2023H1 → 2022H2). */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { ...p, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1
        ? { kind: 'quarter', year: p.year - 1, quarter: 4 }
        : { ...p, quarter: (p.quarter - 1) as 1 | 2 | 3 };
    case 'half':
      return p.half === 1 ? { kind: 'half', year: p.year - 1, half: 2 } : { ...p, half: 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
  }
}

/**
 * True when the period is the first of its kind in the year (January, Q1, H1, or a whole year). Year-to-date
 * figures restart then, so the previous period's YTD figure belongs to another year and must not be used
 * for a change on the previous period (环比).
 */
export function isFirstOfYear(p: Period): boolean {
  switch (p.kind) {
    case 'month':
      return p.month === 1;
    case 'quarter':
      return p.quarter === 1;
    case 'half':
      return p.half === 1;
    case 'year':
      return true;
  }
}

/** The same period one year earlier, for 同比 (2023-09 → 2022-09). */
export function samePeriodLastYear(p: Period): Period {
  return { ...p, year: p.year - 1 };
}
