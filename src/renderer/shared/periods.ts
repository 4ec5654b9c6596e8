import {
  endMonth,
  parsePeriod,
  periodKey,
  samePeriodLastYear,
  tryParsePeriod,
  type Period,
} from '../../shared/domain/periods';
import { periodLabel } from '../../shared/domain/period-labels';
import type { Frequency, Indicator } from '../../shared/schemas/indicator-system';

/**
 * The periods the entry page offers, and which indicators are due in each. Storage keeps an indicator's
 * figures in the period of its frequency (monthly → 2023-09, quarterly → 2023Q3, annual → 2023), so the
 * grid of a month shows the monthly indicators only, and so on.
 */

export interface PeriodOption {
  key: string;
  label: string;
  kind: 'month' | 'quarter' | 'year';
}

export interface PeriodGroup {
  year: number;
  label: string;
  options: PeriodOption[];
}

/** The frequency whose figures a period key holds (null for half-years, which no indicator uses). */
export function frequencyOfPeriod(key: string): Frequency | null {
  const parsed = tryParsePeriod(key);
  if (!parsed.ok) return null;
  switch (parsed.period.kind) {
    case 'month':
      return 'monthly';
    case 'quarter':
      return 'quarterly';
    case 'year':
      return 'annual';
    case 'half':
      return null;
  }
}

export function dueIndicators<T extends Pick<Indicator, 'frequency'>>(indicators: readonly T[], key: string): T[] {
  const f = frequencyOfPeriod(key);
  return f ? indicators.filter((i) => i.frequency === f) : [];
}

export { periodLabel };

/** What the figures of a period cover, shown beside the picker ("1—9月累计", "截至9月底", "全年"). */
export function periodScope(key: string): string {
  const p = parsePeriod(key);
  if (p.kind === 'month') return p.month === 1 ? '1月' : `1—${p.month}月累计`;
  if (p.kind === 'quarter') return `截至${endMonth(p)}月底`;
  return '全年';
}

/** Months, quarters and years of `firstYear`…`lastYear`, newest year first. */
export function periodGroups(firstYear: number, lastYear: number): PeriodGroup[] {
  const groups: PeriodGroup[] = [];
  for (let year = lastYear; year >= firstYear; year--) {
    const options: PeriodOption[] = [{ key: String(year), label: periodLabel(String(year)), kind: 'year' }];
    for (const quarter of [1, 2, 3, 4] as const) {
      const key = periodKey({ kind: 'quarter', year, quarter });
      options.push({ key, label: periodLabel(key), kind: 'quarter' });
    }
    for (let m = 1; m <= 12; m++) {
      const key = periodKey({ kind: 'month', year, month: m });
      options.push({ key, label: periodLabel(key), kind: 'month' });
    }
    groups.push({ year, label: `${year}年`, options });
  }
  return groups;
}

/** Sort key: the period's last month, a month before the quarter and the quarter before the year that end with it. */
function order(p: Period): number {
  const rank = p.kind === 'month' ? 0 : p.kind === 'quarter' ? 1 : p.kind === 'half' ? 2 : 3;
  return (p.year * 12 + endMonth(p)) * 4 + rank;
}

/** Period keys in time order (a month before the quarter and the year that end with it). */
export function sortPeriods(keys: readonly string[]): string[] {
  const withOrder = keys.map((key) => {
    const parsed = tryParsePeriod(key);
    return { key, order: parsed.ok ? order(parsed.period) : -1 };
  });
  return withOrder.sort((a, b) => a.order - b.order).map((x) => x.key);
}

/**
 * The period the page opens on: the latest period with data (a month before the quarter ending with it),
 * otherwise the last finished month (the current month's figures do not exist yet).
 */
export function defaultPeriod(periodsWithData: readonly string[], today: Date): string {
  let best: { key: string; order: number } | null = null;
  for (const key of periodsWithData) {
    const parsed = tryParsePeriod(key);
    if (!parsed.ok || parsed.period.kind === 'half') continue;
    const o = order(parsed.period);
    // Among periods ending in the same month, the month itself is the most useful screen.
    const score = Math.floor(o / 4) * 4 + (3 - (o % 4));
    if (!best || score > best.order) best = { key, order: score };
  }
  if (best) return best.key;
  const month = today.getMonth();
  return month === 0
    ? periodKey({ kind: 'month', year: today.getFullYear() - 1, month: 12 })
    : periodKey({ kind: 'month', year: today.getFullYear(), month });
}

/** The years to offer: last year and this year, every year with figures, and the year shown. */
export function yearRange(shown: string, withData: readonly string[], today: Date): { first: number; last: number } {
  const years = [shown, ...withData].map((k) => Number(k.slice(0, 4))).filter((y) => y >= 1990 && y <= 2200);
  const thisYear = today.getFullYear();
  return { first: Math.min(thisYear - 1, ...years), last: Math.max(thisYear, ...years) };
}

export function lastYearKey(key: string): string | null {
  const parsed = tryParsePeriod(key);
  return parsed.ok ? periodKey(samePeriodLastYear(parsed.period)) : null;
}

/**
 * When nothing is due in a period, the periods of the same year where this system's indicators are due:
 * the month or quarter containing the period's end, or the year.
 */
export function alternativesFor(key: string, frequencies: ReadonlySet<Frequency>): PeriodOption[] {
  const parsed = tryParsePeriod(key);
  if (!parsed.ok) return [];
  const p = parsed.period;
  const month = endMonth(p);
  const out: PeriodOption[] = [];
  const add = (k: string, kind: PeriodOption['kind']) => {
    if (k !== key) out.push({ key: k, label: periodLabel(k), kind });
  };
  if (frequencies.has('monthly')) add(periodKey({ kind: 'month', year: p.year, month }), 'month');
  if (frequencies.has('quarterly'))
    add(periodKey({ kind: 'quarter', year: p.year, quarter: Math.ceil(month / 3) as 1 | 2 | 3 | 4 }), 'quarter');
  if (frequencies.has('annual')) add(String(p.year), 'year');
  return out;
}
