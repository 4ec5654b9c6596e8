import { describe, expect, it } from 'vitest';
import {
  completionPhrase,
  growthPhrase,
  listJoin,
  ppChangePhrase,
  progressPhrase,
  rankChangePhrase,
  rankPhrase,
  versusPhrase,
} from '../../../src/shared/domain/phrases';
import { differenceAtPrecision, roundHalfUp } from '../../../src/shared/domain/rounding';
import { aheadOfProgress, timeProgress } from '../../../src/shared/domain/progress';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { ytdLabel } from '../../../src/shared/domain/period-labels';

describe('growthPhrase: 增长/下降, never "增长-"', () => {
  it.each([
    [7.2, 1, '增长7.2%'],
    [-1.3, 1, '下降1.3%'],
    [-1.25, 1, '下降1.3%'], // half away from zero
    [0, 1, '持平'],
    [-0.04, 1, '持平'], // rounds to 0.0
    [0.049, 1, '持平'],
    [0.05, 1, '增长0.1%'],
    [-0.05, 1, '下降0.1%'],
    [12.345, 2, '增长12.35%'],
    [-12.5, 0, '下降13%'],
    [103.0, 1, '增长103.0%'],
  ])('%s at %i decimals → %s', (x, d, phrase) => {
    expect(growthPhrase(x, d)).toBe(phrase);
    expect(growthPhrase(x, d)).not.toContain('-');
  });
});

describe('ppChangePhrase', () => {
  it.each([
    [1.2, 1, '提高1.2个百分点'],
    [-0.8, 1, '下降0.8个百分点'],
    [0.04, 1, '持平'],
    [-0.049, 1, '持平'],
    [2.6, 1, '提高2.6个百分点'],
    [20.8 - 18.2, 1, '提高2.6个百分点'], // 2.6000000000000014 in binary
  ])('%s at %i decimals → %s', (x, d, phrase) => {
    expect(ppChangePhrase(x, d)).toBe(phrase);
  });
});

describe('progressPhrase', () => {
  it.each([
    [28, 1, '超序时进度28.0个百分点'],
    [-3.2, 1, '落后序时进度3.2个百分点'],
    [0.02, 1, '与序时进度持平'],
    [-0.04, 1, '与序时进度持平'],
    [1.8, 1, '超序时进度1.8个百分点'],
  ])('%s at %i decimals → %s', (x, d, phrase) => {
    expect(progressPhrase(x, d)).toBe(phrase);
  });

  it('official-formats §3.4: 97.16% at 1—10月 is 13.8 points ahead, not 13.9', () => {
    // 序时进度 after October = 10/12 = 83.333…; 97.16 − 83.333… = 13.8267 → "13.8".
    // Rounding first would give 97.2 − 83.3 = 13.9, the mistake the rule prevents.
    const progress = timeProgress(parsePeriod('2023-10')).percent;
    const rate = (971.6 / 1000) * 100; // completion rate 97.16%, printed "97.2%"
    expect(completionPhrase(rate, 1)).toBe('完成年度目标的97.2%');
    expect(progressPhrase(aheadOfProgress(rate, progress), 1)).toBe('超序时进度13.8个百分点');
    expect(progressPhrase(roundHalfUp(rate, 1) - roundHalfUp(progress, 1), 1)).toBe('超序时进度13.9个百分点');
  });
});

describe('versusPhrase', () => {
  it.each([
    [1.1, 1, '全省平均', undefined, '高于全省平均1.1个百分点'],
    [-0.5, 1, '全市', undefined, '低于全市0.5个百分点'],
    [0.01, 1, '全市', undefined, '与全市持平'],
    [-0.04, 1, '全省平均', undefined, '与全省平均持平'],
    [12.34, 1, '全市平均', '亿元', '高于全市平均12.3亿元'],
  ])('%s at %i decimals against %s → %s', (x, d, what, unit, phrase) => {
    expect(versusPhrase(x, d, what, unit)).toBe(phrase);
  });
  it('agrees with the table when given the difference at published precision', () => {
    // 7.24 and 6.15 print as 7.2 and 6.2: the text says 1.0, not 1.1.
    expect(versusPhrase(differenceAtPrecision(7.24, 6.15, 1), 1, '全省平均')).toBe('高于全省平均1.0个百分点');
  });
});

describe('rank phrases and lists', () => {
  it.each([
    [3, false, '第3位'],
    [2, true, '并列第2位'],
    [1, false, '第1位'],
    [1, true, '并列第1位'],
  ])('rankPhrase(%i, %s) → %s', (r, tied, phrase) => {
    expect(rankPhrase(r, tied)).toBe(phrase);
  });
  it('rejects a rank that is not a positive integer', () => {
    expect(() => rankPhrase(0, false)).toThrow(/位次/);
    expect(() => rankPhrase(1.5, false)).toThrow(/位次/);
  });
  it.each([
    [2, '前移2位'],
    [-1, '后退1位'],
    [0, '位次不变'],
  ])('rankChangePhrase(%i) → %s', (d, phrase) => {
    expect(rankChangePhrase(d)).toBe(phrase);
  });
  it.each([
    [['南太湖新区', '德清'], '南太湖新区、德清'],
    [['甲', '乙', '丙'], '甲、乙、丙'],
    [['安吉'], '安吉'],
    [[], ''],
  ])('listJoin(%j) → %s', (names, joined) => {
    expect(listJoin(names)).toBe(joined);
  });
  it.each([
    [103, 1, '完成年度目标的103.0%'],
    [97.158, 1, '完成年度目标的97.2%'],
    [99.95, 1, '完成年度目标的100.0%'],
  ])('completionPhrase(%s, %i) → %s', (rate, d, phrase) => {
    expect(completionPhrase(rate, d)).toBe(phrase);
  });
});

describe('the briefing sentence of domain.md, assembled from unrounded figures', () => {
  it('1—9月,全市规上工业增加值同比增长7.2%,高于全省平均1.1个百分点,完成年度目标的103.0%,超序时进度28.0个百分点', () => {
    const period = parsePeriod('2023-09');
    const growth = 7.23; // prints 7.2
    const province = 6.1;
    const rate = 103.04; // prints 103.0
    const ahead = aheadOfProgress(rate, timeProgress(period).percent); // 103.04 − 75 = 28.04 → 28.0
    const sentence = [
      `${ytdLabel(period)},全市规上工业增加值同比${growthPhrase(growth, 1)}`,
      versusPhrase(differenceAtPrecision(growth, province, 1), 1, '全省平均'),
      completionPhrase(rate, 1),
      progressPhrase(ahead, 1),
    ].join(',');
    expect(sentence).toBe(
      '1—9月,全市规上工业增加值同比增长7.2%,高于全省平均1.1个百分点,完成年度目标的103.0%,超序时进度28.0个百分点',
    );
  });
});
