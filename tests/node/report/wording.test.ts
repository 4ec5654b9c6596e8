import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { computeIndicator, type FigureLookup } from '../../../src/shared/report/compute';
import { paragraphText } from '../../../src/shared/report/model';
import { columnsForIndicator } from '../../../src/shared/report/ranking-table';
import { cityParagraphs, summaryParagraph } from '../../../src/shared/report/narrative-overall';
import { documentPeriodTitle, nextReportLabel, spanLabel, valueText } from '../../../src/shared/report/wording';
import type { FigureValue } from '../../../src/shared/schemas/figure';
import type { Indicator, IndicatorSystem } from '../../../src/shared/schemas/indicator-system';

function indicator(partial: Partial<Indicator> & Pick<Indicator, 'id' | 'kind' | 'name' | 'unit'>): Indicator {
  return {
    markers: [],
    responsible: [],
    direction: 'higher',
    decimals: 1,
    cityIsSumOfRegions: false,
    frequency: 'monthly',
    ytd: true,
    targets: {},
    regionTargets: {},
    milestones: {},
    regionMilestones: {},
    notes: [],
    source: { file: 't', lines: [1] },
    ...partial,
  };
}

/** The 全市 sentence of one indicator with these figures (2023 and 2022 at the same key). */
function computed(ind: Indicator, period: string, now: FigureValue, lastYear: FigureValue = null) {
  const system: IndicatorSystem = {
    formatVersion: 2,
    id: 's',
    title: 't',
    document: { title: 'd', seedFile: 'x' },
    city: '嘉兴',
    years: ['2023'],
    regions: ['南湖'],
    categories: [],
    indicators: [ind],
    footnotes: [],
  };
  const p = parsePeriod(period);
  const key = period;
  const last = `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const lookup: FigureLookup = (k, _s, _i, region) => {
    const v = region === '全市' ? (k === key ? now : k === last ? lastYear : undefined) : undefined;
    return v === undefined ? undefined : { v, at: 'x', by: 'x', origin: { kind: 'entry' } };
  };
  return { res: computeIndicator(system, ind, { period: p, regions: ['南湖'], lookup })!, p };
}

function sentence(ind: Indicator, period: string, now: FigureValue, lastYear: FigureValue = null): string {
  const { res, p } = computed(ind, period, now, lastYear);
  return [summaryParagraph([res], p), ...cityParagraphs([res], p)].map(paragraphText).join('｜');
}

describe('unit-aware wording', () => {
  it('prices rise and fall (上涨/下降), and a lower-is-better text target is met within it', () => {
    const cpi = indicator({
      id: 'cpi',
      name: '居民消费价格涨幅',
      unit: '%',
      kind: 'growth',
      direction: 'lower',
      targets: { '2023': '3%以内' },
    });
    expect(sentence(cpi, '2023-09', 0.4, 2.1)).toBe(
      '1—9月，纳入监测的1项主要指标中，1项达到要求。其中，居民消费价格涨幅达到年度目标要求。｜1—9月，全市居民消费价格同比上涨0.4%，增速比上年同期回落1.7个百分点，符合年度目标（3%以内）要求。',
    );
    expect(sentence(cpi, '2023-09', -0.3)).toContain('居民消费价格同比下降0.3%');
  });

  it('writes per-mille differences in 个千分点 and keeps the target’s unit', () => {
    const share = indicator({
      id: 'share',
      name: '货物出口占全国份额',
      unit: '‰',
      kind: 'share',
      ytd: false,
      frequency: 'quarterly',
      targets: { '2023': 13.4 },
    });
    expect(sentence(share, '2023Q3', 13.1, 12.4)).toContain(
      '货物出口占全国份额为13.1‰，比上年同期提高0.7个千分点，低于年度目标（13.4‰）0.3个千分点',
    );
    // The ranking table's header says the same as the text.
    const labels = columnsForIndicator(computed(share, '2023Q3', 13.1, 12.4).res).map((c) => c.label);
    expect(labels).toContain('比上年同期（个千分点）');
    expect(labels.join()).not.toContain('个百分点');
  });

  it('says "控制在…以内" for a lower-is-better target that is met, and how far over one that is not', () => {
    const energy = indicator({
      id: 'energy',
      name: '单位工业增加值能耗',
      unit: '吨标煤/万元',
      kind: 'perUnit',
      direction: 'lower',
      ytd: false,
      frequency: 'quarterly',
      decimals: 2,
      targets: { '2023': 0.6 },
    });
    expect(sentence(energy, '2023Q3', 0.55)).toContain('控制在年度目标（0.6吨标煤/万元）以内');
    expect(sentence(energy, '2023Q3', 0.65)).toContain('高于年度目标（0.6吨标煤/万元）0.05吨标煤/万元');
  });

  it('never judges an indicator without a target for the year, and says so', () => {
    const noTarget = indicator({ id: 'x', name: '网络零售额', unit: '亿元', kind: 'level', targets: { '2025': 1245 } });
    const text = sentence(noTarget, '2026-09', 900.0, 850);
    expect(text).toBe(
      '1—9月，纳入监测的1项主要指标中，1项暂不作判断。其中，网络零售额未设定2026年目标，不作判断。｜1—9月，全市网络零售额累计900亿元，同比增长5.9%。',
    );
    expect(text).not.toMatch(/达到|序时进度|完成年度目标/);
  });

  it('prints whole amounts without ".0", rates with their decimals, and year ends as years', () => {
    expect(valueText(9980, 1, '亩')).toBe('9980');
    expect(valueText(8202.6, 1, '亩')).toBe('8202.6');
    expect(valueText(9, 1, '%')).toBe('9.0');
    expect(spanLabel(parsePeriod('2023-12'))).toBe('2023年');
    expect(spanLabel(parsePeriod('2023Q4'))).toBe('2023年');
    expect(spanLabel(parsePeriod('2023-09'))).toBe('1—9月');
    expect(documentPeriodTitle(parsePeriod('2023-12'))).toBe('2023年');
    expect(documentPeriodTitle(parsePeriod('2023Q3'))).toBe('2023年第三季度');
    expect(nextReportLabel(parsePeriod('2023-12'))).toBe('2024年1—2月');
    expect(nextReportLabel(parsePeriod('2023-09'))).toBe('1—10月');
  });
});
