import type { TargetValue } from '../schemas/indicator-system';
import { formatPlain } from './format';
import { roundHalfUp } from './rounding';
import {
  isPercentUnit,
  looksLikeUnit,
  normalizeTargetText,
  NUMBER_PATTERN,
  parseNumberToken,
  scaleByPowerOfTen,
  unitScale,
} from './target-text';
import type { Comparator, ParsedTarget, RelativeReference, TargetParseContext } from './target-types';

export type * from './target-types';

/**
 * Reads a comparator from a target as printed, keeping the text (domain.md "Indicators and targets").
 * The text is matched as a whole against known forms; anything else is 'unparsed' and judged by hand.
 *
 * | printed                                       | parsed                                              |
 * | 2个以上 · 不低于40 · 不少于800亿元 · ≥40 · 达到19件以上 | ge                                            |
 * | 超过40 · 突破6000 · 超50% · >6                  | gt (exactly 40 does not exceed 40)                  |
 * | ≤4.5 · 控制在5%以内 · 3%以内 · 降至1%以下 · 不超过5  | le                                                 |
 * | 低于0.011人/亿元                                | lt                                                  |
 * | 12 · 增长10% (no 以上/以下)                      | ge when higher is better, le when lower is better   |
 * | 增长6%左右 · 7左右 · 占全国份额13.4‰左右           | approx (tolerance ±0.5 for %, ‰, 个百分点; else ±5%) |
 * | 下降4%以上 · 下降20%左右                         | decline: value −4 le; −20 approx                    |
 * | 力争达到4家 · 力争提高至8%                        | as without 力争, marked aspirational                |
 * | 1—2家                                         | range                                               |
 * | 高于GDP增速1个百分点 · 高于全市平均增速 · 高于省均    | relative (label / city / province)                  |
 * | 每年新增10家                                    | yearlyIncrement                                     |
 * | [5.1] · [17.4]以上                             | cumulative (five-year)                              |
 * | 进入全国前40位 · 50强                            | le (a rank; only for indicators counted in 位/名)   |
 * | 120%以上、高于省均                               | all (every part)                                    |
 * | 完成省定目标 · 省下达指标 · 待省下达… · 与经济增长(基本)同步 · 适度增长… | pending                   |
 * | /                                             | notApplicable                                       |
 * | 4.5(含南太湖新区)                               | as 4.5, with the remark as a note                   |
 */
export function parseTargetText(text: string, ctx: TargetParseContext): ParsedTarget {
  const t = normalizeTargetText(text);
  if (t === '') return { op: 'unparsed', text, reason: '目标为空' };
  if (t === '/') return { op: 'notApplicable', text };
  const pending = pendingReason(t);
  if (pending) return { op: 'pending', text, reason: pending };
  if (t.includes('、')) return parseCompound(text, t, ctx);
  return parseSingle(text, t, ctx);
}

/** A target as stored (number or verbatim text), parsed. A number is compared by the indicator's direction. */
export function parseTarget(target: TargetValue, ctx: TargetParseContext): ParsedTarget {
  if (typeof target === 'string') return parseTargetText(target, ctx);
  return {
    op: defaultComparator(ctx),
    value: target,
    text: formatPlain(target, 6),
    ...(ctx.unit !== undefined ? { unit: ctx.unit } : {}),
  };
}

const N = NUMBER_PATTERN;

function defaultComparator(ctx: TargetParseContext): Comparator {
  return ctx.direction === 'higher' ? 'ge' : 'le';
}

function defaultNote(ctx: TargetParseContext): string {
  return ctx.direction === 'higher'
    ? '未写“以上”“以下”，按越大越好理解为不低于目标值'
    : '未写“以上”“以下”，按越小越好理解为不高于目标值';
}

function unparsed(text: string, reason: string): ParsedTarget {
  return { op: 'unparsed', text, reason };
}

function pendingReason(t: string): string | null {
  if (/省下达|省定|上级下达/.test(t)) return '目标以省下达（省定）任务为准，待录入具体数值后再判断';
  if (/^与.+(同步|持平)$/.test(t)) return '目标为与其他指标同步或持平的表述，需人工判断';
  if (/^适度/.test(t)) return '目标为定性表述，需人工判断';
  return null;
}

function parseCompound(text: string, t: string, ctx: TargetParseContext): ParsedTarget {
  const parts: ParsedTarget[] = [];
  for (const piece of t.split('、')) {
    const part = parseTargetText(piece, ctx);
    if (part.op === 'unparsed') return unparsed(text, `目标中的“${piece}”无法自动判断，需人工判断`);
    parts.push(part);
  }
  return { op: 'all', text, parts };
}

/** Splits off a trailing remark in parentheses: "4.5(含南太湖新区)" → ["4.5", "含南太湖新区"]. */
function splitRemark(t: string): { body: string; notes: string[] } {
  const m = /^(.+?)\(([^()]{2,})\)$/.exec(t);
  return m ? { body: m[1] ?? t, notes: [m[2] ?? ''] } : { body: t, notes: [] };
}

function parseSingle(text: string, normalized: string, ctx: TargetParseContext): ParsedTarget {
  const { body: withoutRemark, notes } = splitRemark(normalized);
  let body = withoutRemark;
  let aspirational = false;
  if (body.startsWith('力争')) {
    aspirational = true;
    body = body.slice(2);
  } else if (body.startsWith('确保')) {
    body = body.slice(2);
  }
  body = body.replace(/^占[^\d]*?(?:份额|比重|比例)(?:达到|达|为)?(?=\d)/, '');
  const parsed =
    parseCumulative(text, body, ctx) ??
    parseYearlyIncrement(text, body, ctx) ??
    parseRelative(text, body) ??
    parseRankTarget(text, body, ctx) ??
    parseRange(text, body, ctx) ??
    parseComparison(text, body, ctx) ??
    unparsed(text, `目标“${text}”不是可自动判断的写法，需人工判断`);
  if (parsed.op === 'unparsed') return parsed;
  const allNotes = [...notes, ...(parsed.notes ?? [])];
  return {
    ...parsed,
    ...(aspirational ? { aspirational: true } : {}),
    ...(allNotes.length > 0 ? { notes: allNotes } : {}),
  };
}

/** The value of a number written with a unit, in the indicator's unit; a Chinese reason when impossible. */
function valueInUnit(
  token: string,
  unitText: string,
  ctx: TargetParseContext,
): { value: number; unit?: string } | { reason: string } {
  const n = parseNumberToken(token);
  if (n === null) return { reason: `无法识别目标中的数字“${token}”` };
  const scale = ctx.unit === undefined ? null : unitScale(unitText, ctx.unit);
  if (scale !== null) return { value: scaleByPowerOfTen(n, scale), unit: ctx.unit ?? unitText };
  if (!looksLikeUnit(unitText)) return { reason: '目标不是可自动判断的写法，需人工判断' };
  if (ctx.unit !== undefined) return { reason: `目标单位“${unitText}”与指标单位“${ctx.unit}”不一致，需人工判断` };
  return unitText === '' ? { value: n } : { value: n, unit: unitText };
}

function parseCumulative(text: string, body: string, ctx: TargetParseContext): ParsedTarget | null {
  const m = /^\[(\d+(?:\.\d+)?)\](以上|以下)?$/.exec(body);
  if (!m) return null;
  const cmp: Comparator = m[2] === '以上' ? 'ge' : m[2] === '以下' ? 'le' : defaultComparator(ctx);
  return { op: 'cumulative', text, value: Number(m[1]), cmp, notes: ['方括号内为五年累计数'] };
}

function parseYearlyIncrement(text: string, body: string, ctx: TargetParseContext): ParsedTarget | null {
  const m = new RegExp(`^每年(?:新增|增加)${N}([^\\d]*?)(以上)?$`).exec(body);
  if (!m) return null;
  const v = valueInUnit(m[1] ?? '', m[2] ?? '', ctx);
  if ('reason' in v) return unparsed(text, v.reason);
  return { op: 'yearlyIncrement', text, ...v };
}

const RELATIVE_RE = /^(不低于|不高于|高于|超过|快于|低于|慢于)([^\d]+?)(?:(\d+(?:\.\d+)?)个百分点)?(以上)?$/;

function referenceOf(toText: string): RelativeReference {
  if (/^全市/.test(toText)) return { city: true };
  if (/^(全省|省均|省平均)/.test(toText)) return { province: true };
  return { label: toText };
}

function parseRelative(text: string, body: string): ParsedTarget | null {
  const m = RELATIVE_RE.exec(body);
  if (!m) return null;
  const word = m[1] ?? '';
  const toText = m[2] ?? '';
  const offset = m[3] === undefined ? 0 : Number(m[3]);
  const above = word === '高于' || word === '超过' || word === '快于' || word === '不低于';
  let cmp: Comparator;
  if (word === '不低于') cmp = 'ge';
  else if (word === '不高于') cmp = 'le';
  else if (offset > 0) cmp = above ? 'ge' : 'le';
  else cmp = above ? 'gt' : 'lt';
  return {
    op: 'relative',
    text,
    to: referenceOf(toText),
    toText,
    offset: above || offset === 0 ? offset : -offset,
    unit: m[3] === undefined ? 'unit' : 'pp',
    cmp,
  };
}

function parseRankTarget(text: string, body: string, ctx: TargetParseContext): ParsedTarget | null {
  const m = new RegExp(`^(?:进入|保持|位居|位列)?(?:全国|全省|全市|全球)?(?:前${N}(?:位|名)(?:以内)?|${N}强)$`).exec(
    body,
  );
  if (!m) return null;
  const n = parseNumberToken(m[1] ?? m[2] ?? '');
  if (n === null) return null;
  if (ctx.unit !== undefined && !/^(位|名|位次)$/.test(ctx.unit)) {
    return unparsed(text, `目标为位次，而指标单位为“${ctx.unit}”，需人工判断`);
  }
  return { op: 'le', text, value: n, unit: ctx.unit ?? '位', notes: ['位次目标：位次数值越小越好'] };
}

function parseRange(text: string, body: string, ctx: TargetParseContext): ParsedTarget | null {
  const m = new RegExp(`^${N}([^\\d—~-]*?)[—~-]${N}([^\\d]*?)(左右)?$`).exec(body);
  if (!m) return null;
  if (m[5]) return unparsed(text, '区间目标又写“左右”，需人工判断');
  const firstUnit = m[2] ?? '';
  const unitText = m[4] ?? '';
  if (firstUnit !== '' && firstUnit !== unitText) return unparsed(text, '区间两端单位不一致，需人工判断');
  const lo = valueInUnit(m[1] ?? '', unitText, ctx);
  const hi = valueInUnit(m[3] ?? '', unitText, ctx);
  if ('reason' in lo) return unparsed(text, lo.reason);
  if ('reason' in hi) return unparsed(text, hi.reason);
  if (lo.value > hi.value) return unparsed(text, '区间下限大于上限，需人工判断');
  return { op: 'range', text, min: lo.value, max: hi.value, ...(lo.unit !== undefined ? { unit: lo.unit } : {}) };
}

type PrefixOp = Comparator | 'none';

/** Words before the number, longest first so that 不低于 is not read as 低于. */
const PREFIX_WORDS: readonly (readonly [string, PrefixOp])[] = [
  ['不低于', 'ge'],
  ['不少于', 'ge'],
  ['不小于', 'ge'],
  ['至少', 'ge'],
  ['≥', 'ge'],
  ['>=', 'ge'],
  ['提高至', 'ge'],
  ['提高到', 'ge'],
  ['提升至', 'ge'],
  ['提升到', 'ge'],
  ['增加到', 'ge'],
  ['增长到', 'ge'],
  ['增至', 'ge'],
  ['不超过', 'le'],
  ['不高于', 'le'],
  ['不大于', 'le'],
  ['最多', 'le'],
  ['≤', 'le'],
  ['<=', 'le'],
  ['下降至', 'le'],
  ['下降到', 'le'],
  ['降低至', 'le'],
  ['降低到', 'le'],
  ['降至', 'le'],
  ['降到', 'le'],
  ['控制在', 'le'],
  ['超过', 'gt'],
  ['突破', 'gt'],
  ['高于', 'gt'],
  ['大于', 'gt'],
  ['多于', 'gt'],
  ['超', 'gt'],
  ['破', 'gt'],
  ['>', 'gt'],
  ['低于', 'lt'],
  ['少于', 'lt'],
  ['小于', 'lt'],
  ['<', 'lt'],
  ['达到', 'none'],
  ['达', 'none'],
  ['实现', 'none'],
];
const PREFIXES = [...PREFIX_WORDS].sort((a, b) => b[0].length - a[0].length);

const SIGN_WORDS: readonly (readonly [string, 1 | -1])[] = [
  ['增长', 1],
  ['增加', 1],
  ['提高', 1],
  ['提升', 1],
  ['下降', -1],
  ['降低', -1],
  ['减少', -1],
];

const SUFFIX_OPS: Record<string, Comparator | 'approx'> = {
  及以上: 'ge',
  以上: 'ge',
  以下: 'le',
  以内: 'le',
  左右: 'approx',
};

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMPARISON_RE = new RegExp(
  `^(${PREFIXES.map(([w]) => escape(w)).join('|')})?(${SIGN_WORDS.map(([w]) => w).join('|')})?${N}([^\\d]*?)(及以上|以上|以下|以内|左右)?$`,
);

const FLIP: Record<Comparator, Comparator> = { ge: 'le', gt: 'lt', le: 'ge', lt: 'gt' };

/** Combines the word before the number with the one after it; null when they contradict each other. */
function combine(prefix: PrefixOp, suffix: Comparator | 'approx' | undefined): PrefixOp | 'approx' | null {
  if (suffix === undefined) return prefix;
  if (prefix === 'none') return suffix;
  if (suffix === 'approx') return null;
  if (suffix === 'ge') return prefix === 'ge' || prefix === 'gt' ? prefix : null;
  return prefix === 'le' || prefix === 'lt' ? prefix : null; // 以下 / 以内
}

function toleranceFor(value: number, unit: string | undefined, ctx: TargetParseContext): number {
  const percentLike = isPercentUnit(unit) || isPercentUnit(ctx.unit) || ctx.kind === 'growth' || ctx.kind === 'share';
  return percentLike ? 0.5 : roundHalfUp(Math.abs(value) * 0.05, 10);
}

function parseComparison(text: string, body: string, ctx: TargetParseContext): ParsedTarget | null {
  const m = COMPARISON_RE.exec(body);
  if (!m) return null;
  const prefix: PrefixOp = PREFIXES.find(([w]) => w === m[1])?.[1] ?? 'none';
  const sign = SIGN_WORDS.find(([w]) => w === m[2])?.[1] ?? 1;
  const suffix = m[5] === undefined ? undefined : SUFFIX_OPS[m[5]];
  const magnitudeOp = combine(prefix, suffix);
  if (magnitudeOp === null) return unparsed(text, `目标“${text}”前后的比较词相互矛盾，需人工判断`);
  const v = valueInUnit(m[3] ?? '', m[4] ?? '', ctx);
  if ('reason' in v) return unparsed(text, v.reason);
  const unitPart = v.unit !== undefined ? { unit: v.unit } : {};
  const decline = sign === -1;
  const value = decline ? -v.value : v.value;
  const declinePart = decline ? { decline: true } : {};
  if (magnitudeOp === 'approx') {
    return { op: 'approx', text, value, tolerance: toleranceFor(v.value, v.unit, ctx), ...unitPart, ...declinePart };
  }
  if (magnitudeOp === 'none') {
    // 下降X% without 以上: a decline of at least X; otherwise the indicator's direction decides.
    if (decline) return { op: 'le', text, value, ...unitPart, ...declinePart, notes: ['“下降X”理解为降幅不低于X'] };
    return { op: defaultComparator(ctx), text, value, ...unitPart, notes: [defaultNote(ctx)] };
  }
  return { op: decline ? FLIP[magnitudeOp] : magnitudeOp, text, value, ...unitPart, ...declinePart };
}
