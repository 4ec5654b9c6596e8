import { formatFixed, roundHalfUp } from './rounding';

/**
 * The fixed statistical wording of briefings (official-formats §3.3–3.5). Every function takes the
 * unrounded value, rounds it once to the published precision, and chooses the word from the rounded value:
 * a change that rounds to zero is "持平", a negative one is "下降X%" (never "增长-X%").
 */

/** Sign of x at a precision, and its magnitude as printed. */
function signed(x: number, decimals: number): { sign: -1 | 0 | 1; magnitude: string } {
  const rounded = roundHalfUp(x, decimals);
  const sign = rounded > 0 ? 1 : rounded < 0 ? -1 : 0;
  return { sign, magnitude: formatFixed(Math.abs(rounded), decimals) };
}

/** A growth rate in percent: 7.2 → "增长7.2%", -1.3 → "下降1.3%", -0.04 at 1 decimal → "持平". */
export function growthPhrase(pct: number, decimals: number): string {
  const { sign, magnitude } = signed(pct, decimals);
  if (sign === 0) return '持平';
  return `${sign > 0 ? '增长' : '下降'}${magnitude}%`;
}

/** A change of a rate or share in percentage points: "提高1.2个百分点", "下降0.8个百分点", "持平". */
export function ppChangePhrase(pp: number, decimals: number): string {
  const { sign, magnitude } = signed(pp, decimals);
  if (sign === 0) return '持平';
  return `${sign > 0 ? '提高' : '下降'}${magnitude}个百分点`;
}

/**
 * Completion rate against time progress, from the unrounded difference 完成率 − 序时进度:
 * "超序时进度28.0个百分点", "落后序时进度3.2个百分点", "与序时进度持平".
 */
export function progressPhrase(aheadPp: number, decimals: number): string {
  const { sign, magnitude } = signed(aheadPp, decimals);
  if (sign === 0) return '与序时进度持平';
  return `${sign > 0 ? '超' : '落后'}序时进度${magnitude}个百分点`;
}

/**
 * A figure against a reference, `what` naming it ("全省平均", "全市"): "高于全省平均1.1个百分点",
 * "低于全市0.5个百分点", "与全市持平". The unit defaults to 个百分点 (rates and shares); pass the
 * indicator's unit ("亿元") for levels. For two figures printed side by side, pass their difference at the
 * published precision (differenceAtPrecision) so the text agrees with the table.
 */
export function versusPhrase(diff: number, decimals: number, what: string, unit = '个百分点'): string {
  const { sign, magnitude } = signed(diff, decimals);
  if (sign === 0) return `与${what}持平`;
  return `${sign > 0 ? '高于' : '低于'}${what}${magnitude}${unit}`;
}

function checkRank(n: number, label: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${label}应为整数，收到 ${String(n)}`);
}

/** A rank: "第3位", or "并列第2位" when shared. */
export function rankPhrase(rank: number, tied: boolean): string {
  checkRank(rank, '位次');
  if (rank < 1) throw new RangeError(`位次应从 1 开始，收到 ${rank}`);
  return `${tied ? '并列' : ''}第${rank}位`;
}

/** A change of rank (positive = moved up): "前移2位", "后退1位", "位次不变". */
export function rankChangePhrase(delta: number): string {
  checkRank(delta, '位次变化');
  if (delta === 0) return '位次不变';
  return delta > 0 ? `前移${delta}位` : `后退${-delta}位`;
}

/** Names joined with the enumeration comma: ["甲", "乙", "丙"] → "甲、乙、丙". */
export function listJoin(names: readonly string[]): string {
  return names.join('、');
}

/** Completion of the annual target: 103.0 → "完成年度目标的103.0%". */
export function completionPhrase(rate: number, decimals: number): string {
  return `完成年度目标的${formatFixed(rate, decimals)}%`;
}
