import { listJoin } from '../domain/phrases';
import type { Period } from '../domain/periods';
import { RATE_DECIMALS, type FigureLookup, type IndicatorResult } from './compute';
import { chartFor, trendChartFor } from './charts';
import { buildDistrictTables } from './district-tables';
import { chineseOrdinal, type KindSpec, type SectionId } from './kinds';
import type { Attachment, Block, ParagraphBlock, Section } from './model';
import {
  nextStepParagraphs,
  outlookParagraphs,
  praiseParagraphs,
  problemParagraphs,
  requirementParagraphs,
} from './narrative-actions';
import { districtParagraph } from './narrative-districts';
import { appendCityClause, cityParagraphs, summaryParagraph } from './narrative-overall';
import { appendRise } from './phrasing';
import { differenceAtPrecision } from '../domain/rounding';
import { RunBuilder } from './runs';
import { citySeries, monthlyDetail, regionMonthly, type CitySeries } from './series';
import { cityRow } from './verdicts';
import { spanLabel, valueUnit } from './wording';
import { CLOSING_SECTION, REASON_PLACEHOLDER } from './layout-text';

/**
 * The body of a document of a kind, section by section as its KindSpec lists them: each section is drafted, the
 * empty ones dropped, and the rest numbered 一、二、… in order, their sub-headings （一）（二）… likewise, so the
 * numbering never jumps.
 */

export interface SectionInput {
  spec: KindSpec;
  period: Period;
  /** "2023年1—9月" (year end: "2023年"). */
  periodText: string;
  subject: string;
  results: IndicatorResult[];
  regions: readonly string[];
  lookup: FigureLookup;
  sample: boolean;
}

export { REASON_PLACEHOLDER } from './layout-text';

function heading2(n: number, text: string): Block {
  return { type: 'heading', level: 2, text: `（${chineseOrdinal(n)}）${text}` };
}

/** "，其中9月当月完成112家，环比增长3.2%" after a monthly year-to-date total. */
function appendMonthly(b: RunBuilder, res: IndicatorResult, series: CitySeries | null): void {
  const detail = monthlyDetail(res, series);
  if (!detail) return;
  const unit = valueUnit(res.indicator);
  const ref = `calc:month:${detail.key}/${res.systemId}/${res.indicator.id}/全市`;
  b.text(`，其中${detail.month}月当月完成`).amount(detail.current, res.decimals, unit, ref);
  if (detail.previous !== null && detail.previous > 0) {
    b.text('，环比');
    appendRise(
      b,
      res,
      ((detail.current - detail.previous) / detail.previous) * 100,
      RATE_DECIMALS,
      ref.replace('calc:month:', 'calc:mom:'),
    );
  }
}

/** "增速比1—8月提高0.3个百分点": a growth rate against the previous point of its series. */
function appendTrend(b: RunBuilder, res: IndicatorResult, series: CitySeries | null): void {
  if (!series || res.indicator.kind !== 'growth') return;
  const n = series.thisYear.length;
  const now = series.thisYear[n - 1];
  const before = series.thisYear[n - 2];
  if (n < 2 || typeof now !== 'number' || typeof before !== 'number') return;
  const months = series.perYear === 12 ? n - 1 : (n - 1) * 3;
  const label = months === 1 ? '1月' : `1—${months}月`;
  const diff = differenceAtPrecision(now, before, res.decimals);
  const ref = `calc:trend:${series.keys[n - 1]}/${res.systemId}/${res.indicator.id}/全市`;
  const rounded = diff;
  if (rounded === 0) {
    b.text(`，增速与${label}持平`);
    return;
  }
  b.text(`，增速比${label}${rounded > 0 ? '提高' : '回落'}`).amount(Math.abs(diff), res.decimals, '个百分点', ref);
}

function overallBlocks(input: SectionInput): Block[] {
  const summary = summaryParagraph(input.results, input.period);
  // A report analyses each indicator in its own section; its overview is the summary alone.
  if (input.spec.sections.some((s) => s.id === 'indicators')) return [summary];
  return [summary, ...cityParagraphs(input.results, input.period)];
}

/** 主要指标分析 of a 运行分析报告: per indicator its 全市 analysis, a trend chart, and the place for the reasons. */
function indicatorBlocks(input: SectionInput, series: Map<IndicatorResult, CitySeries | null>): Block[] {
  const out: Block[] = [];
  let n = 0;
  let charted = false;
  for (const res of input.results) {
    const city = cityRow(res);
    if (!city || typeof city.value !== 'number') continue;
    const s = series.get(res) ?? null;
    const b = new RunBuilder().text(`${spanLabel(input.period)}，全市`);
    appendCityClause(b, res, true);
    appendTrend(b, res, s);
    appendMonthly(b, res, s);
    b.text('。');
    out.push(heading2(++n, res.indicator.name), b.build(`analysis/${res.systemId}/${res.indicator.id}`));
    const chart = charted ? null : trendChartFor(res, s, input.period.year);
    if (chart) {
      out.push(chart);
      charted = true;
    }
    out.push({
      type: 'paragraph',
      id: `reason/${res.systemId}/${res.indicator.id}`,
      style: 'placeholder',
      runs: [{ text: `主要原因：${REASON_PLACEHOLDER}` }],
    });
  }
  return out;
}

function tableNotes(input: SectionInput): string[] {
  return input.sample ? ['本表数据为示例数据。'] : [];
}

function districtTables(input: SectionInput) {
  return buildDistrictTables(input.results, {
    periodText: input.periodText,
    regions: input.regions,
    notes: tableNotes(input),
    ...(input.spec.monthlyDetail
      ? { monthly: (res: IndicatorResult, region: string) => regionMonthly(res, input.period, input.lookup, region) }
      : {}),
  });
}

function districtBlocks(input: SectionInput): Block[] {
  const withHeadings = input.spec.kind !== '运行分析报告';
  const out: Block[] = [];
  let n = 0;
  for (const res of input.results) {
    const p = districtParagraph(res, input.period, withHeadings ? '分区县看，' : '');
    if (!p) continue;
    if (withHeadings) out.push(heading2(++n, res.indicator.name));
    out.push(p);
  }
  if (input.spec.districtTables === 'body') out.push(...districtTables(input));
  if (input.spec.chart === 'districtBars') {
    const chart = chartFor(input.results.find((r) => r.rows.some((x) => !x.isTotal && x.rank !== null)));
    if (chart) out.push(chart);
  }
  return out;
}

function sectionBlocks(id: SectionId, input: SectionInput, series: Map<IndicatorResult, CitySeries | null>): Block[] {
  const { results, regions, period } = input;
  switch (id) {
    case 'overall':
      return overallBlocks(input);
    case 'indicators':
      return indicatorBlocks(input, series);
    case 'districts':
      return districtBlocks(input);
    case 'problems':
      return problemParagraphs(results, regions, period);
    case 'next':
      return nextStepParagraphs(results, regions, period);
    case 'outlook':
      return outlookParagraphs(results, regions, period);
    case 'praise':
      return praiseParagraphs(results, regions, period);
    case 'requirements':
      return requirementParagraphs(results, period);
  }
}

function paragraph(id: string, text: string, style?: ParagraphBlock['style']): ParagraphBlock {
  return { ...new RunBuilder().text(text).build(id), ...(style ? { style } : {}) };
}

/** The sections of the body, numbered, with a 通报's opening and closing, and its attachments. */
export function buildSections(input: SectionInput): { sections: Section[]; attachments: Attachment[] } {
  const { spec } = input;
  const needsSeries = spec.monthlyDetail || spec.chart === 'trend';
  const series = new Map(
    input.results.map((r) => [r, needsSeries ? citySeries(r, input.period, input.lookup) : null] as const),
  );
  const sections: Section[] = [];
  if (spec.addressee)
    sections.push({
      id: 'opening',
      blocks: [paragraph('opening/1', `现将${input.periodText}全市${input.subject}主要指标进展情况通报如下：`)],
    });
  let n = 0;
  for (const { id, heading } of spec.sections) {
    const blocks = sectionBlocks(id, input, series);
    if (blocks.length === 0) continue;
    sections.push({ id, heading: `${chineseOrdinal(++n)}、${heading}`, blocks });
  }
  const attachments: Attachment[] = [];
  const tables = spec.districtTables === 'attachment' ? districtTables(input) : [];
  if (tables.length) attachments.push({ title: `${input.periodText}各区县主要指标完成情况表`, blocks: tables });
  const closing: Block[] = [];
  if (spec.closing) closing.push(paragraph('closing/1', spec.closing));
  if (attachments.length)
    closing.push(
      paragraph(
        'closing/attachment',
        attachments.length === 1
          ? `附件：${attachments[0]!.title}`
          : `附件：${listJoin(attachments.map((a, i) => `${i + 1}. ${a.title}`))}`,
        'attachmentNote',
      ),
    );
  if (closing.length) sections.push({ id: CLOSING_SECTION, blocks: closing });
  return { sections, attachments };
}
