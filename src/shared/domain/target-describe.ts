import type { Direction } from '../schemas/indicator-system';
import { formatPlain } from './format';
import type { Comparator, ParsedTarget } from './target-types';

/**
 * The comparator a parsed target stands for, in Chinese words, for reasons and tooltips:
 * "不低于6%", "高于40", "6%左右（不低于5.5%即为达到）", "高于GDP增速1个百分点及以上", "降幅不低于4%".
 * The direction decides which side of an approximate target counts as reached.
 */
export function describeTarget(t: ParsedTarget, direction: Direction = 'higher'): string {
  switch (t.op) {
    case 'ge':
    case 'gt':
    case 'le':
    case 'lt':
      return t.decline
        ? `降幅${DECLINE_WORDS[t.op]}${num(-t.value)}${t.unit ?? ''}`
        : `${WORDS[t.op]}${num(t.value)}${t.unit ?? ''}`;
    case 'approx': {
      const u = t.unit ?? '';
      if (t.decline) return `下降${num(-t.value)}${u}左右（降幅不低于${num(-t.value - t.tolerance)}${u}即为达到）`;
      const bound =
        direction === 'higher' ? `不低于${num(t.value - t.tolerance)}` : `不高于${num(t.value + t.tolerance)}`;
      return `${num(t.value)}${u}左右（${bound}${u}即为达到）`;
    }
    case 'range':
      return `${num(t.min)}至${num(t.max)}${t.unit ?? ''}`;
    case 'relative':
      return relativeWords(t.cmp, t.toText, t.offset, t.unit);
    case 'yearlyIncrement':
      return `当年新增不少于${num(t.value)}${t.unit ?? ''}`;
    case 'cumulative':
      return `规划期五年累计${WORDS[t.cmp]}${num(t.value)}`;
    case 'all':
      return t.parts.map((p) => describeTarget(p, direction)).join('，且');
    case 'pending':
    case 'unparsed':
      return t.text;
    case 'notApplicable':
      return '不适用';
  }
}

const WORDS: Record<Comparator, string> = { ge: '不低于', gt: '高于', le: '不高于', lt: '低于' };
/** For a signed decline: le −4 is a decline of at least 4. */
const DECLINE_WORDS: Record<Comparator, string> = { le: '不低于', lt: '高于', ge: '不高于', gt: '低于' };

function num(x: number): string {
  return formatPlain(x, 6);
}

function relativeWords(cmp: Comparator, toText: string, offset: number, unit: 'pp' | 'unit'): string {
  const unitWord = unit === 'pp' ? '个百分点' : '';
  if (offset > 0) return `高于${toText}${num(offset)}${unitWord}及以上`;
  if (offset < 0) return `低于${toText}${num(-offset)}${unitWord}及以上`;
  return `${WORDS[cmp]}${toText}`;
}
