import {
  BorderStyle,
  Paragraph,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  Tab,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { kindSpec } from '../../../../shared/report/kinds';
import type { ReportModel } from '../../../../shared/report/model';
import { S } from './style-ids';
import { END_LINE_INDENT } from './styles';
import { closingLine, endBlockLines, signatureLayout } from '../../../../shared/report/layout-text';
import { emWidth } from './text-fit';

export { closingLine, distributionLine, endBlockLines } from '../../../../shared/report/layout-text';
import { charTwips, PAGE, SIZE_PT, TEXT_HEIGHT, TEXT_WIDTH } from './units';

/** 版记 rules (GB/T 9704 §7.4.1): first and last 0.35 mm (1 pt = sz 8), the one between 0.25 mm (0.75 pt = sz 6). */
const THICK = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const THIN = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const END_LINE_TWIPS = 480;

/** Estimated height of the block, to keep a floating block from running past one page. */
function estimatedHeight(lines: readonly string[]): number {
  const perLine = Math.floor((TEXT_WIDTH - END_LINE_INDENT.left - END_LINE_INDENT.right) / charTwips(SIZE_PT.sihao));
  const rows = lines.reduce((n, l) => n + Math.max(1, Math.ceil((emWidth(l) - 2) / perLine)), 0) + 1;
  return rows * END_LINE_TWIPS;
}

/**
 * 印发机关 one character in on the left, 印发日期 one character in on the right (right tab stop); when both do not
 * fit on one line with room to spare, the date goes on the next line.
 */
function issuedLine(issuer: string, date: string): Paragraph {
  const char = charTwips(SIZE_PT.sihao);
  const fits = emWidth(issuer) + emWidth(date) + 2 + 2 <= TEXT_WIDTH / char;
  return new Paragraph({
    style: S.endLine,
    indent: { left: char, hanging: 0, right: char },
    // A hair inside the right indent: LibreOffice ignores a tab stop lying exactly on it.
    tabStops: [{ type: 'right', position: TEXT_WIDTH - char - 10 }],
    children: [new TextRun(issuer), new TextRun({ ...(fits ? {} : { break: 1 }), children: [new Tab(), date] })],
  });
}

/**
 * The 版记-like end block: a thick rule, the 报/送/发 lines, a thin rule, （共印N份） on the right (通报: 印发机关 and
 * 印发日期), a thick rule. A one-column table anchored to the bottom of the type area on the last page, so its last
 * rule lies on the type area's bottom edge (§7.4.1); a block taller than half a page stays in the flow instead.
 */
export function endBlockChildren(model: ReportModel): FileChild[] {
  const lines = endBlockLines(model);
  const closing = closingLine(model);
  const closingParagraph = closing.left
    ? issuedLine(closing.left, closing.right)
    : new Paragraph({ style: S.endRight, children: [new TextRun(closing.right)] });
  const rows = [
    ...(lines.length
      ? [
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                children: lines.map((l) => new Paragraph({ style: S.endLine, children: [new TextRun(l)] })),
              }),
            ],
          }),
        ]
      : []),
    new TableRow({ cantSplit: true, children: [new TableCell({ children: [closingParagraph] })] }),
  ];
  const floating = estimatedHeight(lines) <= TEXT_HEIGHT / 2;
  const table = new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    borders: { top: THICK, bottom: THICK, insideHorizontal: THIN, left: NONE, right: NONE, insideVertical: NONE },
    ...(floating
      ? {
          // Horizontally from the page edge at the left margin (the same place as the margin): LibreOffice only
          // makes a floating table of a full-width table whose position is relative to the page.
          float: {
            horizontalAnchor: TableAnchorType.PAGE,
            absoluteHorizontalPosition: PAGE.marginLeft,
            verticalAnchor: TableAnchorType.MARGIN,
            relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
          },
        }
      : {}),
  });
  // A blank body line goes before the block, and Word anchors a floating table to the paragraph after it (here one
  // point high). Without that line, LibreOffice laid a block that no longer fitted over the rows of a table ending
  // the page and tore the table apart (rows without their repeated header); with it, the block moves to the next
  // page whole. Checked by rendering bodies and tables ending at every height of the page (see the tests).
  return [new Paragraph({ style: S.body }), table, new Paragraph({ style: S.anchor })];
}

/** 发文机关署名 and 成文日期 of a 通报 without a seal (GB/T 9704 §7.3.5.2). */
export function signatureChildren(model: ReportModel, linePitch: number): FileChild[] {
  if (!kindSpec(model.meta.kind).signature) return [];
  const char = charTwips(SIZE_PT.sanhao);
  const { lines, issuerGap, dateGap } = signatureLayout(model.meta.issuer, model.meta.dateText);
  return [
    new Paragraph({
      style: S.signature,
      alignment: 'right',
      spacing: { before: linePitch },
      indent: { right: Math.round(issuerGap * char) },
      children: lines.map((line, i) => new TextRun(i === 0 ? line : { text: line, break: 1 })),
    }),
    new Paragraph({
      style: S.signatureDate,
      alignment: 'right',
      indent: { right: Math.round(dateGap * char) },
      children: [new TextRun(model.meta.dateText)],
    }),
  ];
}
