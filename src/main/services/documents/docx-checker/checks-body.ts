import { family, fontMatches, GB, headingLevel, isRed, item, pt, show, type CheckContext } from './context';
import type { ParagraphInfo } from './document-view';
import type { CheckItem } from './types';
import { kindSpec } from '../../../../shared/report/kinds';
import { emWidth } from '../../../../shared/report/layout-text';

const NOT_BODY = /^(报|送|发|抄送|主送|注)[:：]|^（共印|^附件/;

/** Body text: the longer, not centred, not red paragraphs outside tables whose font and size cover most characters. */
export function bodyParagraphs(c: CheckContext): ParagraphInfo[] {
  const candidates = c.doc.paragraphs.filter(
    (p) =>
      !p.inTable &&
      p.text.trim().length >= 20 &&
      p.para.jc !== 'center' &&
      !isRed(p.main.color) &&
      headingLevel(p) === undefined &&
      !NOT_BODY.test(p.text.trim()),
  );
  const weight = new Map<string, number>();
  for (const p of candidates) {
    const key = `${p.main.eastAsia}|${p.main.sz}`;
    weight.set(key, (weight.get(key) ?? 0) + p.text.length);
  }
  const top = [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return candidates.filter((p) => `${p.main.eastAsia}|${p.main.sz}` === top);
}

/** The value that covers most characters of the paragraphs. */
function dominant<T>(paragraphs: readonly ParagraphInfo[], pick: (p: ParagraphInfo) => T): T | undefined {
  const weight = new Map<T, number>();
  for (const p of paragraphs) weight.set(pick(p), (weight.get(pick(p)) ?? 0) + p.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

export function bodyChecks(c: CheckContext): CheckItem[] {
  const body = bodyParagraphs(c);
  const exact = c.expect.fonts !== undefined;
  const main = body[0]?.main;
  const size = main?.sz;
  const line = dominant(body, (p) => `${p.para.lineRule ?? '未设置'}|${p.para.line ?? ''}`);
  const [lineRule, lineValue] = (line ?? '未设置|').split('|');
  const lineTwips = lineValue ? Number(lineValue) : undefined;
  const indent = dominant(body, (p) => `${p.para.firstLineChars ?? ''}|${p.para.firstLine ?? ''}`);
  const [chars, twips] = (indent ?? '|').split('|').map((v) => (v === '' ? undefined : Number(v)));
  const spacing = dominant(body, (p) => p.main.spacing ?? 0) ?? 0;
  const sizePt = (size ?? 0) / 2;
  const grid = c.doc.section;
  const normalSize = (c.doc.styles.run(undefined, {}).sz ?? 20) / 2;
  const gridPitch =
    grid.gridType === 'linesAndChars' || grid.gridType === 'snapToChars'
      ? normalSize + (grid.charSpace ?? 0) / 4096
      : undefined;
  const charPitch = gridPitch ?? sizePt + spacing / 20;
  const widthPt = pt(c.textWidth);
  const exactLine = lineRule === 'exact' && lineTwips !== undefined;
  const wantedPitch = c.expect.linePitchTwips;
  const linesOk =
    exactLine && GB.lines * lineTwips! <= c.textHeight && (wantedPitch === undefined || lineTwips === wantedPitch);
  const indentOk =
    chars === 200 || (chars === undefined && twips !== undefined && Math.abs(twips - (size ?? 32) * 20) <= 10);
  return [
    item(
      'body-font',
      '正文字体（中文）',
      body.length > 0 && fontMatches(main?.eastAsia, c.fonts.body, exact),
      body.length ? show(main?.eastAsia, '未设置中文字体（w:eastAsia）') : '未找到正文段落',
      `${c.fonts.body}（w:eastAsia）`,
    ),
    item(
      'body-latin-font',
      '正文数字和西文字体',
      body.length > 0 && fontMatches(main?.ascii, c.fonts.latin, exact),
      show(main?.ascii),
      `${c.fonts.latin}（w:ascii）`,
    ),
    item(
      'body-size',
      '正文字号',
      size === 32,
      size === undefined ? '未设置' : `${size} 半磅（${size / 2} pt）`,
      '32 半磅（3号，16 pt）',
    ),
    item(
      'line-spacing',
      '正文行距',
      linesOk,
      exactLine
        ? `固定值 ${lineTwips} twip，22 行共 ${GB.lines * lineTwips!} twip`
        : lineRule === 'auto' && lineTwips !== undefined
          ? `多倍行距 ${(lineTwips / 240).toFixed(2)} 倍`
          : `${show(lineRule)}${lineTwips === undefined ? '' : ` ${lineTwips} twip`}`,
      `固定值（exact）${wantedPitch ? `${wantedPitch} twip，` : ''}22 行不超过版心高 ${c.textHeight} twip`,
    ),
    item(
      'chars-per-line',
      '每行28字',
      size !== undefined && GB.chars * charPitch <= widthPt + 0.05,
      gridPitch !== undefined
        ? `字符网格 ${gridPitch.toFixed(2)} pt × 28 = ${(28 * gridPitch).toFixed(1)} pt`
        : size === undefined
          ? '正文字号未设置'
          : `(${sizePt} pt ${spacing >= 0 ? '+' : '−'} ${Math.abs(spacing / 20)} pt) × 28 = ${(28 * charPitch).toFixed(1)} pt`,
      `28 字不超过版心宽 ${widthPt.toFixed(1)} pt`,
    ),
    item(
      'first-line-indent',
      '正文首行缩进',
      indentOk,
      `firstLineChars ${show(chars)}，firstLine ${show(twips)} twip`,
      '首行缩进 2 字（firstLineChars 200 或 firstLine 640 twip）',
    ),
    ...headingChecks(c),
    titleCheck(c),
  ];
}

function headingChecks(c: CheckContext): CheckItem[] {
  const exact = c.expect.fonts !== undefined;
  const levels: [1 | 2 | 3 | 4, string, string][] = [
    [1, '一级标题（一、）字体', c.fonts.heading1],
    [2, '二级标题（（一））字体', c.fonts.heading2],
    [3, '三级标题（1.）字体', c.fonts.body],
    [4, '四级标题（（1））字体', c.fonts.body],
  ];
  return levels.map(([level, label, wanted]) => {
    // Notes in 4号 or smaller ("2. 增速按可比价计算") are not headings.
    const found = c.doc.paragraphs.filter((p) => headingLevel(p) === level && (p.main.sz ?? 32) >= 30);
    const fonts = [...new Set(found.map((p) => p.main.eastAsia ?? '未设置'))];
    return item(
      `heading${level}-font`,
      label,
      found.every((p) => fontMatches(p.main.eastAsia, wanted, exact)),
      found.length ? `${found.length} 处：${fonts.join('、')}` : '文中没有这一级标题',
      wanted,
    );
  });
}

/** The title: the largest centred, not red paragraph before the first 一、 heading (or anywhere, without headings). */
function titleCheck(c: CheckContext): CheckItem {
  const paragraphs = c.doc.paragraphs.filter((p) => !p.inTable);
  const firstHeading = paragraphs.findIndex((p) => headingLevel(p) === 1);
  const scope = firstHeading > 0 ? paragraphs.slice(0, firstHeading) : paragraphs;
  const title = scope
    .filter((p) => p.para.jc === 'center' && p.text.trim() !== '' && !isRed(p.main.color))
    .sort((a, b) => (b.main.sz ?? 0) - (a.main.sz ?? 0))[0];
  const exact = c.expect.fonts !== undefined;
  return item(
    'title',
    '标题字号字体',
    title !== undefined && title.main.sz === 44 && fontMatches(title.main.eastAsia, c.fonts.title, exact),
    title
      ? `“${title.text.replace(/\s+/g, '').slice(0, 24)}”：${show(title.main.sz)} 半磅，${show(title.main.eastAsia)}`
      : '未找到居中的标题',
    `44 半磅（2号），${c.fonts.title}，居中`,
  );
}

export function redRuleCheck(c: CheckContext): CheckItem {
  const expected = `红色（FF0000）分隔线，与版心等宽（${c.textWidth} twip）`;
  if (c.expect.kind && kindSpec(c.expect.kind).head === 'reportTitle')
    return item('red-rule', '版头红色分隔线', true, `${c.expect.kind}不设版头`, expected);
  const rules: { where: string; width: number }[] = [];
  for (const p of c.doc.paragraphs) {
    for (const b of [p.para.top, p.para.bottom]) {
      if (b && b.val !== 'none' && b.val !== 'nil' && isRed(b.color))
        rules.push({ where: '段落边框', width: c.textWidth - (p.para.left ?? 0) - (p.para.right ?? 0) });
    }
  }
  for (const t of c.doc.tables) {
    if (Object.values(t.borders).some((b) => b.val !== 'none' && b.val !== 'nil' && isRed(b.color))) {
      rules.push({ where: '表格边框', width: t.width ?? t.grid.reduce((a, b) => a + b, 0) });
    }
  }
  const full = rules.find((r) => Math.abs(r.width - c.textWidth) <= 20);
  return item(
    'red-rule',
    '版头红色分隔线',
    full !== undefined,
    rules.length ? rules.map((r) => `${r.where}，宽 ${r.width} twip`).join('；') : '没有红色分隔线',
    expected,
  );
}

export function mastheadCheck(c: CheckContext): CheckItem | undefined {
  if (!c.expect.kind) return undefined;
  const head = kindSpec(c.expect.kind).head;
  if (head === 'reportTitle') return undefined;
  const first = c.doc.paragraphs.find(
    (p) => !p.inTable && p.text.trim() !== '' && p.text.trim() !== '（示例数据，仅供演示）',
  );
  // One line (GB/T 9704 §7.2.4 practice: a long name is set smaller rather than broken): its width at its size.
  const widthPt = first ? (emWidth(first.text.trim()) * (first.main.sz ?? 0)) / 2 : 0;
  const oneLine = widthPt <= pt(c.textWidth);
  const ok =
    first !== undefined &&
    isRed(first.main.color) &&
    first.para.jc === 'center' &&
    family(first.main.eastAsia) === family(c.fonts.title) &&
    oneLine;
  return item(
    'masthead',
    head === 'briefingMasthead' ? '报头名称' : '发文机关标志',
    ok,
    first
      ? `“${first.text.trim()}”：${show(first.main.color, '黑色')}，${show(first.para.jc, 'left')}，${show(first.main.eastAsia)} ${show(first.main.sz)} 半磅，宽 ${widthPt.toFixed(0)} pt`
      : '无',
    `红色、居中、${c.fonts.title}，排在一行内（不超过版心宽 ${pt(c.textWidth).toFixed(0)} pt）`,
  );
}
