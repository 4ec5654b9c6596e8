import { asOfLabel } from '../domain/period-labels';
import { formatFixed } from '../domain/rounding';
import type { Period } from '../domain/periods';
import type { BriefingEdits } from '../schemas/briefing';
import type { IndicatorSystem } from '../schemas/indicator-system';
import type { DocumentSettings, RankingSettings } from '../schemas/workspace';
import { buildCompositeTable } from './composite-table';
import { computeIndicator, RATE_DECIMALS, type FigureLookup, type IndicatorResult } from './compute';
import { applyBriefingEdits } from './edits';
import { balancedHeaderLines, emWidth } from './layout-text';
import { formatDocumentNumber, kindSpec, nextNumber } from './kinds';
import type { DocumentKind, ReportModel } from './model';
import { buildRankingTable } from './ranking-table';
import { activeIndicator, activeIndicators } from '../systems/accessors';
import { indicatorForYear, lineageLookup, refForYear, systemsForYear } from '../systems/lineage';
import { buildSections } from './sections';
import { projectNameOf } from './subject';
import { documentPeriodTitle } from './wording';

export { chartFor } from './charts';

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

/**
 * What the documents are about ("先进制造业集群培育工程"): the workspace's setting; else the 简报 name the clerk
 * gave, without city and "简报"; else (the name is still the default made from the workspace's name) the 工程 of
 * the key indicators' system.
 */
export function subjectOf(documents: DocumentSettings, system?: IndicatorSystem, workspaceName?: string): string {
  if (documents.subject) return documents.subject;
  const defaultName = workspaceName !== undefined && documents.briefingName === `${workspaceName}简报`;
  if (system && (defaultName || workspaceName === undefined)) return projectNameOf(system);
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
  return configured.length
    ? results
    : results.filter((r) => r.rows.some((row) => typeof row.value === 'number')).slice(0, MAX_DEFAULT_KEY_INDICATORS);
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

/** Width of a title line in Chinese characters (digits half, with the space Word puts around them). */
function titleWidth(text: string): number {
  return emWidth(text);
}

/** Characters of a 2号 title per line in the 156 mm type area: 442 pt ÷ 22 pt (the width counts digits' spacing). */
const TITLE_CHARS_PER_LINE = 20.05;

/**
 * A long title is broken between its parts, never inside a word, choosing the fewest lines and, among them, the
 * break that balances the lines (GB/T 9704 7.3.1: 回行时词意完整、排列对称); "\n" marks the breaks for every
 * writer. Only a part too long for a line by itself is broken inside, into even lines.
 */
export function balanceTitle(parts: string[]): string {
  const whole = parts.join('');
  if (titleWidth(whole) <= TITLE_CHARS_PER_LINE) return whole;
  for (let lines = 2; lines <= parts.length; lines++) {
    let best: string[] | null = null;
    let bestWidth = Number.POSITIVE_INFINITY;
    for (const split of partitions(parts, lines)) {
      const width = Math.max(...split.map(titleWidth));
      if (width <= TITLE_CHARS_PER_LINE && width < bestWidth) {
        best = split;
        bestWidth = width;
      }
    }
    if (best) return best.join('\n');
  }
  return balancedHeaderLines(whole, TITLE_CHARS_PER_LINE, 0.95).join('\n');
}

/** Every way of cutting `parts` into `lines` runs of consecutive parts, each joined into one line. */
function partitions(parts: readonly string[], lines: number): string[][] {
  if (lines === 1) return [[parts.join('')]];
  const out: string[][] = [];
  for (let i = 1; i <= parts.length - lines + 1; i++)
    for (const rest of partitions(parts.slice(i), lines - 1)) out.push([parts.slice(0, i).join(''), ...rest]);
  return out;
}

/** The system the documents are about: the first key indicator's, else the first. */
function mainSystem(
  results: readonly IndicatorResult[],
  systems: readonly IndicatorSystem[],
): IndicatorSystem | undefined {
  const id = results[0]?.systemId;
  return systems.find((s) => s.id === id) ?? systems[0];
}

/**
 * Builds the whole report model of a kind: narrative, tables, chart and document metadata. Pure. A caller that
 * also needs the key indicators' results computes them once and passes them in.
 */
export function buildReportModel(input: BuildReportInput, results = computeKeyIndicators(input)): ReportModel {
  const { workspace, period, kind, edits } = input;
  const spec = kindSpec(kind);
  const docs = workspace.documents;
  const periodText = documentPeriodTitle(period);
  const asOf = asOfLabel(period);
  const subject = subjectOf(docs, mainSystem(results, input.systems), workspace.name);
  const year = input.issueDate.year;

  const { sections, attachments } = buildSections({
    spec,
    period,
    periodText,
    subject,
    results,
    regions: workspace.regions,
    lookup: input.lookup,
    sample: workspace.sample,
  });

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

  const number = nextNumber(spec.counter, docs, year);
  const draft: ReportModel = {
    sample: workspace.sample,
    meta: {
      kind,
      briefingName: docs.briefingName,
      issueNumber: number,
      documentNumber: formatDocumentNumber(spec.counter, docs.noticeNumberPrefix, year, number),
      ...(kind === '简报' && docs.totalIssueNext ? { totalIssueNumber: docs.totalIssueNext } : {}),
      issuer: docs.issuer,
      dateText: `${input.issueDate.year}年${input.issueDate.month}月${input.issueDate.day}日`,
      ...(spec.head === 'noticeMark'
        ? {
            noticeIssuerMark: docs.noticeIssuerMark,
            noticeNumber: formatDocumentNumber(spec.counter, docs.noticeNumberPrefix, year, number),
          }
        : {}),
      addressees: spec.addressee ? (docs.noticeAddressees.length ? docs.noticeAddressees : docs.distribution.fa) : [],
      distribution: docs.distribution,
      copyTo: docs.noticeCopyTo.length ? docs.noticeCopyTo : [...docs.distribution.bao, ...docs.distribution.song],
      copies: docs.copies,
    },
    periodTitle: periodText,
    asOf,
    title: balanceTitle(spec.titleParts(periodText, subject)),
    sections,
    attachments,
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
