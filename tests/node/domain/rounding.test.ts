import { describe, expect, it } from 'vitest';
import {
  compareAtPrecision,
  differenceAtPrecision,
  formatFixed,
  roundHalfUp,
} from '../../../src/shared/domain/rounding';
import { DASH, formatFigure, formatPercent, formatPlain, formatRank } from '../../../src/shared/domain/format';

describe('roundHalfUp / formatFixed: decimal-correct, half away from zero', () => {
  // [x, decimals, printed]. Comments show why a naive Math.round(x*10^d)/10^d or toFixed would fail.
  const cases: [number, number, string][] = [
    [1.005, 2, '1.01'], // 1.005 is stored as 1.00499999999999989…; naive gives 1.00
    [13.865, 2, '13.87'],
    [0.125, 2, '0.13'], // exact in binary; banker's rounding would give 0.12
    [2.675, 2, '2.68'], // (2.675).toFixed(2) === '2.67'
    [1.45, 1, '1.5'], // stored as 1.4499999…
    [13.85, 1, '13.9'],
    [13.87, 1, '13.9'],
    [-1.25, 1, '-1.3'], // away from zero
    [-2.5, 0, '-3'],
    [2.5, 0, '3'],
    [-0.05, 1, '-0.1'],
    [0.05, 1, '0.1'],
    [-0.04, 1, '0.0'], // rounds to zero: no sign
    [-1e-7, 2, '0.00'],
    [0, 1, '0.0'],
    [-0, 2, '0.00'],
    [103, 1, '103.0'],
    [99.95, 1, '100.0'], // carry into a new digit
    [9.995, 2, '10.00'],
    [0.1 + 0.2, 2, '0.30'], // 0.30000000000000004
    [102.45 - 100, 1, '2.5'], // 2.450000000000003 in binary arithmetic, 2.45 in decimal
    [1234567.8945, 3, '1234567.895'],
    [12.3456, 0, '12'],
    [1e-7, 2, '0.00'],
    [5e-7, 6, '0.000001'],
  ];
  it.each(cases)('%s at %i decimals → %s', (x, d, printed) => {
    expect(formatFixed(x, d)).toBe(printed);
    expect(roundHalfUp(x, d)).toBe(Number(printed));
  });

  it('never returns negative zero', () => {
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 0), 0)).toBe(true);
  });

  it('rejects non-finite values and bad precisions', () => {
    expect(() => roundHalfUp(Number.NaN, 1)).toThrow(/非有限/);
    expect(() => roundHalfUp(Number.POSITIVE_INFINITY, 1)).toThrow(/非有限/);
    expect(() => roundHalfUp(1, -1)).toThrow(/小数位数/);
    expect(() => roundHalfUp(1, 1.5)).toThrow(/小数位数/);
  });
});

describe('comparisons at published precision', () => {
  it('differenceAtPrecision uses the printed figures: 7.24 vs 6.15 print as 7.2 and 6.2 → 1.0', () => {
    // The unrounded difference 1.09 would print as 1.1, which the reader cannot reproduce from the table.
    expect(differenceAtPrecision(7.24, 6.15, 1)).toBe(1);
    expect(formatFixed(7.24 - 6.15, 1)).toBe('1.1');
  });
  it('differenceAtPrecision removes float noise: 6.4 − 4.5 is 1.9000000000000004 in binary → 1.9', () => {
    expect(differenceAtPrecision(6.4, 4.5, 1)).toBe(1.9);
    expect(differenceAtPrecision(7.3, 7.2, 1)).toBe(0.1); // 0.09999999999999964 in binary
  });
  it.each([
    [13.86, 13.94, 0, 0], // both 14
    [13.86, 13.94, 1, 0], // both 13.9
    [13.86, 13.94, 2, -1],
    [13.45, 13.449, 1, 1], // 13.5 vs 13.4
  ] as const)('compareAtPrecision(%s, %s, %i) → %i', (a, b, d, expected) => {
    expect(compareAtPrecision(a, b, d)).toBe(expected);
  });
});

describe('format', () => {
  it('prints a missing figure as the em dash U+2014 and "/" as is', () => {
    expect(formatFigure(null, 1)).toBe(DASH);
    expect(DASH.codePointAt(0)).toBe(0x2014);
    expect(formatFigure('/', 1)).toBe('/');
    expect(formatFigure(12.345, 2)).toBe('12.35');
    expect(formatFigure(-0.01, 1)).toBe('0.0');
  });
  it('prints ranks and percentages', () => {
    expect(formatRank(null)).toBe('\u2014');
    expect(formatRank(3)).toBe('3');
    expect(formatPercent(97.158, 1)).toBe('97.2%');
  });
  it.each([
    [6, '6'],
    [0.011, '0.011'],
    [4.75, '4.75'],
    [23.75, '23.75'],
    [-19.5, '-19.5'],
    [1 / 3, '0.3333'],
  ])('formatPlain(%s) → %s', (x, s) => {
    expect(formatPlain(x)).toBe(s);
  });
});
