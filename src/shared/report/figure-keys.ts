import { endMonth, type Period } from '../domain/periods';
import type { Frequency } from '../schemas/indicator-system';

/**
 * The storage period key that holds an indicator's figure for a reporting period, or null when the
 * indicator is not due then: a monthly indicator's quarter is its quarter-end month (YTD), a quarterly
 * indicator appears in a month only at a quarter end, an annual one only in the year.
 */
export function figureKeyFor(frequency: Frequency, period: Period): string | null {
  const month = endMonth(period);
  const y = period.year;
  switch (frequency) {
    case 'monthly':
      return `${y}-${String(month).padStart(2, '0')}`;
    case 'quarterly':
      return month % 3 === 0 ? `${y}Q${month / 3}` : null;
    case 'annual':
      return period.kind === 'year' ? String(y) : null;
  }
}

/** The reporting period before this one for an indicator of this frequency (for rank changes). */
export function previousFigureKey(frequency: Frequency, period: Period): string | null {
  const month = endMonth(period);
  const y = period.year;
  switch (frequency) {
    case 'monthly':
      return month === 1 ? `${y - 1}-12` : `${y}-${String(month - 1).padStart(2, '0')}`;
    case 'quarterly':
      if (month % 3 !== 0) return null;
      return month === 3 ? `${y - 1}Q4` : `${y}Q${month / 3 - 1}`;
    case 'annual':
      return period.kind === 'year' ? String(y - 1) : null;
  }
}

/** The same reporting period one year earlier, as a storage key. */
export function lastYearFigureKey(frequency: Frequency, period: Period): string | null {
  const key = figureKeyFor(frequency, period);
  return key ? `${Number(key.slice(0, 4)) - 1}${key.slice(4)}` : null;
}
