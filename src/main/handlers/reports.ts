import { chartFor } from '../../shared/report/build';
import type { ChartBlock } from '../../shared/report/model';
import { paragraphText, staleFacts, type ParagraphBlock } from '../../shared/report/model';
import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { checkOfficialFonts } from '../services/fonts/font-check';
import { parsePeriodOrThrow } from '../services/reports/figure-loader';
import { markIssued } from '../services/reports/issue';
import { provenanceOf } from '../services/reports/provenance';
import { buildWorkspaceReport, computeWorkspace, loadEdits, saveEdits } from '../services/reports/report-service';

type ReportHandlers = Pick<
  Handlers,
  'report.preview' | 'report.rankings' | 'briefing.getEdits' | 'briefing.saveEdits' | 'briefing.issue' | 'figures.provenance' | 'settings.get' | 'settings.update' | 'fonts.check' | 'jobs.cancel'
>;

/** Warnings the clerk must see before sending a document: damaged data, edited numbers that no longer match. */
export function modelWarnings(model: import('../../shared/report/model').ReportModel, damaged: { period: string; message: string }[]): string[] {
  const warnings = damaged.map((d) => `${d.period} 的数据文件已损坏（${d.message}），文稿中该期数据可能不全，请先在“数据填报”中恢复。`);
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'paragraph') continue;
      for (const fact of staleFacts(block as ParagraphBlock)) {
        warnings.push(`修改过的段落“${paragraphText(block).slice(0, 24)}…”中应为 ${fact.text}，与当前数据不符，请核对。`);
      }
    }
  }
  return warnings;
}

export function reportHandlers({ session, jobs }: Services): ReportHandlers {
  const now = () => new Date();
  return {
    'report.preview': async ({ period, kind, edits }) => {
      const ws = session.require();
      const { model, damaged } = await buildWorkspaceReport(ws, { period: parsePeriodOrThrow(period), periodKey: period, kind, issueDate: now(), ...(edits ? { edits } : {}) });
      return { model, warnings: modelWarnings(model, damaged) };
    },
    'report.rankings': async ({ period }) => {
      const ws = session.require();
      const p = parsePeriodOrThrow(period);
      const { model, damaged } = await buildWorkspaceReport(ws, { period: p, periodKey: period, kind: '简报', issueDate: now() });
      const results = await computeWorkspace(ws, p, undefined, true);
      const progress = results.find((r) => r.timeProgress && !r.indicator.milestones?.length)?.timeProgress ?? null;
      return {
        period,
        periodTitle: model.periodTitle,
        sample: model.sample,
        ranking: model.ranking,
        composite: model.composite ?? null,
        charts: results.map((r) => chartFor(r)).filter((c): c is ChartBlock => c !== null),
        timeProgress: progress ? { percent: progress.percent, note: progress.note } : null,
        warnings: modelWarnings(model, damaged),
      };
    },
    'briefing.getEdits': async ({ period, kind }) => (await loadEdits(session.require(), period, kind)) ?? null,
    'briefing.saveEdits': async ({ period, kind, edits }) => {
      await saveEdits(session.require(), period, kind, edits, now());
      return null;
    },
    'briefing.issue': async ({ period, kind }) => {
      const ws = session.require();
      const { model } = await buildWorkspaceReport(ws, { period: parsePeriodOrThrow(period), periodKey: period, kind, issueDate: now() });
      return markIssued(ws, { period, kind, title: model.title, now: now() });
    },
    'figures.provenance': ({ ref }) => provenanceOf(session.require(), ref),
    'settings.get': () => session.require().settings,
    'settings.update': ({ patch }) =>
      session.require().updateSettings(
        (c) => ({
          ...c,
          ...(patch.name ? { name: patch.name } : {}),
          documents: { ...c.documents, ...patch.documents, fonts: { ...c.documents.fonts, ...patch.documents?.fonts } },
          ranking: { ...c.ranking, ...patch.ranking },
        }),
        `修改设置：${[...Object.keys(patch.documents ?? {}), ...Object.keys(patch.ranking ?? {}), ...(patch.name ? ['name'] : [])].join('、')}`,
      ),
    'fonts.check': () => checkOfficialFonts(),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
