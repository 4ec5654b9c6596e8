import { describe, expect, it } from 'vitest';
import {
  chartOption,
  chartSvg,
  clearChartCache,
  defaultChartFontCandidates,
  familyOfFontFile,
  formatChartValue,
  renderChartPng,
} from '../../../src/main/services/documents/charts';
import type { ChartBlock } from '../../../src/shared/report/model';

const block: ChartBlock = {
  type: 'chart',
  id: 'c1',
  title: '各区县制造业投资年度目标完成率',
  unit: '%',
  decimals: 1,
  bars: [
    { region: '吴兴', value: 81.3 },
    { region: '南浔', value: 72.6 },
    { region: '南太湖新区', value: null },
  ],
  lines: [
    { label: '全市', value: 79.8, kind: 'city' },
    { label: '序时进度', value: 75, kind: 'progress' },
    { label: '全年目标', value: 100, kind: 'target' },
  ],
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart option', () => {
  it('draws district bars, marks a missing value, and one reference line series per line with its value in the legend', () => {
    const option = chartOption(block) as {
      xAxis: { data: string[] };
      series: {
        type: string;
        name: string;
        data: unknown[];
        markLine?: { data: { yAxis: number }[]; lineStyle: { type: string } };
      }[];
      yAxis: { name: string };
    };
    expect(option.xAxis.data).toEqual(['吴兴', '南浔', '南太湖新区\n（无数据）']);
    expect(option.series[0]!.data).toEqual([81.3, 72.6, '-']);
    expect(option.series.slice(1).map((s) => [s.name, s.markLine!.data[0]!.yAxis, s.markLine!.lineStyle.type])).toEqual(
      [
        ['全市 79.8', 79.8, 'dashed'],
        ['序时进度 75.0', 75, 'dotted'],
        ['全年目标 100.0', 100, 'solid'],
      ],
    );
    expect(option.yAxis.name).toBe('单位：%');
  });

  it('formats values at the chart precision without "-0.0"', () => {
    expect(formatChartValue(-0.04, 1)).toBe('0.0');
    expect(formatChartValue(7.25, 1)).toBe('7.3');
  });

  it('renders Chinese labels into the SVG without a browser or the network', () => {
    const svg = chartSvg(block, 780, 400);
    expect(svg).toMatch(/^<svg/);
    for (const text of ['吴兴', '南太湖新区', '全市 79.8', '序时进度 75.0', '单位：%']) expect(svg).toContain(text);
  });
});

describe('chart PNG', () => {
  it('rasterises at 2.5× the layout size (about 318 dpi over the 156 mm type area)', async () => {
    clearChartCache();
    const r = await renderChartPng(block);
    expect(r.warnings).toEqual([]);
    expect(pngSize(r.png)).toEqual({ width: 780 * 2.5, height: 400 * 2.5 });
  });

  it('warns in Chinese and still draws when no font file exists', async () => {
    clearChartCache();
    const r = await renderChartPng(block, { fonts: ['/nonexistent/simhei.ttf'], scale: 1 });
    expect(r.warnings[0]).toMatch(/未找到中文字体文件.*simhei\.ttf/);
    expect(pngSize(r.png)).toEqual({ width: 780, height: 400 });
  });

  it('looks for the usual CJK fonts on Windows and Linux', () => {
    expect(
      defaultChartFontCandidates('win32', { WINDIR: 'C:\\Windows' })
        .slice(0, 2)
        .map((p) => p.replace(/\\/g, '/')),
    ).toEqual(['C:/Windows/Fonts/simhei.ttf', 'C:/Windows/Fonts/simsun.ttc']);
    expect(defaultChartFontCandidates('linux', {})[0]).toBe('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
    expect(familyOfFontFile('C:\\Windows\\Fonts\\simsun.ttc'.split('\\').join('/'))).toBe('SimSun');
    expect(familyOfFontFile('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')).toBe('Noto Sans CJK SC');
  });
});
