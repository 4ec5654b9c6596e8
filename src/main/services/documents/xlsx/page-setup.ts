import type { HeaderFooter, PageSetup } from '../exceljs';

export type Paper = 'A4' | 'A3';

/** Margins in inches (exceljs and SpreadsheetML use inches): narrow sides, room for the footer below. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.55, bottom: 0.65, header: 0.3, footer: 0.3 };

/** Landscape page width in inches. */
const LANDSCAPE_WIDTH_IN: Record<Paper, number> = { A4: 297 / 25.4, A3: 420 / 25.4 };

/** Printable width in Excel column units at 100 % (7 px per unit at 96 dpi), kept 3 % short of the edge. */
export function printableWidthUnits(paper: Paper): number {
  const inches = LANDSCAPE_WIDTH_IN[paper] - MARGINS.left - MARGINS.right;
  return ((inches * 96) / 7) * 0.97;
}

/**
 * Print setup, which exceljs only honours when given to addWorksheet: A4 (9) or A3 (8) landscape, scaled
 * to one page wide and as many pages high as needed, centred, with the header rows repeated on every page.
 */
export function pageSetupFor(paper: Paper, headerRows: { first: number; last: number }): Partial<PageSetup> {
  return {
    // exceljs types paperSize as an ambient const enum, which isolated modules cannot name: 8 = A3, 9 = A4.
    paperSize: (paper === 'A3' ? 8 : 9) as PageSetup['paperSize'],
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    verticalCentered: false,
    margins: { ...MARGINS },
    printTitlesRow: `${headerRows.first}:${headerRows.last}`,
  };
}

/** "第 1 页 共 3 页" centred; sample workbooks also say 示例数据 at the left of every page. */
export function footerFor(sample: boolean): Partial<HeaderFooter> {
  const footer = `${sample ? '&L示例数据' : ''}&C第 &P 页 共 &N 页`;
  return { differentFirst: false, differentOddEven: false, oddFooter: footer };
}
