import { renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { ChartBlock } from '../../../../shared/report/model';
import { chartOption } from '../../../../shared/report/chart-option';
import { charactersOutsideBundledFont, familyOfFontFile, findBundledChartFont, findChartFonts } from './chart-fonts';

export interface ChartRenderOptions {
  /** Font files to try (the first that exists is used); defaults to the platform's usual CJK fonts. */
  fonts?: readonly string[];
  /** Chart size in CSS pixels, and the raster scale: 780 px at 2.5× is about 318 dpi over the 156 mm type area. */
  width?: number;
  height?: number;
  scale?: number;
}

export interface RenderedChart {
  png: Buffer;
  /** Size the chart was laid out at (CSS pixels); the PNG is `scale` times larger. */
  width: number;
  height: number;
  warnings: string[];
}

export const CHART_SIZE = { width: 780, height: 400, scale: 2.5 } as const;

export function chartSvg(block: ChartBlock, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(block));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * The fonts a chart is drawn with: the bundled Noto Sans SC subset (small, so it loads in milliseconds), plus one
 * system CJK font only when the chart holds a character outside the subset. An explicit list wins.
 */
export function chartFontFiles(svg: string, explicit: readonly string[] | undefined): string[] {
  if (explicit) return findChartFonts(explicit);
  const bundled = findBundledChartFont();
  if (!bundled) return findChartFonts();
  const text = svg.replace(/<[^>]*>/g, '');
  return charactersOutsideBundledFont(text).length > 0 ? [bundled, ...findChartFonts()] : [bundled];
}

/** Exporting the same month again is common, so the last few PNGs are kept, keyed by everything that shapes them. */
const cache = new Map<string, RenderedChart>();
const CACHE_SIZE = 16;

/** ChartBlock → PNG at print resolution, offline: ECharts server-side SVG rasterised by resvg off the main thread. */
export async function renderChartPng(block: ChartBlock, options: ChartRenderOptions = {}): Promise<RenderedChart> {
  const width = options.width ?? CHART_SIZE.width;
  const height = options.height ?? CHART_SIZE.height;
  const scale = options.scale ?? CHART_SIZE.scale;
  const key = JSON.stringify([
    block.title,
    block.unit,
    block.decimals,
    block.bars,
    block.lines,
    block.trend ?? null,
    width,
    height,
    scale,
    options.fonts ?? null,
  ]);
  const hit = cache.get(key);
  if (hit) return hit;

  const svg = chartSvg(block, width, height);
  const fontFiles = chartFontFiles(svg, options.fonts);

  const warnings: string[] = [];
  if (fontFiles.length === 0) {
    warnings.push(
      `图表“${block.title}”：未找到中文字体文件，已改用系统字体绘制，图中的中文可能显示不全。请重新安装本程序，或指定一个中文字体文件（如 C:\\Windows\\Fonts\\simhei.ttf）。`,
    );
  }
  const family = fontFiles[0] ? familyOfFontFile(fontFiles[0]) : undefined;
  const image = await renderAsync(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: scale },
    font: {
      loadSystemFonts: fontFiles.length === 0,
      fontFiles,
      ...(family ? { defaultFontFamily: family, sansSerifFamily: family } : {}),
    },
  });
  const rendered: RenderedChart = { png: image.asPng(), width, height, warnings };
  cache.set(key, rendered);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return rendered;
}

/** Forgets cached charts (tests and benchmarks that measure rendering). */
export function clearChartCache(): void {
  cache.clear();
}
