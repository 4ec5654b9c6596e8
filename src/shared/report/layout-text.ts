import { kindSpec } from './kinds';
import type { ReportModel } from './model';

/**
 * Text measures and fixed wordings of the official layout that the .docx writer and the on-screen preview
 * share, so the preview breaks and sizes the masthead and the 版记 the way the paper does.
 */

/**
 * Width of a text in ems: full-width characters count 1, ASCII and half-width forms ½, and each change between
 * Chinese and Latin letters or digits ¼ (Word and LibreOffice add that space automatically).
 */
export function emWidth(text: string): number {
  let ems = 0;
  let previous: 'cjk' | 'latin' | 'other' = 'other';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    // Quotation marks, the 一字线 and the ellipsis are set in the Chinese font (hint eastAsia): full width.
    const wide = (code >= 0x2018 && code <= 0x201f) || code === 0x2014 || code === 0x2026;
    const half = !wide && (code < 0x2e80 || (code >= 0xff61 && code <= 0xffdc));
    // Punctuation set full width (quotes, 一字线) takes no extra space beside digits.
    const kind = /[A-Za-z0-9]/.test(ch) ? 'latin' : half || wide ? 'other' : 'cjk';
    if ((kind === 'latin' && previous === 'cjk') || (kind === 'cjk' && previous === 'latin')) ems += 0.25;
    ems += half ? 0.5 : 1;
    previous = kind;
  }
  return ems;
}

/**
 * The largest size (in ½ pt steps, at most `maxPt`) at which `text` stays on one line `widthTwips` wide, as
 * clerks shrink a long 简报 name or 发文机关标志 rather than break it; never below `minPt`.
 */
export function fitOneLinePt(text: string, maxPt: number, minPt: number, widthTwips: number): number {
  const ems = emWidth(text);
  if (ems === 0) return maxPt;
  // 3% slack: fonts' advance widths and the renderer's justification differ slightly.
  const fit = Math.floor(((widthTwips * 0.97) / 20 / ems) * 2) / 2;
  return Math.max(minPt, Math.min(maxPt, fit));
}

/** "报：A，B。": names separated by full-width commas, ending with 。 (GB/T 9704 §7.4.2). */
export function distributionLine(label: string, names: readonly string[]): string | undefined {
  const cleaned = names.map((n) => n.trim().replace(/[，,。；;、]+$/u, '')).filter((n) => n !== '');
  return cleaned.length ? `${label}：${cleaned.join('，')}。` : undefined;
}

/** The 版记's lines above the thin rule: 报/送/发, or a 通报's 抄送 (GB/T 9704 §7.4.2); empty when none is set. */
export function endBlockLines(model: ReportModel): string[] {
  const d = model.meta.distribution;
  const lines =
    kindSpec(model.meta.kind).endBlock === 'copyTo'
      ? [distributionLine('抄送', model.meta.copyTo)]
      : [distributionLine('报', d.bao), distributionLine('送', d.song), distributionLine('发', d.fa)];
  return lines.filter((l): l is string => l !== undefined);
}

/** The text of the row between the thin and the last thick rule: （共印N份）, or 印发机关 and 印发日期 (§7.4.3). */
export function closingLine(model: ReportModel): { left?: string; right: string } {
  switch (kindSpec(model.meta.kind).endBlock) {
    case 'copyTo':
      return { left: model.meta.issuer, right: `${model.meta.dateText}印发` };
    case 'distribution':
      return { right: `（共印${model.meta.copies}份）` };
  }
}

/** The 主送机关 line of a 通报: "各区县人民政府，市级有关部门：" (GB/T 9704 §7.3.2); null for other kinds or none set. */
export function addresseeLine(model: ReportModel): string | null {
  if (!kindSpec(model.meta.kind).addressee) return null;
  const names = model.meta.addressees.map((n) => n.trim().replace(/[，,。；;、：:]+$/u, '')).filter((n) => n !== '');
  return names.length ? `${names.join('，')}：` : null;
}

/** The text the masthead size is fitted to: the 简报 name or the 发文机关标志; a report has none. */
export function mastheadText(model: ReportModel): string {
  switch (kindSpec(model.meta.kind).head) {
    case 'noticeMark':
      return model.meta.noticeIssuerMark || model.meta.issuer;
    case 'briefingMasthead':
    case 'reportTitle':
      return model.meta.briefingName;
  }
}

/**
 * Up to this many body rows a table is kept on one page whole with its title and notes (a district table: 全市 and
 * its districts), by the .docx's keep-with-next and the preview's pagination alike.
 */
export const KEEP_WHOLE_ROWS = 16;

/** The smallest size a long 简报 name or 发文机关标志 is shrunk to (四号) before it may wrap. */
export const MIN_MASTHEAD_PT = 14;
/** Width of the type area in twips (156 mm). */
export const TYPE_AREA_TWIPS = 8845;

/**
 * The masthead name / 发文机关标志 size: the model's size (初号 by default), shrunk in ½ pt steps until the text
 * fits one line of the type area, as clerks shrink a long name rather than break it.
 */
export function mastheadSizePt(model: ReportModel): number {
  const wanted = model.style.mastheadSizePt;
  const max = Number.isFinite(wanted) && wanted > 0 ? wanted : 42;
  return fitOneLinePt(mastheadText(model), max, Math.min(max, MIN_MASTHEAD_PT), TYPE_AREA_TWIPS);
}

/** 3号 characters across the 156 mm type area (8845 twips ÷ 320 twips). */
export const SANHAO_EMS_PER_LINE = 8845 / 320;

/**
 * How the 编印单位 and the date share their line under a 简报 masthead, `room` ems wide: one character in from
 * each side when there is room to spare, flush when only just, and the date on a line of its own (still on the
 * right) when both do not fit.
 */
export function issuerLineFit(issuer: string, date: string, room: number): { indented: boolean; oneLine: boolean } {
  const needed = emWidth(issuer) + emWidth(date) + 1;
  return { indented: needed + 2 <= room, oneLine: needed <= room };
}

/**
 * The 编印单位 line's size under a 简报 masthead: 三号 (16 pt), smaller in ½ pt steps (not below 12 pt) for a
 * 编印单位 too long for one line, as the masthead name is shrunk rather than broken.
 */
export function issuerLineSizePt(issuer: string): number {
  return fitOneLinePt(issuerWithSuffix(issuer), 16, 12, TYPE_AREA_TWIPS);
}

/** "…办公室编": the 编印单位 line of a 简报 masthead. */
export function issuerWithSuffix(issuer: string): string {
  return issuer.endsWith('编') ? issuer : `${issuer}编`;
}

/** 第N期（总第N期）. */
export function issueText(model: ReportModel): string {
  const m = model.meta;
  return `${m.documentNumber}${m.totalIssueNumber ? `（总第${m.totalIssueNumber}期）` : ''}`;
}

/** The 示例数据 marks every document made from the sample workspace carries (under the masthead, in the page header). */
export const SAMPLE_LINE = '（示例数据，仅供演示）';
export const SAMPLE_HEADER = '示例数据';

/** The words a 原因分析 placeholder carries in a 运行分析报告; the checker finds documents that still contain it. */
export const REASON_PLACEHOLDER = '【请填写原因分析】';

/** The section holding a 通报's "特此通报" and 附件说明: it keeps with the 署名 on one page. */
export const CLOSING_SECTION = 'closing';

/**
 * The pieces a table header may break between: a CJK character, a run of Latin letters and digits with its
 * signs ("R&D", "10%"), or a short bracketed unit ("（%）", "（万元/亩）") kept whole.
 */
function headerAtoms(text: string, capacity: number): string[] {
  const atoms = text.match(/[（(][^（）()]{1,6}[）)]|[-A-Za-z0-9.%‰/&+]+|[\s\S]/gu) ?? [];
  // A bracketed unit wider than the cell is broken like any text ("（万元" / "/亩）"), its opening bracket
  // staying with the character after it.
  return atoms.flatMap((a) => {
    if (!(a.length > 1 && /^[（(]/.test(a) && emWidth(a) > capacity)) return [a];
    const chars = [...a];
    return [chars[0]! + (chars[1] ?? ''), ...chars.slice(2)];
  });
}

/**
 * A header's text in balanced lines for a cell `room` ems wide (the fewest lines it needs, of even width),
 * so a long name wraps "规上工业 / 增加值" rather than leaving "值" alone, and "（%）" never falls apart. The
 * writers break the cell at these lines; text that fits stays one line.
 */
export function balancedHeaderLines(text: string, room: number, slack = 1): string[] {
  const total = emWidth(text);
  if (total <= room || room <= 0) return [text];
  // Broken lines keep `slack` of the room: symbols and Latin text may set a little wider than estimated.
  const capacity = room * slack;
  const atoms = headerAtoms(text, capacity);
  // As few lines as fit the cell, then as even as those lines allow.
  const fewest = breakAtoms(atoms, capacity, Number.POSITIVE_INFINITY, 0).length;
  for (let lines = fewest; lines < fewest + 3; lines++) {
    const even = breakAtoms(atoms, capacity, total / lines, lines);
    if (even.length <= lines) return even;
  }
  return breakAtoms(atoms, capacity, Number.POSITIVE_INFINITY, 0);
}

/**
 * Lines of atoms: a line ends before an atom that would overflow `capacity`, or once it reaches `target` while
 * lines remain to be filled; never before a closing mark nor after an opening bracket.
 */
function breakAtoms(atoms: readonly string[], capacity: number, target: number, lines: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const atom of atoms) {
    const glued = /^[）)，、。：；%‰]/.test(atom) || /[（(]$/.test(line);
    const overflow = emWidth(line + atom) > capacity;
    const full = emWidth(line) >= target && out.length < lines - 1;
    if (line && !glued && (overflow || full)) {
      out.push(line);
      line = '';
    }
    line += atom;
  }
  if (line) out.push(line);
  return out;
}

/**
 * Where a 通报's 发文机关署名 and 成文日期 go without a seal (GB/T 9704 §7.3.5.2), in ems from the right edge: the
 * date starts two characters right of the 署名's first character, both at least two from the edge. A 署名 too long
 * for one line with its two characters goes on two balanced lines instead of leaving "室" alone.
 */
export function signatureLayout(
  issuer: string,
  date: string,
  lineEms = SANHAO_EMS_PER_LINE,
): { lines: string[]; issuerGap: number; dateGap: number } {
  const lines = emWidth(issuer) + 2 <= lineEms ? [issuer] : balancedHeaderLines(issuer, lineEms - 2, 0.95);
  const longest = Math.max(...lines.map(emWidth));
  const width = emWidth(date);
  const dateGap = Math.max(2, longest - width);
  return { lines, issuerGap: Math.max(2, dateGap + width + 2 - longest), dateGap };
}
