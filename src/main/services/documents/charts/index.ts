export {
  renderChartPng,
  chartFontFiles,
  chartSvg,
  clearChartCache,
  CHART_SIZE,
  type ChartRenderOptions,
  type RenderedChart,
} from './render-chart';
export { chartOption, formatChartValue, CHART_FONT_FAMILY } from '../../../../shared/report/chart-option';
export {
  defaultChartFontCandidates,
  findChartFonts,
  findBundledChartFont,
  familyOfFontFile,
  charactersOutsideBundledFont,
} from './chart-fonts';
