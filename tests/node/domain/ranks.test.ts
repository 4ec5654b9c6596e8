import { describe, expect, it } from 'vitest';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { Direction } from '../../../src/shared/schemas/indicator-system';
import { assertNoCityRow, rankChange, rankRegions, type RankedEntry } from '../../../src/shared/domain/ranks';
import { roundHalfUp } from '../../../src/shared/domain/rounding';
import { createRandom } from '../../../src/main/services/sample/prng';

const entries = (values: FigureValue[]) => values.map((value, i) => ({ key: `区${i + 1}`, value }));
const ranksOf = (r: RankedEntry[]) => r.map((e) => e.rank);
const tiesOf = (r: RankedEntry[]) => r.map((e) => e.tied);

describe('rankRegions: competition ranking on published values', () => {
  it.each<[string, FigureValue[], Direction, number, (number | null)[], boolean[]]>([
    ['1,2,2,4', [10, 9, 9, 7], 'higher', 1, [1, 2, 2, 4], [false, true, true, false]],
    ['lower is better', [10, 9, 9, 7], 'lower', 1, [4, 2, 2, 1], [false, true, true, false]],
    ['three-way tie', [5, 5, 5, 3], 'higher', 1, [1, 1, 1, 4], [true, true, true, false]],
    ['three-way tie in the middle', [8, 5, 5, 5, 3], 'higher', 1, [1, 2, 2, 2, 5], [false, true, true, true, false]],
    ['all tied', [2, 2, 2], 'higher', 1, [1, 1, 1], [true, true, true]],
    ['negatives', [-1.2, -0.5, 0, -3], 'higher', 1, [3, 2, 1, 4], [false, false, false, false]],
    ['negatives, lower is better', [-1.2, -0.5, 0, -3], 'lower', 1, [2, 3, 4, 1], [false, false, false, false]],
    [
      'missing and "/" are not ranked',
      [3, null, '/', 1],
      'higher',
      1,
      [1, null, null, 2],
      [false, false, false, false],
    ],
    [
      'a tie that appears only after rounding: 13.86 and 13.94 both print 14',
      [13.86, 13.94, 12],
      'higher',
      0,
      [1, 1, 3],
      [true, true, false],
    ],
    ['the same values at 2 decimals are not tied', [13.86, 13.94, 12], 'higher', 2, [2, 1, 3], [false, false, false]],
    [
      'near-equal values printed differently are not tied: 13.45 → 13.5, 13.449 → 13.4',
      [13.449, 13.45],
      'higher',
      1,
      [2, 1],
      [false, false],
    ],
    [
      'decimal-correct rounding: 1.005 prints 1.01 and ties with 1.01',
      [1.005, 1.01, 1.0],
      'higher',
      2,
      [1, 1, 3],
      [true, true, false],
    ],
    ['single district', [4.2], 'higher', 1, [1], [false]],
    ['only missing', [null, '/'], 'higher', 1, [null, null], [false, false]],
  ])('%s', (_name, values, direction, decimals, ranks, ties) => {
    const r = rankRegions(entries(values), { direction, decimals });
    expect(ranksOf(r)).toEqual(ranks);
    expect(tiesOf(r)).toEqual(ties);
  });

  it('returns the rounded value and keeps the input order and keys', () => {
    const r = rankRegions(
      [
        { key: '吴兴', value: 13.86 },
        { key: '南浔', value: '/' },
        { key: '德清', value: 12.04 },
      ],
      { direction: 'higher', decimals: 1 },
    );
    expect(r).toEqual([
      { key: '吴兴', value: 13.86, roundedValue: 13.9, rank: 1, tied: false },
      { key: '南浔', value: '/', roundedValue: null, rank: null, tied: false },
      { key: '德清', value: 12.04, roundedValue: 12, rank: 2, tied: false },
    ]);
  });

  it('handles an empty list', () => {
    expect(rankRegions([], { direction: 'higher', decimals: 1 })).toEqual([]);
  });

  it('refuses to rank 全市, and duplicate keys', () => {
    expect(() =>
      rankRegions(
        [
          { key: '全市', value: 7 },
          { key: '德清', value: 6 },
        ],
        { direction: 'higher', decimals: 1 },
      ),
    ).toThrow(/“全市”不参与区县排名/);
    expect(() => assertNoCityRow([' 全市 '])).toThrow(/全市/);
    expect(() => assertNoCityRow(['吴兴', '南浔'])).not.toThrow();
    expect(() =>
      rankRegions(
        [
          { key: '德清', value: 1 },
          { key: '德清', value: 2 },
        ],
        { direction: 'higher', decimals: 1 },
      ),
    ).toThrow(/重复/);
  });
});

describe('rankChange', () => {
  it.each<[number | null, number | null, number | null]>([
    [3, 5, 2], // from 5th to 3rd: moved up 2
    [5, 3, -2],
    [2, 2, 0],
    [null, 3, null],
    [3, null, null],
  ])('current %s, previous %s → %s', (cur, prev, delta) => {
    expect(rankChange(cur, prev)).toBe(delta);
  });
});

describe('rankRegions property: ranks are a permutation with ties consistent with sorting', () => {
  const random = createRandom(20230930); // seeded: the property test is reproducible
  const CASES = 600;
  const cases = Array.from({ length: CASES }, (_, i) => {
    const n = 1 + Math.floor(random() * 14);
    const decimals = Math.floor(random() * 3);
    const direction: Direction = random() < 0.5 ? 'higher' : 'lower';
    // Values from a small grid plus noise, so that ties (exact and after rounding) are frequent.
    const values: FigureValue[] = Array.from({ length: n }, () => {
      const u = random();
      if (u < 0.08) return null;
      if (u < 0.12) return '/';
      return Math.round((random() * 20 - 5) * 10) / 10 + (random() < 0.3 ? (random() - 0.5) / 100 : 0);
    });
    return { i, values, decimals, direction };
  });

  it(`holds for ${CASES} seeded random inputs`, () => {
    for (const { i, values, decimals, direction } of cases) {
      const r = rankRegions(entries(values), { direction, decimals });
      const context = `case ${i}: ${JSON.stringify({ values, decimals, direction })}`;
      const ranked = r.filter((e) => e.rank !== null);
      // Unranked exactly when missing or '/'.
      expect(
        r.map((e) => e.rank === null),
        context,
      ).toEqual(values.map((v) => typeof v !== 'number'));
      const better = (a: number, b: number) => (direction === 'higher' ? a > b : a < b);
      for (const e of ranked) {
        const mine = e.roundedValue as number;
        expect(mine, context).toBe(roundHalfUp(e.value as number, decimals));
        // rank = 1 + number strictly better; tied = another has the same rounded value
        const strictlyBetter = ranked.filter((o) => better(o.roundedValue as number, mine)).length;
        const same = ranked.filter((o) => o.roundedValue === mine).length;
        expect(e.rank, context).toBe(strictlyBetter + 1);
        expect(e.tied, context).toBe(same > 1);
      }
      // Sorting by rank sorts by value (best first), and equal ranks mean equal rounded values.
      const sorted = [...ranked].sort((a, b) => (a.rank as number) - (b.rank as number));
      for (let k = 1; k < sorted.length; k++) {
        const prev = sorted[k - 1] as RankedEntry;
        const cur = sorted[k] as RankedEntry;
        const pv = prev.roundedValue as number;
        const cv = cur.roundedValue as number;
        if (prev.rank === cur.rank) expect(cv, context).toBe(pv);
        else expect(better(pv, cv), context).toBe(true);
      }
      // Competition ranking: the ranks are exactly 1 + the position of the first of each group in sorted order.
      const expectedRanks = sorted.map((e, k) => {
        const first = sorted.findIndex((o) => o.roundedValue === e.roundedValue);
        return first === -1 ? k + 1 : first + 1;
      });
      expect(
        sorted.map((e) => e.rank),
        context,
      ).toEqual(expectedRanks);
      // The best rank is 1 whenever something is ranked.
      if (ranked.length > 0) expect(Math.min(...ranked.map((e) => e.rank as number)), context).toBe(1);
    }
  });
});
