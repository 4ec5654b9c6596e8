import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { chartOption, formatChartValue } from '../../../shared/report/chart-option';
import type { ChartBlock } from '../../../shared/report/model';

// Only what the district bar charts use; SVG everywhere (prints sharply, and canvas is unavailable in tests).
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { echarts };

/** Size the .docx lays a chart out at (CSS pixels) before scaling it to the 156 mm type area. */
export const PAPER_CHART = { width: 780, height: 400 } as const;

/** Drawn once per chart block: the preview re-lays its pages on every keystroke of an edit. */
const drawn = new WeakMap<ChartBlock, string>();

/** The chart exactly as the .docx prints it, as SVG markup (same option, same size). */
export function paperChartSvg(block: ChartBlock): string {
  const hit = drawn.get(block);
  if (hit !== undefined) return hit;
  const svg = drawSvg(block);
  drawn.set(block, svg);
  return svg;
}

function drawSvg(block: ChartBlock): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: PAPER_CHART.width,
    height: PAPER_CHART.height,
    locale: 'ZH',
  });
  try {
    chart.setOption(chartOption(block));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The on-screen variant: the paper option with coloured bars, hover text and a pointer on bars that have a source. */
export function screenChartOption(block: ChartBlock): Record<string, unknown> {
  const base = chartOption(block);
  const series = (base['series'] as Record<string, unknown>[]).map((s, i) =>
    i === 0
      ? {
          ...s,
          itemStyle: { color: '#5b8ff9', borderColor: '#3a6fd8', borderWidth: 1 },
          emphasis: { itemStyle: { color: '#3a6fd8' } },
          cursor: 'pointer',
        }
      : s,
  );
  return {
    ...base,
    series,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: unknown; seriesType: string }) =>
        p.seriesType === 'bar' && typeof p.value === 'number'
          ? `${p.name.split('\n')[0]}：${formatChartValue(p.value, block.decimals)}${block.unit}（点击查看来源）`
          : '',
    },
  };
}
