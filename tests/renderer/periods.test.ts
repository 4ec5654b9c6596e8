import { describe, expect, it } from 'vitest';
import {
  alternativesFor,
  defaultPeriod,
  dueIndicators,
  frequencyOfPeriod,
  lastYearKey,
  periodGroups,
  periodLabel,
  periodScope,
  sortPeriods,
  yearRange,
} from '../../src/renderer/shared/periods';

describe('entry periods', () => {
  it('labels months, quarters and years in Chinese', () => {
    expect(periodLabel('2023-09')).toBe('2023年9月');
    expect(periodLabel('2023Q3')).toBe('2023年第三季度');
    expect(periodLabel('2023')).toBe('2023年（全年）');
    expect(periodScope('2023-09')).toBe('1—9月累计');
    expect(periodScope('2023-01')).toBe('1月');
    expect(periodScope('2023Q2')).toBe('截至6月底');
  });

  it('offers last year, this year and every year with figures, newest first, each with its quarters and months', () => {
    const today = new Date(2026, 11, 3);
    expect(yearRange('2026-11', [], today)).toEqual({ first: 2025, last: 2026 });
    expect(yearRange('2026-11', ['2022-09', '2023Q4'], today)).toEqual({ first: 2022, last: 2026 });
    expect(yearRange('2027-01', ['2026-11'], today)).toEqual({ first: 2025, last: 2027 });
    const groups = periodGroups(2022, 2024);
    expect(groups.map((g) => g.label)).toEqual(['2024年', '2023年', '2022年']);
    expect(groups[1]!.options.map((o) => o.key)).toEqual([
      '2023',
      '2023Q1',
      '2023Q2',
      '2023Q3',
      '2023Q4',
      ...Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`),
    ]);
  });

  it('shows each indicator only in the periods of its frequency (the storage rule)', () => {
    const inds = [
      { id: 'm', frequency: 'monthly' as const },
      { id: 'q', frequency: 'quarterly' as const },
      { id: 'a', frequency: 'annual' as const },
    ];
    expect(dueIndicators(inds, '2023-09').map((i) => i.id)).toEqual(['m']);
    expect(dueIndicators(inds, '2023Q3').map((i) => i.id)).toEqual(['q']);
    expect(dueIndicators(inds, '2023').map((i) => i.id)).toEqual(['a']);
    expect(dueIndicators(inds, '2023H1')).toEqual([]);
    expect(frequencyOfPeriod('2023Q1')).toBe('quarterly');
  });

  it('opens on the latest period with data, the month before the quarter ending with it, else the last finished month', () => {
    expect(defaultPeriod(['2022', '2023Q3', '2023-09', '2023-08', '2023Q2'], new Date(2025, 0, 5))).toBe('2023-09');
    expect(defaultPeriod(['2022', '2023Q2'], new Date(2025, 0, 5))).toBe('2023Q2');
    expect(defaultPeriod(['2022-12', '2022'], new Date(2025, 0, 5))).toBe('2022-12');
    expect(defaultPeriod([], new Date(2024, 5, 20))).toBe('2024-05');
    expect(defaultPeriod([], new Date(2027, 0, 6))).toBe('2026-12');
  });

  it('sorts period keys in time order and finds last year and the alternatives when nothing is due', () => {
    expect(sortPeriods(['2023Q3', '2023', '2023-10', '2023-09', '2022'])).toEqual([
      '2022',
      '2023-09',
      '2023Q3',
      '2023-10',
      '2023',
    ]);
    expect(lastYearKey('2023Q3')).toBe('2022Q3');
    expect(alternativesFor('2023-08', new Set(['quarterly', 'annual'] as const)).map((a) => a.key)).toEqual([
      '2023Q3',
      '2023',
    ]);
    expect(alternativesFor('2023Q2', new Set(['monthly', 'quarterly'] as const)).map((a) => a.label)).toEqual([
      '2023年6月',
    ]);
  });
});
