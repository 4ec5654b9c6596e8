import type { ReportModel } from '../../../../shared/report/model';
import type { RowOrder } from '../../../../shared/report/table-row-order';
import { createWorkbook, workbookToBuffer, type Workbook } from '../exceljs';
import { sheetFonts } from './sheet-styles';
import { writeTableSheet, type SheetContext } from './table-sheet';

export interface RankingXlsxOptions {
  /** 'official' (default): 全市, then the regions in administrative order; 'rank': by the first 位次 column. */
  orderBy?: RowOrder;
}

export const RANKING_SHEET_NAME = '亮晒表';
export const COMPOSITE_SHEET_NAME = '赛马综合得分';

/**
 * The ranking workbook (亮晒表) of a report model: the ranking sheet, and the 赛马 composite sheet when the
 * model has one. Both print A4 or A3 landscape (model.style.rankingPaper), one page wide, header rows
 * repeated, "第 N 页 共 M 页" at the foot. Returns the .xlsx bytes; writing the file is the caller's job.
 */
export async function renderRankingXlsx(model: ReportModel, options: RankingXlsxOptions = {}): Promise<Buffer> {
  return workbookToBuffer(await buildRankingWorkbook(model, options));
}

/** The workbook before serialisation (exposed for the benchmark, which times both halves). */
export async function buildRankingWorkbook(model: ReportModel, options: RankingXlsxOptions = {}): Promise<Workbook> {
  const workbook = await createWorkbook();
  workbook.title = model.ranking.title;
  if (model.sample) workbook.subject = '示例数据';
  const ctx: SheetContext = {
    paper: model.style.rankingPaper,
    sample: model.sample,
    asOf: model.asOf,
    fonts: sheetFonts(model.style),
    order: options.orderBy ?? 'official',
  };
  writeTableSheet(workbook, RANKING_SHEET_NAME, model.ranking, ctx);
  if (model.composite) writeTableSheet(workbook, COMPOSITE_SHEET_NAME, model.composite, ctx);
  return workbook;
}
