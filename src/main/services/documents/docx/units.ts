/**
 * Page geometry and unit conversions of the official layout (GB/T 9704-2012 §5.2, §7.5).
 * docx's own converter floors (A4 would come out 11905×16837), so millimetres are rounded here.
 */

/** Millimetres to twips (1/20 pt), rounded to the nearest twip. */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to half-points (`w:sz`). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** Chinese type sizes (字号) in points. */
export const SIZE_PT = {
  chuhao: 42,
  xiaochu: 36,
  yihao: 26,
  erhao: 22,
  sanhao: 16,
  sihao: 14,
  xiaosi: 12,
  wuhao: 10.5,
} as const;

/** A4 with the margins of GB/T 9704: 天头 37 mm, 订口 28 mm; the bottom and right follow from the 156 × 225 mm type area. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: mmToTwip(37),
  marginBottom: mmToTwip(35),
  marginLeft: mmToTwip(28),
  marginRight: mmToTwip(26),
} as const;

/** Width of the type area (版心), 156 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;
/** Height of the type area, 225 mm. */
export const TEXT_HEIGHT = PAGE.height - PAGE.marginTop - PAGE.marginBottom;

/** Character spacing on 3号 runs (−0.25 pt): 28 × 15.75 pt = 441 pt fits the 442.2 pt line; −0.2 pt would not. */
export const SANHAO_CHARACTER_SPACING = -5;

/** Width of one character of a size, in twips (one 字 = the em of that size). */
export function charTwips(sizePt: number): number {
  return Math.round(sizePt * 20);
}
