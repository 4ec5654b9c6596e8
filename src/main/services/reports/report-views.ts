import type { ChartImage, RankingView } from '../../../shared/api-types';
import { AppError } from '../../../shared/errors';
import { chartFor } from '../../../shared/report/build';
import type { ChartBlock, DocumentKind, ReportModel } from '../../../shared/report/model';
import type { BriefingEdits } from '../../../shared/schemas/briefing';
import type { Workspace } from '../storage/workspace';
import { parsePeriodOrThrow } from './figure-loader';
import { modelWarnings } from './model-warnings';
import { buildWorkspaceReport } from './report-service';

/** The document of a period as the preview shows it, with what the clerk must check before sending it. */
export async function reportPreview(
  ws: Workspace,
  input: { periodKey: string; kind: DocumentKind; now: Date; edits?: BriefingEdits | undefined },
): Promise<{ model: ReportModel; warnings: string[] }> {
  const { model, damaged } = await buildWorkspaceReport(ws, {
    period: parsePeriodOrThrow(input.periodKey),
    periodKey: input.periodKey,
    kind: input.kind,
    issueDate: input.now,
    edits: input.edits,
  });
  return { model, warnings: modelWarnings(model, damaged, ws.problemList()) };
}

/**
 * The rankings page of a period: the 亮晒 and 赛马 tables of the briefing's model and one chart per key
 * indicator, all from the one computation the model is built from.
 */
export async function rankingView(ws: Workspace, input: { periodKey: string; now: Date }): Promise<RankingView> {
  const { model, damaged, results } = await buildWorkspaceReport(ws, {
    period: parsePeriodOrThrow(input.periodKey),
    periodKey: input.periodKey,
    kind: '简报',
    issueDate: input.now,
  });
  // Milestone indicators carry their own schedule; the page's progress line is the calendar one.
  const progress = results.find((r) => r.timeProgress && !r.usesMilestones)?.timeProgress ?? null;
  return {
    period: input.periodKey,
    periodTitle: model.periodTitle,
    sample: model.sample,
    ranking: model.ranking,
    composite: model.composite ?? null,
    charts: results.map((r) => chartFor(r)).filter((c): c is ChartBlock => c !== null),
    timeProgress: progress ? { percent: progress.percent, note: progress.note } : null,
    warnings: modelWarnings(model, damaged, ws.problemList()),
  };
}

/** One chart of the rankings page as the briefing's PNG, named after the period and the chart. */
export async function chartImage(
  ws: Workspace,
  input: { periodKey: string; chartId: string; now: Date },
): Promise<ChartImage> {
  const view = await rankingView(ws, input);
  const chart = view.charts.find((c) => c.id === input.chartId);
  if (!chart) throw new AppError('NOT_FOUND', `${view.periodTitle}没有这张图表，请刷新页面后再试。`);
  // Loaded on demand: ECharts and resvg cost start-up time the other calls need not pay.
  const { CHART_SIZE, renderChartPng } = await import('../documents/charts');
  const rendered = await renderChartPng(chart);
  const name = `${view.periodTitle}${chart.title}${view.sample ? '（示例数据）' : ''}`.replace(
    /[\\/:*?"<>|\x00-\x1f]/g,
    '_',
  );
  return {
    fileName: `${name}.png`,
    base64: rendered.png.toString('base64'),
    width: Math.round(rendered.width * CHART_SIZE.scale),
    height: Math.round(rendered.height * CHART_SIZE.scale),
  };
}
