export {
  renderRankingXlsx,
  RANKING_SHEET_NAME,
  COMPOSITE_SHEET_NAME,
  type RankingXlsxOptions,
} from './ranking-workbook';
