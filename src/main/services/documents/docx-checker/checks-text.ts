import { item, type CheckContext } from './context';
import type { CheckItem } from './types';

const TEXTBOX = /<(wps:txbx|v:textbox|w:txbxContent)\b/;
const DATE_LIKE = /\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/g;
const STRICT_DATE = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;
const GOOD_RANGE = /\d{1,2}\u2014\d{1,2}月/g;
const BAD_RANGE = /\d{1,2}\s*[-－–~～‐‑]\s*\d{1,2}\s*月/g;
const NEGATIVE_GROWTH = /增长\s*[-−－]\s*\d/g;

const sample = (xs: readonly string[]) => xs.slice(0, 3).join('、') + (xs.length > 3 ? ` 等 ${xs.length} 处` : '');

export function textChecks(c: CheckContext): CheckItem[] {
  const boxes = [...c.pkg.parts.entries()].filter(([, xml]) => TEXTBOX.test(xml)).map(([path]) => path);
  const text = c.doc.allText;
  const dates = [...text.matchAll(DATE_LIKE)].map((m) => m[0]);
  const badDates = dates.filter((d) => !STRICT_DATE.test(d));
  const wantedDate = c.expect.dateText;
  const good = [...text.matchAll(GOOD_RANGE)].map((m) => m[0]);
  const bad = [...text.matchAll(BAD_RANGE)].map((m) => m[0]);
  const negative = [...text.matchAll(NEGATIVE_GROWTH)].map((m) => m[0]);
  const out: CheckItem[] = [
    item(
      'no-textbox',
      '不用文本框',
      boxes.length === 0,
      boxes.length ? `文本框在 ${boxes.join('、')}` : '没有文本框',
      '不含文本框（WPS 中文本框可能显示为空白）',
    ),
    item(
      'date-format',
      '日期写法',
      badDates.length === 0 &&
        (wantedDate === undefined || (STRICT_DATE.test(wantedDate) && dates.includes(wantedDate))),
      dates.length ? `${sample(dates)}${badDates.length ? `；不规范：${sample(badDates)}` : ''}` : '文中没有日期',
      `阿拉伯数字年月日，月日不编虚位（如 2023年10月8日）${wantedDate ? `，含“${wantedDate}”` : ''}`,
    ),
    item(
      'period-dash',
      '时间段连接号',
      bad.length === 0,
      `一字线 ${good.length} 处${good.length ? `（${sample(good)}）` : ''}；其他连接号 ${bad.length} 处${bad.length ? `（${sample(bad)}）` : ''}`,
      '时间段用一字线“—”（U+2014），如“1—9月”，不写“1-9月”',
    ),
    item(
      'negative-growth',
      '负增长写法',
      negative.length === 0,
      negative.length ? sample(negative) : '没有“增长-x%”',
      '负增长写“下降x%”，不写“增长-x%”',
    ),
  ];
  if (c.expect.sample) {
    const inBody = c.doc.paragraphs.some((p) => p.text.includes('示例数据'));
    const inHeader = [...c.doc.headers.values()].some((h) => h.paragraphs.some((p) => p.text.includes('示例数据')));
    out.push(
      item(
        'sample-mark',
        '示例数据标注',
        inBody && inHeader,
        `正文${inBody ? '有' : '没有'}，页眉${inHeader ? '有' : '没有'}`,
        '正文和页眉都标明“示例数据”',
      ),
    );
  }
  return out;
}
