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
    const half = code < 0x2e80 || (code >= 0xff61 && code <= 0xffdc);
    const kind = /[A-Za-z0-9]/.test(ch) ? 'latin' : half ? 'other' : 'cjk';
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

export function endBlockLines(model: ReportModel): string[] {
  const d = model.meta.distribution;
  return [distributionLine('报', d.bao), distributionLine('送', d.song), distributionLine('发', d.fa)].filter(
    (l): l is string => l !== undefined,
  );
}

/** The text of the row between the thin and the last thick rule. */
export function closingLine(model: ReportModel): { left?: string; right: string } {
  if (model.meta.kind === '通报') return { left: model.meta.issuer, right: `${model.meta.dateText}印发` };
  return { right: `（共印${model.meta.copies}份）` };
}

/** The text the masthead size is fitted to. */
export function mastheadText(model: ReportModel): string {
  return model.meta.kind === '通报' ? model.meta.noticeIssuerMark || model.meta.issuer : model.meta.briefingName;
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

/** "…办公室编": the 编印单位 line of a 简报 masthead. */
export function issuerWithSuffix(issuer: string): string {
  return issuer.endsWith('编') ? issuer : `${issuer}编`;
}

/** 第N期（总第N期）. */
export function issueText(model: ReportModel): string {
  const m = model.meta;
  return `第${m.issueNumber}期${m.totalIssueNumber ? `（总第${m.totalIssueNumber}期）` : ''}`;
}

/** The 示例数据 marks every document made from the sample workspace carries (under the masthead, in the page header). */
export const SAMPLE_LINE = '（示例数据，仅供演示）';
export const SAMPLE_HEADER = '示例数据';
