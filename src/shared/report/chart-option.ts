import type { ChartBlock } from './model';

/** Families tried in order for chart text; resvg falls back to any loaded font that has the glyph. */
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', SimHei, 'PingFang SC', 'WenQuanYi Micro Hei', SimSun, 'Noto Serif CJK SC', sans-serif";

/** Greys and line styles that stay distinct in black-and-white print. */
const LINE_STYLE: Record<
  ChartBlock['lines'][number]['kind'],
  { type: 'solid' | 'dashed' | 'dotted'; color: string; width: number }
> = {
  city: { type: 'dashed', color: '#000000', width: 2 },
  target: { type: 'solid', color: '#000000', width: 2 },
  progress: { type: 'dotted', color: '#000000', width: 2.5 },
};

export function formatChartValue(value: number, decimals: number): string {
  const d = Math.max(0, Math.min(6, Math.floor(decimals)));
  const text = value.toFixed(d);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * The ECharts option of a district bar chart with its reference lines (全市, target, time progress). Each line is
 * its own series so the legend names it with its value and line style; labels on the lines would collide when two
 * values are close (全市 77.3 and 序时进度 75.0 are a few pixels apart).
 */
export function chartOption(block: ChartBlock): Record<string, unknown> {
  if (block.trend) return trendOption(block, block.trend);
  const decimals = block.decimals;
  const categories = block.bars.map((b) => (b.value === null ? `${b.region}\n（无数据）` : b.region));
  const data = block.bars.map((b) => (b.value === null ? '-' : b.value));
  const lineSeries = block.lines.map((l) => {
    const style = LINE_STYLE[l.kind];
    return {
      type: 'line',
      name: `${l.label} ${formatChartValue(l.value, decimals)}`,
      data: [],
      symbol: 'none',
      lineStyle: style,
      itemStyle: { color: style.color },
      markLine: { symbol: 'none', silent: true, label: { show: false }, lineStyle: style, data: [{ yAxis: l.value }] },
    };
  });
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#000000' },
    legend: lineSeries.length
      ? {
          top: 4,
          right: 8,
          itemWidth: 40,
          itemHeight: 12,
          itemStyle: { opacity: 0 },
          textStyle: { fontSize: 15, color: '#000000' },
          data: lineSeries.map((s) => s.name),
        }
      : undefined,
    grid: { left: 64, right: 24, top: 56, bottom: 56 },
    xAxis: {
      type: 'category',
      data: categories,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#000000' } },
      axisLabel: { fontSize: 16, color: '#000000', interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: block.unit ? `单位：${block.unit}` : '',
      nameTextStyle: { fontSize: 15, color: '#000000', align: 'left' },
      axisLine: { show: true, lineStyle: { color: '#000000' } },
      axisLabel: { fontSize: 15, color: '#000000' },
      splitLine: { lineStyle: { color: '#d0d0d0', type: 'dashed' } },
    },
    series: [
      {
        type: 'bar',
        name: block.title,
        data,
        barMaxWidth: 56,
        itemStyle: { color: '#8c8c8c', borderColor: '#000000', borderWidth: 1 },
        // Values at the foot of the bars: the reference lines cross the bars near their tops.
        label: {
          show: true,
          position: 'insideBottom',
          distance: 8,
          fontSize: 15,
          fontWeight: 'bold',
          color: '#ffffff',
          formatter: (p: { value: unknown }) =>
            typeof p.value === 'number' ? formatChartValue(p.value, decimals) : '',
        },
      },
      ...lineSeries,
    ],
  };
}

/** Line and marker styles of the years of a trend, this year first: distinct in black-and-white print. */
const TREND_STYLES = [
  { type: 'solid', width: 3, symbol: 'circle' },
  { type: 'dashed', width: 2, symbol: 'emptyTriangle' },
] as const;

/** A year's trend against last year's: one line per year over the months (or quarters), values at this year's points. */
function trendOption(block: ChartBlock, trend: NonNullable<ChartBlock['trend']>): Record<string, unknown> {
  const decimals = block.decimals;
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: '#000000' },
    legend: {
      top: 4,
      right: 8,
      itemWidth: 40,
      textStyle: { fontSize: 15, color: '#000000' },
      data: trend.series.map((s) => s.name),
    },
    grid: { left: 64, right: 24, top: 56, bottom: 48 },
    xAxis: {
      type: 'category',
      data: trend.labels,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: '#000000' } },
      axisLabel: { fontSize: 15, color: '#000000', interval: 0 },
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: block.unit ? `单位：${block.unit}` : '',
      nameTextStyle: { fontSize: 15, color: '#000000', align: 'left' },
      axisLine: { show: true, lineStyle: { color: '#000000' } },
      axisLabel: { fontSize: 15, color: '#000000' },
      splitLine: { lineStyle: { color: '#d0d0d0', type: 'dashed' } },
    },
    series: trend.series.map((s, i) => {
      const style = TREND_STYLES[Math.min(i, TREND_STYLES.length - 1)]!;
      return {
        type: 'line',
        name: s.name,
        data: s.values.map((v) => (v === null ? '-' : v)),
        connectNulls: false,
        symbol: style.symbol,
        symbolSize: 8,
        lineStyle: { type: style.type, width: style.width, color: '#000000' },
        itemStyle: { color: '#000000' },
        label: {
          show: i === 0,
          position: 'top',
          fontSize: 13,
          color: '#000000',
          formatter: (p: { value: unknown }) =>
            typeof p.value === 'number' ? formatChartValue(p.value, decimals) : '',
        },
      };
    }),
  };
}
