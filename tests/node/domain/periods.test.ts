import { describe, expect, it } from 'vitest';
import {
  endMonth,
  isFirstOfYear,
  monthsElapsed,
  parsePeriod,
  periodKey,
  previousPeriod,
  samePeriodLastYear,
  tryParsePeriod,
  type Period,
} from '../../../src/shared/domain/periods';
import { asOfLabel, periodTitle, quarterName, SPAN_DASH, ytdLabel } from '../../../src/shared/domain/period-labels';

const p = (key: string): Period => parsePeriod(key);

describe('parsePeriod / periodKey', () => {
  const cases: [string, Period][] = [
    ['2023-09', { kind: 'month', year: 2023, month: 9 }],
    ['2023-01', { kind: 'month', year: 2023, month: 1 }],
    ['2023-12', { kind: 'month', year: 2023, month: 12 }],
    ['2023Q3', { kind: 'quarter', year: 2023, quarter: 3 }],
    ['2023Q1', { kind: 'quarter', year: 2023, quarter: 1 }],
    ['2023H1', { kind: 'half', year: 2023, half: 1 }],
    ['2023H2', { kind: 'half', year: 2023, half: 2 }],
    ['2023', { kind: 'year', year: 2023 }],
  ];
  it.each(cases)('%s parses and prints back', (key, period) => {
    expect(parsePeriod(key)).toEqual(period);
    expect(periodKey(period)).toBe(key);
  });

  it('accepts a lower-case q/h and surrounding spaces, and prints the canonical key', () => {
    expect(periodKey(parsePeriod(' 2023q3 '))).toBe('2023Q3');
    expect(periodKey(parsePeriod('2023h2'))).toBe('2023H2');
  });

  it.each(['2023-13', '2023-00'])('rejects month out of range: %s', (key) => {
    expect(() => parsePeriod(key)).toThrow(/月份应在 01 到 12 之间/);
  });

  it.each(['', 'abc', '2023Q5', '2023Q0', '2023H3', '23-09', '2023-9', '2023年9月', '2023-09-30', '2023 Q3'])(
    'rejects garbage with a Chinese message: "%s"',
    (key) => {
      expect(() => parsePeriod(key)).toThrow(/无法识别的统计期/);
      const r = tryParsePeriod(key);
      expect(r.ok).toBe(false);
    },
  );
});

describe('period arithmetic', () => {
  it.each([
    ['2023-09', 9],
    ['2023-01', 1],
    ['2023Q3', 9],
    ['2023Q1', 3],
    ['2023H1', 6],
    ['2023H2', 12],
    ['2023', 12],
  ])('monthsElapsed(%s) = endMonth = %i', (key, n) => {
    expect(monthsElapsed(p(key))).toBe(n);
    expect(endMonth(p(key))).toBe(n);
  });

  it.each([
    ['2023-01', '2022-12'],
    ['2023-09', '2023-08'],
    ['2023Q1', '2022Q4'],
    ['2023Q3', '2023Q2'],
    ['2023H1', '2022H2'],
    ['2023H2', '2023H1'],
    ['2023', '2022'],
  ])('previousPeriod(%s) = %s', (key, prev) => {
    expect(periodKey(previousPeriod(p(key)))).toBe(prev);
  });

  it.each([
    ['2023-01', true],
    ['2023-02', false],
    ['2023Q1', true],
    ['2023Q2', false],
    ['2023H1', true],
    ['2023H2', false],
    ['2023', true],
  ])('isFirstOfYear(%s) = %s (YTD restarts)', (key, first) => {
    expect(isFirstOfYear(p(key))).toBe(first);
  });

  it.each([
    ['2023-09', '2022-09'],
    ['2024Q1', '2023Q1'],
    ['2023H2', '2022H2'],
    ['2023', '2022'],
  ])('samePeriodLastYear(%s) = %s', (key, last) => {
    expect(periodKey(samePeriodLastYear(p(key)))).toBe(last);
  });
});

describe('period labels', () => {
  it.each([
    ['2023-09', '1—9月'],
    ['2023-01', '1月'],
    ['2023-02', '1—2月'],
    ['2023-12', '1—12月'],
    ['2023Q3', '1—9月'],
    ['2023H1', '1—6月'],
    ['2023', '全年'],
  ])('ytdLabel(%s) = %s', (key, label) => {
    expect(ytdLabel(p(key))).toBe(label);
  });

  it.each([
    ['2023-09', '2023年1—9月'],
    ['2023-01', '2023年1月'],
    ['2023Q1', '2023年第一季度'],
    ['2023Q2', '2023年第二季度'],
    ['2023Q3', '2023年第三季度'],
    ['2023Q4', '2023年第四季度'],
    ['2023H1', '2023年上半年'],
    ['2023H2', '2023年下半年'],
    ['2023', '2023年'],
  ])('periodTitle(%s) = %s', (key, title) => {
    expect(periodTitle(p(key))).toBe(title);
  });

  it.each([
    ['2023-09', '截至2023年9月底'],
    ['2023Q3', '截至2023年9月底'],
    ['2023H1', '截至2023年6月底'],
    ['2023-01', '截至2023年1月底'],
  ])('asOfLabel(%s) = %s', (key, label) => {
    expect(asOfLabel(p(key))).toBe(label);
  });

  it('joins month spans with the em dash U+2014, never a hyphen, en dash or tilde', () => {
    const label = ytdLabel(p('2023-09'));
    expect(label.codePointAt(1)).toBe(0x2014);
    expect(SPAN_DASH).toBe('\u2014');
    const title = periodTitle(p('2023-10'));
    expect(title).toBe('2023年1\u201410月');
    for (const s of [label, title]) expect(s).not.toMatch(/[-\u2013~～]/);
  });

  it('names quarters 一二三四', () => {
    expect([1, 2, 3, 4].map((q) => quarterName(q as 1 | 2 | 3 | 4)).join('')).toBe('一二三四');
  });
});
