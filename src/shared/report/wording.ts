import { SPAN_DASH } from '../domain/period-labels';
import { endMonth, type Period } from '../domain/periods';
import { formatFixed, roundHalfUp } from '../domain/rounding';
import { formatPlain } from '../domain/format';
import type { Indicator, TargetValue } from '../schemas/indicator-system';

/**
 * How the office writes an indicator's numbers (writing.md "Numbers and units"): differences of percentages in
 * 个百分点 and of per-mille values in 个千分点; prices 上涨 and 下降; whole amounts without ".0"; targets with their
 * units; year-end periods as "2023年" rather than "1—12月".
 */

/** "规上工业增加值增长" → "规上工业增加值": what a growth sentence talks about. */
export function subjectOf(name: string): string {
  return name.replace(/(同比)?(增长率|增长|增速|增幅|涨幅)$/, '') || name;
}

/** Price indices rise and fall (上涨/下降), they do not grow. */
export function isPriceIndicator(ind: Pick<Indicator, 'name'>): boolean {
  return /价格|CPI|PPI/i.test(ind.name);
}

/** The words of a rise and a fall: 增长/下降, or 上涨/下降 for prices. */
export function riseWords(ind: Pick<Indicator, 'name'>): { up: string; down: string } {
  return isPriceIndicator(ind) ? { up: '上涨', down: '下降' } : { up: '增长', down: '下降' };
}

/** True for units that are percentages or per-mille (the value itself is a rate). */
export function isRateUnit(unit: string): boolean {
  return unit === '%' || unit === '‰' || unit === '个百分点' || unit === '个千分点';
}

/**
 * The unit of a difference between two figures of the indicator: 个百分点 for percentages (and for figures
 * already in 个百分点), 个千分点 for per-mille, else the indicator's unit.
 */
export function differenceUnit(ind: Pick<Indicator, 'unit' | 'kind'>): string {
  if (ind.unit === '‰' || ind.unit === '个千分点') return '个千分点';
  if (ind.unit === '%' || ind.unit === '个百分点' || ind.kind === 'growth') return '个百分点';
  return ind.unit;
}

/** The unit as written after a value of the indicator ("%", "‰", "亿元", "个百分点"). */
export function valueUnit(ind: Pick<Indicator, 'unit' | 'kind'>): string {
  return ind.kind === 'growth' && ind.unit === '' ? '%' : ind.unit;
}

/**
 * A value as printed in prose: at the indicator's precision, but a whole amount loses its ".0" (9980亩, not
 * 9980.0亩); rates keep their decimals (增长9.0%) so a column of rates reads alike.
 */
export function valueText(value: number, decimals: number, unit: string): string {
  const fixed = formatFixed(value, decimals);
  if (isRateUnit(unit) || decimals === 0) return fixed;
  return Number.isInteger(roundHalfUp(value, decimals)) ? formatFixed(value, 0) : fixed;
}

/** A target as printed in parentheses: "7%", "0.6吨标煤/万元", "1200家", or the target's own words. */
export function targetLabel(target: TargetValue, ind: Pick<Indicator, 'unit' | 'kind'>): string {
  if (typeof target === 'string') return target;
  return `${formatPlain(target, 4)}${valueUnit(ind)}`;
}

/** True at the end of a year (December, the fourth quarter, the second half, the year). */
export function isYearEnd(period: Period): boolean {
  return endMonth(period) === 12;
}

/**
 * The span a year-to-date figure covers, as a sentence opens: "1—9月", "1月", and at year end "2023年"
 * (never "1—12月").
 */
export function spanLabel(period: Period): string {
  const month = endMonth(period);
  if (month === 12) return `${period.year}年`;
  return month === 1 ? '1月' : `1${SPAN_DASH}${month}月`;
}

/** A document's period in its title: "2023年1—9月", "2023年第三季度", and "2023年" at year end. */
export function documentPeriodTitle(period: Period): string {
  if (isYearEnd(period)) return `${period.year}年`;
  switch (period.kind) {
    case 'month':
      return `${period.year}年${spanLabel(period)}`;
    case 'quarter':
      return `${period.year}年第${['一', '二', '三', '四'][period.quarter - 1]}季度`;
    case 'half':
      return `${period.year}年上半年`;
    case 'year':
      return `${period.year}年`;
  }
}

/**
 * The next figures the districts report, for 下步工作: "1—10月", and after December "2024年1—2月" (January is
 * reported together with February).
 */
export function nextReportLabel(period: Period): string {
  const month = endMonth(period);
  if (month === 12) return `${period.year + 1}年1${SPAN_DASH}2月`;
  if (period.kind === 'month') return `1${SPAN_DASH}${month + 1}月`;
  if (period.kind === 'quarter') return `第${['一', '二', '三', '四'][period.quarter] ?? ''}季度`;
  return '下一期';
}

/** "较上月", "较上季度", "较上年": what a rank change is measured against. */
export function previousPeriodWord(previousKey: string): string {
  if (/Q\d$/.test(previousKey)) return '较上季度';
  if (/H\d$/.test(previousKey)) return '较上半年';
  if (/^\d{4}$/.test(previousKey)) return '较上年';
  return '较上月';
}
