import { fmtMm, fontMatches, GB, item, mm, show, type CheckContext } from './context';
import type { ParagraphInfo } from './document-view';
import type { CheckItem } from './types';

export function pageChecks(c: CheckContext): CheckItem[] {
  const s = c.doc.section;
  const tol = (GB.toleranceMm * 1440) / 25.4;
  const sizeOk =
    s.pageWidth !== undefined &&
    s.pageHeight !== undefined &&
    Math.abs(s.pageWidth - GB.pageWidth) <= tol &&
    Math.abs(s.pageHeight - GB.pageHeight) <= tol;
  const margins = { top: s.top, bottom: s.bottom, left: s.left, right: s.right };
  const marginOk = (Object.keys(GB.marginsMm) as (keyof typeof GB.marginsMm)[]).every(
    (k) => margins[k] !== undefined && Math.abs(mm(margins[k]!) - GB.marginsMm[k]) <= GB.toleranceMm,
  );
  const m = (v: number | undefined) => (v === undefined ? '未设置' : fmtMm(v));
  return [
    item(
      'page-size',
      '纸张大小',
      sizeOk,
      s.pageWidth && s.pageHeight
        ? `${s.pageWidth}×${s.pageHeight} twip（${mm(s.pageWidth).toFixed(1)}×${mm(s.pageHeight).toFixed(1)} mm）`
        : '未设置',
      `A4 ${GB.pageWidth}×${GB.pageHeight} twip（210×297 mm，±1 mm）`,
    ),
    item(
      'margins',
      '页边距',
      marginOk,
      `上 ${m(s.top)}，下 ${m(s.bottom)}，左 ${m(s.left)}，右 ${m(s.right)}`,
      '上 37 mm，下 35 mm，左 28 mm，右 26 mm（±1 mm）',
    ),
  ];
}

/** The paragraph of a footer that holds the page number field. */
function pageNumberParagraph(paragraphs: readonly ParagraphInfo[]): ParagraphInfo | undefined {
  return paragraphs.find((p) => p.fields.includes('PAGE')) ?? paragraphs.find((p) => p.text.trim() !== '');
}

export function footerChecks(c: CheckContext): CheckItem[] {
  const types = [...c.doc.footers.keys()];
  const odd = pageNumberParagraph(c.doc.footers.get('default')?.paragraphs ?? []);
  const even = pageNumberParagraph(c.doc.footers.get('even')?.paragraphs ?? []);
  const both = [odd, even];
  const describe = (p: ParagraphInfo | undefined) => (p ? `“${p.text.trim()}”` : '无');
  const dashOk = (p: ParagraphInfo | undefined) =>
    p !== undefined && /^\u2014\s*\{PAGE\}\s*\u2014$/.test(p.text.trim());
  const fontOf = (p: ParagraphInfo | undefined) => {
    const runs = p?.runs.filter((r) => r.text.trim() !== '') ?? [];
    return [
      ...new Set(
        runs.map(
          (r) => `${show(r.props.eastAsia)}/${show(r.props.ascii)}/${show(r.props.hAnsi)} ${show(r.props.sz)} 半磅`,
        ),
      ),
    ];
  };
  const fontOk = (p: ParagraphInfo | undefined) =>
    p !== undefined &&
    p.runs.length > 0 &&
    p.runs.every(
      (r) =>
        r.text.trim() === '' ||
        (fontMatches(r.props.eastAsia, c.fonts.pageNumber, false) &&
          fontMatches(r.props.ascii, c.fonts.pageNumber, false) &&
          fontMatches(r.props.hAnsi, c.fonts.pageNumber, false) &&
          r.props.sz === 28),
    );
  const noFirstLine = (p: ParagraphInfo) => (p.para.firstLine ?? 0) === 0 && (p.para.firstLineChars ?? 0) === 0;
  const near = (v: number | undefined, want: number) => v !== undefined && Math.abs(v - want) <= 10;
  const oddOk = odd !== undefined && odd.para.jc === 'right' && near(odd.para.right, 280) && noFirstLine(odd);
  const evenOk =
    even !== undefined &&
    (even.para.jc === 'left' || even.para.jc === 'start' || even.para.jc === undefined) &&
    near(even.para.left, 280) &&
    noFirstLine(even);
  const pos = (p: ParagraphInfo | undefined) =>
    p
      ? `${show(p.para.jc, 'left')}，左缩进 ${show(p.para.left, '0')}，右缩进 ${show(p.para.right, '0')}，首行缩进 ${show(p.para.firstLine, '0')}`
      : '无页码段落';
  return [
    item(
      'footers',
      '奇偶页页脚',
      types.includes('default') && types.includes('even'),
      types.length ? types.join('、') : '无页脚',
      'default（奇数页）和 even（偶数页）两个页脚',
    ),
    item(
      'even-odd-headers',
      '奇偶页不同设置',
      c.doc.evenAndOddHeaders,
      c.doc.evenAndOddHeaders ? '已设置 evenAndOddHeaders' : 'settings.xml 中没有 evenAndOddHeaders',
      'settings.xml 中有 w:evenAndOddHeaders',
    ),
    item(
      'page-field',
      '页码域',
      both.every((p) => p?.fields.includes('PAGE') === true),
      `奇数页 ${odd?.fields.join('、') || '无域'}；偶数页 ${even?.fields.join('、') || '无域'}`,
      '两个页脚都有 PAGE 域',
    ),
    item(
      'page-dashes',
      '页码一字线',
      both.every(dashOk),
      `奇数页 ${describe(odd)}；偶数页 ${describe(even)}`,
      '“— {PAGE} —”，一字线为 U+2014',
    ),
    item(
      'page-font',
      '页码字体字号',
      both.every(fontOk),
      `奇数页 ${fontOf(odd).join('；') || '无'}；偶数页 ${fontOf(even).join('；') || '无'}`,
      `${c.fonts.pageNumber}（中文、西文槽位）28 半磅（4号）`,
    ),
    item(
      'page-position',
      '页码位置',
      oddOk && evenOk,
      `奇数页 ${pos(odd)}；偶数页 ${pos(even)}`,
      '奇数页居右、右缩进 280 twip（1字）；偶数页居左、左缩进 280 twip；首行缩进 0',
    ),
  ];
}
