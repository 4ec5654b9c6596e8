/**
 * Text measurement for a spreadsheet that cannot measure itself: exceljs has no auto-fit, Excel does not
 * auto-size merged or custom-height rows, and a number wider than its column prints as "###".
 * Estimates are deliberately a little generous.
 */

/** Excel column width unit: one digit of the workbook's default font (Calibri 11, 7 px at 96 dpi). */
const PX_PER_WIDTH_UNIT = 7;
const PX_PER_PT = 96 / 72;
/** Cell padding left and right, in width units (Excel's 5 px plus room for the border). */
export const CELL_PADDING_UNITS = 1.2;

/** Advance width of one character, in ems of its font size. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x2e80 || (code >= 0x2000 && code <= 0x206f) || (code >= 0x25a0 && code <= 0x25ff)) return 1;
  if (ch >= '0' && ch <= '9') return 0.5;
  if (ch === '.' || ch === ',' || ch === ' ' || ch === ':' || ch === ';') return 0.28;
  if (ch === '%' || ch === '@' || ch === 'W' || ch === 'M') return 0.85;
  if (ch === '(' || ch === ')' || ch === '-' || ch === '/') return 0.35;
  return 0.56;
}

export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * sizePt * (bold ? 1.06 : 1);
}

export function ptToWidthUnits(pt: number): number {
  return (pt * PX_PER_PT) / PX_PER_WIDTH_UNIT;
}

export function widthUnitsToPt(units: number): number {
  return (units * PX_PER_WIDTH_UNIT) / PX_PER_PT;
}

/** Width in column units a single-line text needs, padding included. */
export function textWidthUnits(text: string, sizePt: number, bold = false): number {
  return ptToWidthUnits(textWidthPt(text, sizePt, bold)) + CELL_PADDING_UNITS;
}

/**
 * Pieces a line may not break inside: a run of Latin letters, digits and signs ("12.5", "(%)"), or one
 * CJK character with the closing punctuation that may not start a line (）。，、；：％).
 */
export function breakUnits(text: string): string[] {
  return text.match(/[\x21-\x7e]+|[^\x21-\x7e][）)。，、；：％%]*/gu) ?? [];
}

/** Lines a text wraps into in a box `widthPt` wide (greedy, as Excel and LibreOffice wrap). */
export function wrappedLineCount(text: string, widthPt: number, sizePt: number, bold = false): number {
  const usable = Math.max(widthPt * 0.94, sizePt);
  let lines = 1;
  let current = 0;
  for (const unit of breakUnits(text)) {
    const w = textWidthPt(unit, sizePt, bold);
    if (current > 0 && current + w > usable) {
      lines++;
      current = 0;
    }
    // A piece wider than the box is broken anywhere, as both spreadsheet programs do.
    lines += Math.floor(w / usable);
    current += w % usable;
  }
  return lines;
}

/** The widest piece a wrapped text cannot break, in column units: the narrowest the column may be. */
export function unbreakableWidthUnits(text: string, sizePt: number, bold = false): number {
  let widest = 0;
  for (const unit of breakUnits(text)) widest = Math.max(widest, textWidthPt(unit, sizePt, bold));
  return ptToWidthUnits(widest) + CELL_PADDING_UNITS;
}

/** Row height in points for `lines` lines of a CJK font (CJK faces run taller than Latin ones). */
export function rowHeightPt(lines: number, sizePt: number): number {
  return Math.ceil(lines * sizePt * 1.38 + 6);
}
