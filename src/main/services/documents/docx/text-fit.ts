import { TEXT_WIDTH } from './units';

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
 * The largest size (in ½ pt steps, at most `maxPt`) at which `text` stays on one line of the type area, as
 * clerks shrink a long 简报 name or 发文机关标志 rather than break it; never below `minPt`.
 */
export function fitOneLinePt(text: string, maxPt: number, minPt: number, widthTwips = TEXT_WIDTH): number {
  const ems = emWidth(text);
  if (ems === 0) return maxPt;
  // 3% slack: fonts' advance widths and the renderer's justification differ slightly.
  const fit = Math.floor(((widthTwips * 0.97) / 20 / ems) * 2) / 2;
  return Math.max(minPt, Math.min(maxPt, fit));
}
