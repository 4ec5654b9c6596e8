/**
 * Fonts, sizes, borders and status looks of the ranking sheets, and the book of cell styles.
 *
 * exceljs keeps style objects by reference (merged cells share their master's), so a shared style
 * mutated later restyles cells far away (exceljs #2055); the usual cure is a fresh object per cell. But
 * exceljs also caches the style id per style object, and a fresh object per cell makes it serialise the
 * font, border, fill and format of every cell again to find the id — most of the writer's time. So each
 * distinct style is built once per sheet and deep-frozen: sharing stays safe because nothing can mutate
 * it (an attempt throws), and exceljs resolves each style once.
 */
import type { CellStatus, ReportStyle } from '../../../../shared/report/model';
import type { Alignment, Borders, Fill, Font, Style } from '../exceljs';

export interface SheetFonts {
  /** 表题: 方正小标宋简体 (or 黑体). */
  title: string;
  /** 时段副题: 楷体. */
  subtitle: string;
  /** 表头: 黑体. */
  header: string;
  /** 表内文字与表注: 仿宋. */
  body: string;
  /** 表内数字. */
  number: string;
}

export function sheetFonts(style: ReportStyle): SheetFonts {
  return {
    title: style.fonts.title,
    subtitle: style.fonts.heading2,
    header: style.fonts.heading1,
    body: style.fonts.body,
    number: style.fonts.latin,
  };
}

/** Point sizes: title 20 (18–20 by convention), 楷体 subtitle 14 (四号), table 11, notes 10.5 (五号). */
export const SIZES = { title: 20, subtitle: 14, meta: 11, header: 11, body: 11, note: 10.5 } as const;

/** Data rows: one line of 11 pt with air above and below, as printed tables are read at arm's length. */
export const BODY_ROW_HEIGHT = 20;

/** GB2312 charset, so Excel on Chinese Windows picks the Chinese face for the font name. */
const GB2312 = 134;

function font(name: string, size: number, options: { bold?: boolean; italic?: boolean } = {}): Partial<Font> {
  const isCjk = /[^\x20-\x7e]/.test(name);
  return {
    name,
    size,
    bold: options.bold ?? false,
    italic: options.italic ?? false,
    color: { argb: 'FF000000' },
    ...(isCjk ? { charset: GB2312 } : {}),
  };
}

function thinBorders(): Partial<Borders> {
  return {
    top: { style: 'thin', color: { argb: 'FF000000' } },
    left: { style: 'thin', color: { argb: 'FF000000' } },
    bottom: { style: 'thin', color: { argb: 'FF000000' } },
    right: { style: 'thin', color: { argb: 'FF000000' } },
  };
}

function solidFill(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
}

function align(
  horizontal: 'left' | 'center' | 'right',
  options: { wrap?: boolean; indent?: number } = {},
): Partial<Alignment> {
  return {
    horizontal,
    vertical: 'middle',
    wrapText: options.wrap ?? false,
    ...(options.indent ? { indent: options.indent } : {}),
  };
}

/**
 * How a status prints. Colour alone does not survive a black-and-white printer, so every fill is light
 * (black text stays readable, each prints as a pale grey) and carries a second cue: ▲/▼ after the number
 * for progress against the benchmark, bold for the best rank, italic for the last.
 */
export interface StatusLook {
  fill?: string;
  bold: boolean;
  italic: boolean;
  /** Printed after the number (through the number format, so the cell stays a number). */
  mark?: string;
  /** What the legend's sample cell shows. */
  sample: string;
  /** Legend text when the model's legend does not describe a status its cells use. */
  defaultLabel: string;
}

const LOOKS: Record<CellStatus, StatusLook> = {
  ahead: { fill: 'FFFCE4D6', bold: false, italic: false, mark: '▲', sample: '▲', defaultLabel: '超序时进度' },
  behind: { fill: 'FFE2EFDA', bold: false, italic: false, mark: '▼', sample: '▼', defaultLabel: '落后序时进度' },
  top: { fill: 'FFFFE699', bold: true, italic: false, sample: '粗体', defaultLabel: '位次居首' },
  bottom: { fill: 'FFDDEBF7', bold: false, italic: true, sample: '斜体', defaultLabel: '位次末位' },
  missing: { bold: false, italic: false, sample: '—', defaultLabel: '无数据' },
  notApplicable: { bold: false, italic: false, sample: '/', defaultLabel: '不适用' },
};

export function statusLook(status: CellStatus | undefined): StatusLook | undefined {
  return status === undefined ? undefined : LOOKS[status];
}

/** Everything that distinguishes one cell style from another. */
export interface CellLook {
  font: keyof SheetFonts;
  size: number;
  bold?: boolean;
  italic?: boolean;
  horizontal: 'left' | 'center' | 'right';
  wrap?: boolean;
  /** Indent in Excel's indent levels. */
  indent?: number;
  /** Thin black frame on all four sides. */
  border?: boolean;
  /** ARGB of a solid fill. */
  fill?: string;
  numFmt?: string;
}

/** The cell styles of one sheet: one frozen object per distinct look. */
export class StyleBook {
  private readonly styles = new Map<string, Partial<Style>>();

  constructor(private readonly fonts: SheetFonts) {}

  style(look: CellLook): Partial<Style> {
    const key = [
      look.font,
      look.size,
      look.bold ? 'b' : '',
      look.italic ? 'i' : '',
      look.horizontal,
      look.wrap ? 'w' : '',
      look.indent ?? 0,
      look.border ? 'f' : '',
      look.fill ?? '',
      look.numFmt ?? '',
    ].join('|');
    let style = this.styles.get(key);
    if (!style) {
      style = deepFreeze(this.build(look));
      this.styles.set(key, style);
    }
    return style;
  }

  private build(look: CellLook): Partial<Style> {
    return {
      font: font(this.fonts[look.font], look.size, { bold: look.bold ?? false, italic: look.italic ?? false }),
      alignment: align(look.horizontal, { wrap: look.wrap ?? false, indent: look.indent ?? 0 }),
      ...(look.border ? { border: thinBorders() } : {}),
      ...(look.fill ? { fill: solidFill(look.fill) } : {}),
      ...(look.numFmt ? { numFmt: look.numFmt } : {}),
    };
  }
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child as object);
  }
  return Object.freeze(value);
}
