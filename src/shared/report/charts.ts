import { RATE_DECIMALS, type IndicatorResult } from './compute';
import type { ChartBlock } from './model';
import type { CitySeries } from './series';
import { subjectOf, valueUnit } from './wording';

/** The district bar chart of an indicator: its ranked figure per district, with 全市, target or 序时进度 lines. */
export function chartFor(res: IndicatorResult | undefined): ChartBlock | null {
  if (!res) return null;
  const completion = res.rankBy === 'completion';
  const figure = (r: IndicatorResult['rows'][number]): number | null =>
    completion ? (r.completion?.ok ? r.completion.rate : null) : typeof r.value === 'number' ? r.value : null;
  const bars = res.rows
    .filter((r) => !r.isTotal)
    .map((r) => {
      const value = figure(r);
      const ref = completion
        ? `calc:completion:${res.periodKey}/${res.systemId}/${res.indicator.id}/${r.region}`
        : r.ref;
      return { region: r.region, value, ...(value !== null ? { ref } : {}) };
    });
  const city = res.rows.find((r) => r.isTotal);
  const lines: ChartBlock['lines'] = [];
  const cityValue = city ? figure(city) : null;
  if (cityValue !== null) lines.push({ label: '全市', value: cityValue, kind: 'city' });
  if (completion && res.timeProgress)
    lines.push({ label: '序时进度', value: res.timeProgress.percent, kind: 'progress' });
  if (!completion && typeof city?.target === 'number')
    lines.push({ label: '年度目标', value: city.target, kind: 'target' });
  const name =
    res.indicator.kind === 'growth'
      ? `${subjectOf(res.indicator.name)}增速`
      : `${res.indicator.name}${completion ? '完成率' : ''}`;
  return {
    type: 'chart',
    id: `chart/${res.systemId}/${res.indicator.id}`,
    title: `各区县${name}`,
    unit: completion ? '%' : valueUnit(res.indicator),
    decimals: completion ? RATE_DECIMALS : res.decimals,
    bars,
    lines,
  };
}

/** The 全市 trend of an indicator this year against last year, period by period; null without two points. */
export function trendChartFor(res: IndicatorResult, series: CitySeries | null, year: number): ChartBlock | null {
  if (!series) return null;
  const known = series.thisYear.filter((v) => v !== null).length + series.lastYear.filter((v) => v !== null).length;
  if (known < 2) return null;
  const ind = res.indicator;
  const growth = ind.kind === 'growth';
  const name = growth ? `${subjectOf(ind.name)}累计增速` : `${ind.name}${ind.ytd ? '累计' : ''}`;
  return {
    type: 'chart',
    id: `trend/${res.systemId}/${ind.id}`,
    title: `全市${name}走势（与上年对比）`,
    unit: valueUnit(ind),
    decimals: res.decimals,
    bars: [],
    lines: [],
    trend: {
      labels: series.labels,
      series: [
        {
          name: `${year}年`,
          values: series.labels.map((_, i) => series.thisYear[i] ?? null),
        },
        { name: `${year - 1}年`, values: series.lastYear },
      ],
    },
  };
}
