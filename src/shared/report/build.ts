import { periodTitle as titleOfPeriod, asOfLabel } from '../domain/period-labels';
import { formatFixed } from '../domain/rounding';
import type { Period } from '../domain/periods';
import type { BriefingEdits } from '../schemas/briefing';
import type { IndicatorSystem } from '../schemas/indicator-system';
import type { DocumentSettings, RankingSettings } from '../schemas/workspace';
import { buildBriefingTable } from './briefing-table';
import { buildCompositeTable } from './composite-table';
import { computeIndicator, RATE_DECIMALS, type FigureLookup, type IndicatorResult } from './compute';
import type { Block, ChartBlock, DocumentKind, ParagraphBlock, ReportModel, Section } from './model';
import {
  districtParagraph,
  nextStepParagraphs,
  overallParagraph,
  problemParagraphs,
  subjectOf as subjectOfName,
  summaryParagraph,
} from './narrative';
import { buildRankingTable } from './ranking-table';
import { applyBriefingEdits } from './edits';
import { activeIndicator, activeIndicators } from '../systems/accessors';
import { indicatorForYear, lineageLookup, refForYear, systemsForYear } from '../systems/lineage';

export interface ReportWorkspace {
  name: string;
  sample: boolean;
  regions: string[];
  documents: DocumentSettings;
  ranking: RankingSettings;
}

export interface BuildReportInput {
  kind: DocumentKind;
  period: Period;
  workspace: ReportWorkspace;
  systems: IndicatorSystem[];
  lookup: FigureLookup;
  /** The issue date printed on the document (passed in: the model is pure, no clock). */
  issueDate: { year: number; month: number; day: number };
  edits?: BriefingEdits;
}

const MAX_DEFAULT_KEY_INDICATORS = 8;

/** "湖州市先进制造业集群培育工程简报" → "先进制造业集群培育工程". */
export function subjectOf(documents: DocumentSettings): string {
  if (documents.subject) return documents.subject;
  return documents.briefingName.replace(/^.{2,4}?市/, '').replace(/(工作)?简报$/, '') || documents.briefingName;
}

/**
 * The key indicators of the workspace for the period (configured, or the first system's due ones). A key
 * indicator named in an earlier year's system is computed in its counterpart serving the period's year.
 */
export function computeKeyIndicators(
  input: Pick<BuildReportInput, 'period' | 'workspace' | 'systems' | 'lookup'>,
): IndicatorResult[] {
  const { workspace, systems, period } = input;
  const lookup = lineageLookup(input.lookup, systems);
  const options = { period, regions: workspace.regions, lookup, decimalsOverride: workspace.ranking.decimalsOverride };
  const configured = workspace.ranking.keyIndicators;
  const first = systemsForYear(systems, period.year)[0];
  const picks = configured.length
    ? configured.flatMap((k) => {
        const found = indicatorForYear(systems, k.systemId, k.indicatorId, period.year);
        const ind = found ? activeIndicator(found.system, found.indicator.id) : undefined;
        return found && ind ? [{ system: found.system, ind }] : [];
      })
    : (first ? activeIndicators(first) : []).slice(0, 40).map((ind) => ({ system: first as IndicatorSystem, ind }));
  const results = picks
    .map(({ system, ind }) => computeIndicator(system, ind, options))
    .filter((r): r is IndicatorResult => r !== null);
  const withData = configured.length
    ? results
    : results.filter((r) => r.rows.some((row) => typeof row.value === 'number')).slice(0, MAX_DEFAULT_KEY_INDICATORS);
  return withData;
}

/**
 * Every indicator of every system serving the period's year (for the compute CLI and the rankings page),
 * or of the one system asked for.
 */
export function computeAll(
  input: Pick<BuildReportInput, 'period' | 'workspace' | 'systems' | 'lookup'> & { onlySystemId?: string },
): IndicatorResult[] {
  const { workspace, systems, period, onlySystemId } = input;
  const lookup = lineageLookup(input.lookup, systems);
  const options = { period, regions: workspace.regions, lookup, decimalsOverride: workspace.ranking.decimalsOverride };
  const chosen = onlySystemId ? systems.filter((s) => s.id === onlySystemId) : systemsForYear(systems, period.year);
  return chosen.flatMap((system) =>
    activeIndicators(system)
      .map((ind) => computeIndicator(system, ind, options))
      .filter((r): r is IndicatorResult => r !== null),
  );
}

export function chartFor(res: IndicatorResult | undefined): ChartBlock | null {
  if (!res) return null;
  const completion = res.rankBy === 'completion';
  const bars = res.rows
    .filter((r) => !r.isTotal)
    .map((r) => {
      const value = completion
        ? r.completion?.ok
          ? r.completion.rate
          : null
        : typeof r.value === 'number'
          ? r.value
          : null;
      return {
        region: r.region,
        value,
        ...(value !== null
          ? {
              ref: completion
                ? `calc:completion:${res.periodKey}/${res.systemId}/${res.indicator.id}/${r.region}`
                : r.ref,
            }
          : {}),
      };
    });
  const city = res.rows.find((r) => r.isTotal);
  const lines: ChartBlock['lines'] = [];
  const cityValue = completion
    ? city?.completion?.ok
      ? city.completion.rate
      : null
    : typeof city?.value === 'number'
      ? city.value
      : null;
  if (cityValue !== null) lines.push({ label: '全市', value: cityValue, kind: 'city' });
  if (completion && res.timeProgress)
    lines.push({ label: '序时进度', value: res.timeProgress.percent, kind: 'progress' });
  if (!completion && typeof city?.target === 'number')
    lines.push({ label: '年度目标', value: city.target, kind: 'target' });
  const unit = completion ? '%' : res.indicator.unit;
  const name =
    res.indicator.kind === 'growth'
      ? `${subjectOfName(res.indicator.name)}增速`
      : `${res.indicator.name}${completion ? '完成率' : ''}`;
  return {
    type: 'chart',
    id: `chart/${res.systemId}/${res.indicator.id}`,
    title: `各区县${name}`,
    unit,
    decimals: completion ? RATE_DECIMALS : res.decimals,
    bars,
    lines,
  };
}

function nextPeriodLabel(period: Period): string {
  if (period.kind === 'month') return period.month === 12 ? `${period.year + 1}年1月` : `${period.month + 1}月`;
  if (period.kind === 'quarter')
    return period.quarter === 4 ? '下一年度第一季度' : `第${['一', '二', '三', '四'][period.quarter] ?? ''}季度`;
  return '下一期';
}

/** Width of a title line in Chinese characters: digits and Latin letters are half as wide. */
function titleWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** Characters of a 2号 title per line in the 156 mm text block. */
const TITLE_CHARS_PER_LINE = 20;

/**
 * A long title is broken between its parts, never inside a word, choosing the break that balances the
 * lines (GB/T 9704 7.3.1: 回行时词意完整、排列对称); "\n" marks the break for every writer.
 */
export function balanceTitle(parts: string[]): string {
  const whole = parts.join('');
  if (titleWidth(whole) <= TITLE_CHARS_PER_LINE || parts.length < 2) return whole;
  let best = whole;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (let i = 1; i < parts.length; i++) {
    const first = parts.slice(0, i).join('');
    const second = parts.slice(i).join('');
    const width = Math.max(titleWidth(first), titleWidth(second));
    if (width < bestWidth) {
      best = `${first}\n${second}`;
      bestWidth = width;
    }
  }
  return best;
}

function documentTitle(kind: DocumentKind, periodText: string, subject: string): string {
  if (kind === '运行分析报告') return balanceTitle([periodText, subject, '运行分析报告']);
  if (kind === '通报') return balanceTitle(['关于', `${periodText}${subject}`, '主要指标进展情况的通报']);
  return balanceTitle([periodText, subject, '主要指标运行情况']);
}

/**
 * Builds the whole report model: narrative, tables, chart and document metadata. Pure. A caller that also
 * needs the key indicators' results computes them once and passes them in.
 */
export function buildReportModel(input: BuildReportInput, results = computeKeyIndicators(input)): ReportModel {
  const { workspace, period, kind, edits } = input;
  const docs = workspace.documents;
  const periodText = titleOfPeriod(period);
  const asOf = asOfLabel(period);
  const subject = subjectOf(docs);
  const year = String(input.issueDate.year);

  const overall = results
    .map((r) => overallParagraph(r, period, periodText))
    .filter((p): p is ParagraphBlock => p !== null);
  const districtBlocks: Block[] = results.flatMap((r, i) => {
    const p = districtParagraph(r);
    return p
      ? [
          {
            type: 'heading' as const,
            level: 2 as const,
            text: `（${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'][i] ?? i + 1}）${r.indicator.name}`,
          },
          p,
        ]
      : [];
  });
  const tableNotes = [
    `注：位次按${results.some((r) => r.rankBy === 'completion') ? '完成率、' : ''}增速或数值排列，相同者并列；“—”表示未报送或不计算，“/”表示不适用。`,
  ];
  if (workspace.sample) tableNotes.push('本表数据为示例数据。');
  const briefingTable = buildBriefingTable(
    'briefing-table',
    `表1  ${periodText}各区县主要指标及位次`,
    results,
    workspace.regions,
    tableNotes,
  );
  const chart = chartFor(results[0]);
  const sections: Section[] = [
    { id: 'overall', heading: '一、总体情况', blocks: [summaryParagraph(results, period), ...overall] },
    {
      id: 'districts',
      heading: '二、分区县情况',
      blocks: [...districtBlocks, briefingTable, ...(chart ? [chart] : [])],
    },
    { id: 'problems', heading: '三、存在问题', blocks: problemParagraphs(results) },
    { id: 'next', heading: '四、下步工作', blocks: nextStepParagraphs(results, nextPeriodLabel(period)) },
  ];

  const ranking = buildRankingTable({
    id: 'ranking',
    title: `${periodText}各区县${subject}主要指标亮晒表`,
    subtitle: `（${asOf}）`,
    results,
    regions: workspace.regions,
    dataSource: docs.dataSource,
    sample: workspace.sample,
    orderBy: workspace.ranking.orderBy,
  });
  const compositeSettings = workspace.ranking.composite;
  const composite = compositeSettings
    ? buildCompositeTable({
        title: `${periodText}${compositeSettings.title}`,
        subtitle: `（${asOf}）`,
        rule: compositeSettings.rule,
        weights: compositeSettings.weights.map((w) => refForYear(w, input.systems, period.year)),
        results,
        regions: workspace.regions,
        sample: workspace.sample,
      })
    : null;

  const issueNumber = docs.issueCounters[year] ?? 1;
  const draft: ReportModel = {
    sample: workspace.sample,
    meta: {
      kind,
      briefingName: docs.briefingName,
      issueNumber,
      ...(docs.totalIssueNext ? { totalIssueNumber: docs.totalIssueNext } : {}),
      issuer: docs.issuer,
      dateText: `${input.issueDate.year}年${input.issueDate.month}月${input.issueDate.day}日`,
      noticeIssuerMark: docs.noticeIssuerMark,
      noticeNumber: `${docs.noticeNumberPrefix}〔${year}〕${issueNumber}号`,
      distribution: docs.distribution,
      copies: docs.copies,
    },
    periodTitle: periodText,
    asOf,
    title: documentTitle(kind, periodText, subject),
    sections,
    ranking,
    ...(composite ? { composite } : {}),
    style: {
      fonts: docs.fonts,
      mastheadSizePt: docs.mastheadSizePt,
      linePitchTwips: docs.linePitchTwips,
      rankingPaper: docs.rankingPaper,
    },
  };
  return applyBriefingEdits(draft, edits);
}

/** Time progress of a period as printed ("75.0"), for labels. */
export function progressText(results: IndicatorResult[]): string | null {
  const p = results.find((r) => r.timeProgress)?.timeProgress;
  return p ? formatFixed(p.percent, RATE_DECIMALS) : null;
}
