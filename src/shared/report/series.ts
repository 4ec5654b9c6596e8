import { endMonth, type Period } from '../domain/periods';
import type { FigureValue } from '../schemas/figure';
import type { IndicatorResult, FigureLookup } from './compute';

/**
 * An indicator's 全市 figures through this year and last year, period by period (months for monthly indicators,
 * quarters for quarterly ones): the trend a 运行分析报告 draws, and the 当月 and 环比 it derives from year-to-date
 * totals. Annual indicators have no series.
 */
export interface CitySeries {
  /** "1月" … "12月", or "一季度" … "四季度". */
  labels: string[];
  /** Storage keys of this year's points, up to the period. */
  keys: string[];
  thisYear: (number | null)[];
  /** Last year's points for the whole year. */
  lastYear: (number | null)[];
  /** Points a year has: 12 or 4. */
  perYear: number;
}

const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'];

/** Storage keys of one year's points for a frequency. */
export function seriesKeys(frequency: 'monthly' | 'quarterly' | 'annual', year: number): string[] {
  if (frequency === 'monthly') return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  if (frequency === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}Q${q}`);
  return [];
}

function numeric(v: FigureValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}

export function citySeries(res: IndicatorResult, period: Period, lookup: FigureLookup): CitySeries | null {
  const { frequency, id } = res.indicator;
  if (frequency === 'annual') return null;
  const perYear = frequency === 'monthly' ? 12 : 4;
  const upTo = frequency === 'monthly' ? endMonth(period) : Math.floor(endMonth(period) / 3);
  const get = (key: string) => numeric(lookup(key, res.systemId, id, '全市')?.v);
  const keys = seriesKeys(frequency, period.year).slice(0, upTo);
  return {
    labels: frequency === 'monthly' ? Array.from({ length: 12 }, (_, i) => `${i + 1}月`) : QUARTER_LABELS,
    keys,
    thisYear: keys.map(get),
    lastYear: seriesKeys(frequency, period.year - 1).map(get),
    perYear,
  };
}

/**
 * 当月 of a year-to-date total and its 环比: this month's YTD minus last month's; 环比 against the month before,
 * when both months are known and the earlier one is positive. Only for monthly year-to-date totals.
 */
export function monthlyDetail(
  res: IndicatorResult,
  series: CitySeries | null,
): { month: number; current: number; previous: number | null; key: string } | null {
  const ind = res.indicator;
  if (!series || ind.frequency !== 'monthly' || !ind.ytd || (ind.kind !== 'level' && ind.kind !== 'count')) return null;
  const n = series.thisYear.length;
  const ytd = (i: number): number | null => (i < 0 ? 0 : (series.thisYear[i] ?? null));
  const at = (i: number): number | null => {
    const a = ytd(i);
    const b = ytd(i - 1);
    return a === null || b === null ? null : a - b;
  };
  const current = at(n - 1);
  if (current === null) return null;
  return { month: n, current, previous: n >= 2 ? at(n - 2) : null, key: series.keys[n - 1] ?? '' };
}

/** A district's (or 全市's) 当月 figure of a monthly year-to-date total: this month's YTD minus last month's. */
export function regionMonthly(
  res: IndicatorResult,
  period: Period,
  lookup: FigureLookup,
  region: string,
): number | null {
  const ind = res.indicator;
  if (ind.frequency !== 'monthly' || !ind.ytd || (ind.kind !== 'level' && ind.kind !== 'count')) return null;
  const month = endMonth(period);
  const value = (m: number) =>
    numeric(lookup(`${period.year}-${String(m).padStart(2, '0')}`, res.systemId, ind.id, region)?.v);
  const now = value(month);
  if (now === null) return null;
  if (month === 1) return now;
  const before = value(month - 1);
  return before === null ? null : now - before;
}
