import {
  AlignmentType,
  DocumentGridType,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import { SAMPLE_HEADER } from './masthead';
import { S } from './style-ids';
import { charTwips, mmToTwip, PAGE, SIZE_PT } from './units';

/**
 * Footer distance: GB/T 9704 §7.5 puts the 一字线 of the page number 7 mm below the type area, i.e. 28 mm above
 * the paper's bottom edge. The dash sits about 2.7 mm above the bottom of its 14 pt line, so the footer's bottom
 * edge goes 25.3 mm up (checked on the rendered PDF in the tests).
 */
export const FOOTER_DISTANCE = mmToTwip(25.3);
export const HEADER_DISTANCE = mmToTwip(15);

/** One character of 4号, the page number's indent from the type area's edge. */
const PAGE_NUMBER_INDENT = charTwips(SIZE_PT.sihao);

/** "— N —" in 宋体 4号: odd pages right with one character right, even pages left with one character left. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: S.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          side === 'odd' ? { right: PAGE_NUMBER_INDENT, firstLine: 0 } : { left: PAGE_NUMBER_INDENT, firstLine: 0 },
        children: [new TextRun({ children: ['\u2014 ', PageNumber.CURRENT, ' \u2014'] })],
      }),
    ],
  });
}

function sampleHeader(side: 'odd' | 'even'): Header {
  return new Header({
    children: [
      new Paragraph({
        style: S.header,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun(SAMPLE_HEADER)],
      }),
    ],
  });
}

/** A4, GB/T 9704 margins, a line-only grid at the model's line pitch, odd/even footers (and sample headers). */
export function sectionOptions(
  children: ISectionOptions['children'],
  linePitch: number,
  sample: boolean,
): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: {
          top: PAGE.marginTop,
          bottom: PAGE.marginBottom,
          left: PAGE.marginLeft,
          right: PAGE.marginRight,
          header: HEADER_DISTANCE,
          footer: FOOTER_DISTANCE,
          gutter: 0,
        },
      },
      // Lines only: a character grid makes LibreOffice put each 3号 character in two cells (14 a line).
      grid: { type: DocumentGridType.LINES, linePitch },
    },
    headers: sample ? { default: sampleHeader('odd'), even: sampleHeader('even') } : {},
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}
