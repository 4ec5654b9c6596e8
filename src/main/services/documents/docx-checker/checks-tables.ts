import { kindSpec } from '../../../../shared/report/kinds';
import { item, type CheckContext } from './context';
import type { CheckItem } from './types';

export function tableChecks(c: CheckContext): CheckItem[] {
  const tables = c.doc.tables;
  const widths = tables.map((t) => ({ grid: t.grid.reduce((a, b) => a + b, 0), width: t.width, type: t.widthType }));
  const widthOk = widths.every(
    (w) => w.grid > 0 && w.grid <= c.textWidth + 2 && w.type === 'dxa' && (w.width ?? 0) <= c.textWidth + 2,
  );
  const data = tables.filter((t) => t.rows.length >= 3 && t.grid.length >= 3);
  const headerRows = data.map((t) => {
    let n = 0;
    while (n < t.rows.length && t.rows[n]!.header) n++;
    return n;
  });
  return [
    item(
      'table-width',
      '表格宽度',
      widthOk,
      tables.length
        ? widths.map((w, i) => `表${i + 1}：列宽合计 ${w.grid}，表宽 ${w.width ?? '未设置'} ${w.type ?? ''}`).join('；')
        : '文档中没有表格',
      `列宽合计和表宽（dxa）不超过版心宽 ${c.textWidth} twip`,
    ),
    item(
      'table-header',
      '表头跨页重复',
      headerRows.every((n) => n > 0),
      data.length
        ? headerRows.map((n, i) => `数据表${i + 1}：${n > 0 ? `前 ${n} 行为标题行` : '没有标题行'}`).join('；')
        : '文档中没有数据表',
      '每个数据表的表头行标记为标题行（w:tblHeader）',
    ),
  ];
}

const DISTRIBUTION = /^(报|送|发|抄送|主送)[:：]/;

/** The 版记: its 报/送/发 (a 通报: 抄送) lines each ending with 。, then 印数 or 印发机关 and date; an empty one fails. */
export function endBlockChecks(c: CheckContext): CheckItem[] {
  const lines = c.doc.paragraphs.map((p) => p.text.trim()).filter((t) => DISTRIBUTION.test(t));
  const bad = lines.filter((l) => !l.endsWith('。'));
  const copyTo = c.expect.kind !== undefined && kindSpec(c.expect.kind).endBlock === 'copyTo';
  const wanted = copyTo ? '“抄送：…。”' : '“报：…。”“送：…。”“发：…。”各占一行';
  const out = [
    item(
      'distribution',
      copyTo ? '版记（抄送）' : '版记（报/送/发）',
      lines.length > 0 && bad.length === 0,
      lines.length
        ? `${lines.length} 行${bad.length ? `，未以句号结尾：${bad.map((l) => l.slice(0, 12)).join('；')}` : '，均以句号结尾'}`
        : `版记是空的：没有${copyTo ? '“抄送：”' : '“报：/送：/发：”'}行，请在“设置”中填写报送范围`,
      `${wanted}，以句号结尾`,
    ),
  ];
  const text = c.doc.allText;
  if (copyTo) {
    const issued = text.match(/\d{4}年\d{1,2}月\d{1,2}日印发/);
    out.push(
      item('issued', '印发机关和印发日期', issued !== null, issued ? issued[0] : '没有“……印发”', '“××××年×月×日印发”'),
    );
  } else {
    const copies = text.match(/（共印(\d+)份）/);
    const wanted = c.expect.copies;
    out.push(
      item(
        'copies',
        '印数',
        copies !== null && (wanted === undefined || Number(copies[1]) === wanted),
        copies ? copies[0] : '没有“（共印N份）”',
        wanted === undefined ? '“（共印N份）”' : `“（共印${wanted}份）”`,
      ),
    );
  }
  return out;
}
