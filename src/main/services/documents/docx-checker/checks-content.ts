import { kindSpec } from '../../../../shared/report/kinds';
import { REASON_PLACEHOLDER } from '../../../../shared/report/layout-text';
import { headingLevel, item, type CheckContext } from './context';
import type { CheckItem } from './types';

/**
 * What the text says, beyond the layout (内容): places left for the clerk still unfilled, section numbers that
 * jump, a year-end document still writing "1—12月", and a 通报 without its 主送机关, "特此通报" or 附件说明.
 */

const CHINESE_DIGITS = '〇一二三四五六七八九';

/** 一 → 1, 十二 → 12, 二十 → 20. */
function chineseNumber(text: string): number | null {
  if (!/^[一二三四五六七八九十]+$/.test(text)) return null;
  if (text === '十') return 10;
  const [tens, ones] = text.includes('十') ? text.split('十') : ['', text];
  const t = tens === '' ? (text.includes('十') ? 1 : 0) : CHINESE_DIGITS.indexOf(tens ?? '');
  const o = ones === '' || ones === undefined ? 0 : CHINESE_DIGITS.indexOf(ones);
  return t * 10 + o;
}

/** The numbers of the 一、 headings and, under each, of its （一） headings, in order. */
function headingNumbers(c: CheckContext): { level1: number[]; level2: number[][] } {
  const level1: number[] = [];
  const level2: number[][] = [[]];
  for (const p of c.doc.paragraphs) {
    const level = headingLevel(p);
    const text = p.text.trim();
    if (level === 1) {
      const n = chineseNumber(/^([一二三四五六七八九十]+)、/.exec(text)?.[1] ?? '');
      if (n !== null) level1.push(n);
      level2.push([]);
    } else if (level === 2) {
      const n = chineseNumber(/^[（(]([一二三四五六七八九十]+)[）)]/.exec(text)?.[1] ?? '');
      if (n !== null) level2[level2.length - 1]!.push(n);
    }
  }
  return { level1, level2: level2.filter((l) => l.length > 0) };
}

const contiguous = (ns: number[]) => ns.every((n, i) => n === i + 1);

export function contentChecks(c: CheckContext): CheckItem[] {
  const text = c.doc.allText;
  const out: CheckItem[] = [];
  const placeholders = text.split(REASON_PLACEHOLDER).length - 1;
  out.push(
    item(
      'placeholders',
      '待填写的原因分析',
      placeholders === 0,
      placeholders ? `还有 ${placeholders} 处“${REASON_PLACEHOLDER}”` : '没有未填写之处',
      '每处原因分析都已填写',
      '内容',
    ),
  );
  const { level1, level2 } = headingNumbers(c);
  const jumps = [contiguous(level1) ? null : level1, ...level2.map((l) => (contiguous(l) ? null : l))].filter(
    (x): x is number[] => x !== null,
  );
  out.push(
    item(
      'numbering',
      '标题序号连续',
      jumps.length === 0,
      jumps.length
        ? `序号不连续：${jumps.map((j) => j.join('、')).join('；')}`
        : `一级 ${level1.length} 个、二级 ${level2.flat().length} 个，均连续`,
      '“一、二、三”和各部分下的“（一）（二）”从一起连续编号',
      '内容',
    ),
  );
  if (c.expect.yearEnd) {
    const wrong = text.match(/1\u201412月/g) ?? [];
    out.push(
      item(
        'year-end',
        '年末的时间写法',
        wrong.length === 0,
        wrong.length ? `有 ${wrong.length} 处“1—12月”` : '没有“1—12月”',
        '全年数据写“××××年”或“全年”，不写“1—12月”',
        '内容',
      ),
    );
  }
  if (c.expect.kind) out.push(...kindParts(c, kindSpec(c.expect.kind)));
  return out;
}

/** The fixed parts the kind has: 主送机关 line, closing sentence, 附件说明 with its attachment. */
function kindParts(c: CheckContext, spec: ReturnType<typeof kindSpec>): CheckItem[] {
  const body = c.doc.paragraphs.filter((p) => !p.inTable).map((p) => p.text.trim());
  const out: CheckItem[] = [];
  if (spec.addressee) {
    const firstHeading = body.findIndex((t) => /^[一二三四五六七八九十]+、/.test(t));
    const before = firstHeading >= 0 ? body.slice(0, firstHeading) : body;
    const line = before.find((t) => t.endsWith('：') && !/^(报|送|发|抄送|附件)[:：]/.test(t) && t.length < 200);
    out.push(
      item(
        'addressee',
        '主送机关',
        line !== undefined,
        line ? `“${line.slice(0, 30)}”` : '标题下没有以冒号结尾的主送机关行，请在“设置”中填写主送机关',
        '标题下一行顶格写主送机关，以全角冒号结尾',
        '内容',
      ),
    );
  }
  if (spec.closing) {
    const closing = spec.closing;
    out.push(
      item(
        'closing',
        `结束语“${closing.replace(/。$/, '')}”`,
        body.includes(closing),
        body.includes(closing) ? '有' : '没有',
        `正文末尾单独一段“${closing}”`,
        '内容',
      ),
    );
  }
  // A 公文 with attachments (a 通报) states them after the body; a 简报's printed ranking needs no 附件说明.
  const labels = body.filter((t) => /^附件\d*$/.test(t)).length;
  const notes = body.filter((t) => /^附件[:：]/.test(t)).length;
  if (notes > 0 || spec.districtTables === 'attachment') {
    out.push(
      item(
        'attachment',
        '附件说明与附件',
        notes > 0 && labels > 0,
        `附件说明 ${notes} 处，附件 ${labels} 个`,
        '正文后有“附件：…”说明，并附有对应的附件',
        '内容',
      ),
    );
  }
  return out;
}
