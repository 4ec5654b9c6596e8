/**
 * Writes one TableBlock as a printable sheet, strictly top-down: title, 时段 subtitle, 示例数据/单位 line,
 * merged header, 全市 and region rows, legend, notes. Styles come frozen from the sheet's StyleBook.
 */
import type { TableBlock } from '../../../../shared/report/model';
import { orderTableRows, type RowOrder } from '../../../../shared/report/table-row-order';
import { BodyStyles, PLACEHOLDER_TEXTS } from './body-styles';
import { safeText } from './cell-content';
import type { Workbook, Worksheet } from '../exceljs';
import { footerFor, pageSetupFor, type Paper } from './page-setup';
import { planSheet, type LegendLine, type SheetLayout } from './sheet-layout';
import { BODY_ROW_HEIGHT, SIZES, StyleBook, statusLook, type SheetFonts } from './sheet-styles';
import { rowHeightPt } from './text-metrics';

export interface SheetContext {
  paper: Paper;
  sample: boolean;
  /** "截至2023年9月底": the subtitle when the table has none. */
  asOf: string;
  fonts: SheetFonts;
  order: RowOrder;
}

export function writeTableSheet(
  workbook: Workbook,
  sheetName: string,
  table: TableBlock,
  ctx: SheetContext,
): Worksheet {
  const layout = planSheet(table, orderTableRows(table, ctx.order), { paper: ctx.paper, sample: ctx.sample });
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: pageSetupFor(ctx.paper, { first: layout.headerFirstRow, last: layout.headerLastRow }),
    headerFooter: footerFor(ctx.sample),
    views: [
      {
        state: 'frozen',
        xSplit: 1,
        ySplit: layout.headerLastRow,
        topLeftCell: `B${layout.bodyFirstRow}`,
        activeCell: `B${layout.bodyFirstRow}`,
        showGridLines: false,
      },
    ],
  });
  sheet.columns = layout.widths.map((width) => ({ width }));

  const book = new StyleBook(ctx.fonts);
  writeTitleBlock(sheet, table, layout, ctx, book);
  writeHeader(sheet, layout, book);
  writeBody(sheet, table, layout, book);
  layout.legendLines.forEach((line, i) => writeLegendLine(sheet, line, layout.legendFirstRow + i, layout, book));
  table.notes.forEach((note, i) => writeNote(sheet, note, layout.notesFirstRow + i, layout, book));
  return sheet;
}

function writeTitleBlock(
  sheet: Worksheet,
  table: TableBlock,
  layout: SheetLayout,
  ctx: SheetContext,
  book: StyleBook,
): void {
  const last = layout.columnCount;
  const title = sheet.getCell(layout.titleRow, 1);
  title.value = safeText(table.title);
  title.style = book.style({ font: 'title', size: SIZES.title, horizontal: 'center', wrap: true });
  mergeRow(sheet, layout.titleRow, 1, last);
  sheet.getRow(layout.titleRow).height = layout.titleHeight;

  const subtitle = sheet.getCell(layout.subtitleRow, 1);
  subtitle.value = safeText(table.subtitle ?? `（${ctx.asOf}）`);
  subtitle.style = book.style({ font: 'subtitle', size: SIZES.subtitle, horizontal: 'center' });
  mergeRow(sheet, layout.subtitleRow, 1, last);
  sheet.getRow(layout.subtitleRow).height = rowHeightPt(1, SIZES.subtitle);

  if (layout.metaRow === undefined) return;
  // 示例数据 at the left, 单位 at the right (统计表惯例: 单位写在表的右上角).
  const split = last >= 2 ? Math.ceil(last / 2) : 1;
  if (ctx.sample) {
    const sampleCell = sheet.getCell(layout.metaRow, 1);
    sampleCell.value = '示例数据（程序合成，仅供演示，请勿报送）';
    sampleCell.style = book.style({ font: 'header', size: SIZES.meta, horizontal: 'left' });
    mergeRow(sheet, layout.metaRow, 1, table.unitLine ? split : last);
  }
  if (table.unitLine) {
    const from = ctx.sample && last >= 2 ? split + 1 : 1;
    const unit = sheet.getCell(layout.metaRow, from);
    unit.value = safeText(table.unitLine);
    unit.style = book.style({ font: 'body', size: SIZES.meta, horizontal: 'right' });
    mergeRow(sheet, layout.metaRow, from, last);
  }
  sheet.getRow(layout.metaRow).height = rowHeightPt(1, SIZES.meta);
}

function writeHeader(sheet: Worksheet, layout: SheetLayout, book: StyleBook): void {
  layout.headerHeights.forEach((height, i) => (sheet.getRow(layout.headerFirstRow + i).height = height));
  for (const placed of layout.header) {
    const top = layout.headerFirstRow + placed.row;
    const left = placed.col + 1;
    const bottom = top + placed.rowSpan - 1;
    const right = left + placed.colSpan - 1;
    // Every cell of a merged block carries the border, so each program draws the full frame.
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        sheet.getCell(r, c).style = book.style({
          font: 'header',
          size: SIZES.header,
          horizontal: 'center',
          wrap: true,
          border: true,
        });
      }
    }
    sheet.getCell(top, left).value = safeText(placed.text);
    if (bottom > top || right > left) sheet.mergeCellsWithoutStyle(top, left, bottom, right);
  }
}

function writeBody(sheet: Worksheet, table: TableBlock, layout: SheetLayout, book: StyleBook): void {
  const styles = new BodyStyles(book, table.columns, layout.markedColumns);
  layout.rows.forEach((row, r) => {
    const rowNumber = layout.bodyFirstRow + r;
    const sheetRow = sheet.getRow(rowNumber);
    sheetRow.height = BODY_ROW_HEIGHT;
    row.cells.forEach((cell, c) => {
      const content = layout.contents[r]?.[c];
      if (!content) return;
      const target = sheetRow.getCell(c + 1);
      if (content.kind === 'number') {
        target.value = content.value;
      } else {
        const mark = statusLook(cell.status)?.mark;
        const marked = mark && !PLACEHOLDER_TEXTS.has(content.text.trim()) ? content.text + mark : content.text;
        target.value = safeText(marked);
      }
      target.style = styles.style(c, cell, content, row.isTotal);
    });
  });
}

function writeLegendLine(
  sheet: Worksheet,
  line: LegendLine,
  rowNumber: number,
  layout: SheetLayout,
  book: StyleBook,
): void {
  const labelStyle = book.style({ font: 'body', size: SIZES.note, horizontal: 'left', wrap: true });
  sheet.getRow(rowNumber).height = layout.legendHeights[rowNumber - layout.legendFirstRow] ?? BODY_ROW_HEIGHT;
  if (line.kind === 'text') {
    const cell = sheet.getCell(rowNumber, 1);
    cell.value = safeText(line.text);
    cell.style = labelStyle;
    mergeRow(sheet, rowNumber, 1, layout.columnCount);
    return;
  }
  if (rowNumber === layout.legendFirstRow) {
    const head = sheet.getCell(rowNumber, 1);
    head.value = '图例：';
    head.style = book.style({ font: 'body', size: SIZES.note, horizontal: 'right' });
  }
  for (const item of line.items) {
    const look = statusLook(item.status);
    const sample = sheet.getCell(rowNumber, item.sampleCol);
    sample.value = look?.sample ?? '';
    sample.style = book.style({
      font: 'body',
      size: SIZES.note,
      bold: look?.bold === true,
      italic: look?.italic === true,
      horizontal: 'center',
      border: true,
      ...(look?.fill ? { fill: look.fill } : {}),
    });
    const label = sheet.getCell(rowNumber, item.labelFrom);
    label.value = safeText(item.label);
    label.style = labelStyle;
    mergeRow(sheet, rowNumber, item.labelFrom, item.labelTo);
  }
}

function writeNote(sheet: Worksheet, note: string, rowNumber: number, layout: SheetLayout, book: StyleBook): void {
  const cell = sheet.getCell(rowNumber, 1);
  cell.value = safeText(note);
  // Continuation notes ("2. …") line up under the text after "注：".
  const indent = /^注[：:]/.test(note.trim()) ? 0 : 2;
  cell.style = book.style({ font: 'body', size: SIZES.note, horizontal: 'left', wrap: true, indent });
  mergeRow(sheet, rowNumber, 1, layout.columnCount);
  sheet.getRow(rowNumber).height = layout.noteHeights[rowNumber - layout.notesFirstRow] ?? BODY_ROW_HEIGHT;
}

function mergeRow(sheet: Worksheet, row: number, from: number, to: number): void {
  if (to > from) sheet.mergeCellsWithoutStyle(row, from, row, to);
}
