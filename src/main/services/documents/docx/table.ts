import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { CellStatus, TableBlock, TableCell as ModelCell, TableColumn } from '../../../../shared/report/model';
import { balancedHeaderLines, KEEP_WHOLE_ROWS } from '../../../../shared/report/layout-text';
import { placeHeader } from './header-grid';
import { PrebuiltCell, prebuiltCellXml } from './prebuilt-cell';
import { S } from './style-ids';
import { SIZE_PT, TEXT_WIDTH } from './units';

/** A title's lines ("\n" in the model marks where the clerk wants it broken). */
export function lineRuns(text: string): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun(i === 0 ? line : { text: line, break: 1 }));
}

/** Above this many columns the table is set in 5号 instead of 4号: 4号 leaves under four characters a column. */
export const MAX_COLUMNS_AT_SIHAO = 7;

/**
 * Light grey fills, one grey level per status, so the marks survive black-and-white printing; only statuses the
 * table's legend explains are shaded, since an unexplained shade tells the reader nothing.
 */
export const STATUS_FILL: Partial<Record<CellStatus, string>> = {
  behind: 'D9D9D9',
  bottom: 'BFBFBF',
  top: 'EDEDED',
  ahead: 'F5F5F5',
};

export const MISSING_TEXT = '—';

/** Scales the model's relative widths to the type area; the rounding remainder goes to the widest column. */
export function columnWidthsTwips(columns: readonly TableColumn[], total = TEXT_WIDTH): number[] {
  const weights = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  const widest = widths.indexOf(Math.max(...widths));
  widths[widest] = widths[widest]! + rest;
  return widths;
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const THICK = { style: BorderStyle.SINGLE, size: 12, color: '000000' };

/**
 * Which body rows keep with the row after them: all but the last in a short table, so it moves to the next page
 * whole; in a long one the first and the last but one, so no page holds a lone row under the repeated header.
 */
export function keepsWithNextRow(index: number, count: number): boolean {
  if (index >= count - 1) return false;
  return count <= KEEP_WHOLE_ROWS || index === 0 || index === count - 2;
}

function dataCell(
  cell: ModelCell | undefined,
  column: TableColumn,
  width: number,
  bold: boolean,
  style: string,
  shaded: ReadonlySet<CellStatus>,
  keepNext: boolean,
): TableCell {
  const text = cell && cell.text.trim() !== '' ? cell.text : MISSING_TEXT;
  const align = text === MISSING_TEXT ? 'center' : (cell?.align ?? column.align);
  const fill = cell?.status && shaded.has(cell.status) ? STATUS_FILL[cell.status] : undefined;
  return new PrebuiltCell(
    prebuiltCellXml({
      width,
      style,
      text,
      vAlignCenter: true,
      ...(align === 'center' ? {} : { alignment: align }),
      ...(bold ? { bold } : {}),
      ...(fill ? { fill } : {}),
      ...(keepNext ? { keepNext } : {}),
    }),
  );
}

/** The table itself: DXA width of the type area, fixed layout, explicit grid, repeated header rows. */
/** Whether a table is set in 5号: when asked to, or when 4号 would leave under four characters a column. */
export function isSmallTable(block: Pick<TableBlock, 'columns' | 'small'>): boolean {
  return block.small === true || block.columns.length > MAX_COLUMNS_AT_SIHAO;
}

export function buildTable(block: TableBlock): Table {
  const small = isSmallTable(block);
  const cellStyle = small ? S.cellSmall : S.cell;
  const headStyle = small ? S.cellHeadSmall : S.cellHead;
  const widths = columnWidthsTwips(block.columns);
  const shaded = new Set(block.legend.map((l) => l.status));

  // Header text in balanced lines for its cell's width (cell margins off), in the header's type size, with a
  // little to spare: symbols such as ☆ and Latin text set wider than the estimate.
  const charTwips = small ? 210 : 280;
  const room = (column: number, span: number) =>
    (widths.slice(column, column + span).reduce((a, b) => a + b, 0) - 114) / charTwips;
  const headerRows = placeHeader(block.header, block.columns.length, block.title).map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: cells.map(
          (c) =>
            new TableCell({
              verticalAlign: VerticalAlignTable.CENTER,
              ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
              ...(c.vMerge
                ? { verticalMerge: c.vMerge === 'restart' ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
                : {}),
              children: [
                new Paragraph({
                  style: headStyle,
                  keepNext: true,
                  children: c.text
                    ? balancedHeaderLines(c.text, room(c.column, c.colSpan), 0.92).map(
                        (line, i) => new TextRun(i === 0 ? line : { text: line, break: 1 }),
                      )
                    : [],
                }),
              ],
            }),
        ),
      }),
  );
  const bodyRows = block.rows.map((row, r) => {
    // The last row keeps with the notes under the table, so they never start a page on their own.
    const keep = keepsWithNextRow(r, block.rows.length) || (r === block.rows.length - 1 && block.notes.length > 0);
    return new TableRow({
      cantSplit: true,
      children: block.columns.map((column, i) =>
        dataCell(row.cells[i], column, widths[i]!, row.isTotal, cellStyle, shaded, keep),
      ),
    });
  });
  return new Table({
    rows: [...headerRows, ...bodyRows],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    margins: { top: 20, bottom: 20, left: 57, right: 57 },
    borders: { top: THICK, bottom: THICK, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN },
  });
}

function legendParagraph(block: TableBlock, style: string): Paragraph | undefined {
  const entries = block.legend.filter((l) => STATUS_FILL[l.status]);
  if (entries.length === 0) return undefined;
  const children: ParagraphChild[] = [new TextRun('图例：')];
  entries.forEach((l, i) => {
    children.push(
      new TextRun({
        text: '\u3000\u3000',
        shading: { type: ShadingType.CLEAR, color: 'auto', fill: STATUS_FILL[l.status]! },
      }),
    );
    children.push(new TextRun(` ${l.label}${i === entries.length - 1 ? '。' : '；'}`));
  });
  return new Paragraph({ style, children });
}

/** Title, subtitle, unit line, the table, then its notes and legend. */
export function tableBlockChildren(block: TableBlock, options: { withTitle: boolean }): FileChild[] {
  // A table without columns has nothing to print (Word cannot open a table row without cells).
  if (block.columns.length === 0) return [];
  const small = isSmallTable(block);
  const noteStyle = small ? S.tableNoteSmall : S.tableNote;
  const out: FileChild[] = [];
  if (options.withTitle && block.title) out.push(new Paragraph({ style: S.caption, children: lineRuns(block.title) }));
  if (block.subtitle) out.push(new Paragraph({ style: S.tableSubtitle, children: [new TextRun(block.subtitle)] }));
  if (block.unitLine) out.push(new Paragraph({ style: S.tableUnit, children: [new TextRun(block.unitLine)] }));
  out.push(buildTable(block));
  // "注：1. …" first; the later notes, and wrapped lines, line up after "注：".
  const noteIndent = (small ? SIZE_PT.wuhao : SIZE_PT.sihao) * 20 * 2;
  block.notes.forEach((note, i) => {
    const lead = i === 0 && /^注[:：]/.test(note);
    out.push(
      new Paragraph({
        style: noteStyle,
        keepNext: i < block.notes.length - 1 || block.legend.length > 0,
        indent: lead ? { left: noteIndent, hanging: noteIndent } : { left: noteIndent },
        children: [new TextRun(note)],
      }),
    );
  });
  const legend = legendParagraph(block, noteStyle);
  if (legend) out.push(legend);
  return out;
}
