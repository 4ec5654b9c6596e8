import type { CheckContext } from './context';
import type { CheckItem } from './types';

/** Line pitch in 磅 as an office states it: 579 twip → "28.95磅". */
function points(twips: number): string {
  return `${Number((twips / 20).toFixed(2))}磅`;
}

/**
 * What each check requires, in the words a clerk uses ("正文：三号仿宋_GB2312"), so the list after an export
 * reads like the office's own checklist. The measured values in twip, 半磅 or XML names stay in the item's
 * 实测/要求 for whoever needs them, folded under 详情.
 */
function requirement(id: string, c: CheckContext): string | undefined {
  const f = c.fonts;
  const pitch = c.expect.linePitchTwips;
  switch (id) {
    case 'page-size':
      return '纸张：A4（210×297毫米）';
    case 'margins':
      return '页边距：上37毫米、下35毫米、左28毫米、右26毫米';
    case 'body-font':
      return `正文：${f.body}`;
    case 'body-latin-font':
      return `正文中的数字和字母：${f.latin}`;
    case 'body-size':
      return '正文：三号字';
    case 'line-spacing':
      return `正文行距：固定值${pitch ? points(pitch) : ''}，每页22行`;
    case 'chars-per-line':
      return '正文每行28字';
    case 'first-line-indent':
      return '每段首行缩进2字';
    case 'heading1-font':
      return `一级标题（一、）：${f.heading1}`;
    case 'heading2-font':
      return `二级标题（（一））：${f.heading2}`;
    case 'heading3-font':
      return `三级标题（1.）：${f.body}`;
    case 'heading4-font':
      return `四级标题（（1））：${f.body}`;
    case 'title':
      return `标题：二号${f.title}，居中`;
    case 'red-rule':
      return '版头下的红色分隔线与正文同宽';
    case 'masthead':
      return `报头名称：红色${f.title}，居中，排在一行内`;
    case 'footers':
    case 'even-odd-headers':
      return '单页码居右、双页码居左';
    case 'page-field':
      return '每页都有页码';
    case 'page-dashes':
      return '页码两边加一字线，如“— 1 —”';
    case 'page-font':
      return `页码：四号${f.pageNumber}`;
    case 'page-position':
      return '单页码居右空一字，双页码居左空一字';
    case 'table-width':
      return '表格不超出正文宽度';
    case 'table-header':
      return '表格跨页时每页重复表头';
    case 'distribution':
      return '版记“报、送、发”各占一行，以句号结尾';
    case 'copies':
      return '版记注明印数“（共印N份）”';
    case 'no-textbox':
      return '不用文本框（WPS 中可能显示为空白）';
    case 'date-format':
      return '日期用阿拉伯数字写全年月日，如2023年10月8日';
    case 'period-dash':
      return '时间段用一字线，如“1—9月”';
    case 'sample-mark':
      return '示例数据的文稿在正文和页眉都标明“示例数据”';
    case 'issued':
      return '版记写明印发机关和印发日期';
    case 'negative-growth':
      return '负增长写“下降x%”，不写“增长-x%”';
    default:
      return undefined;
  }
}

/** Adds the clerk's wording to each item the checker found; items without one keep their label. */
export function withPlainWords(items: CheckItem[], c: CheckContext): CheckItem[] {
  return items.map((i) => {
    const plain = requirement(i.id, c);
    return plain ? { ...i, plain } : i;
  });
}
