import { withoutUndefined } from '../../shared/objects';
import { chartFor } from '../../shared/report/build';
import type { ChartBlock } from '../../shared/report/model';
import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { checkOfficialFonts } from '../services/fonts/font-check';
import { parsePeriodOrThrow } from '../services/reports/figure-loader';
import { markIssued } from '../services/reports/issue';
import { modelWarnings } from '../services/reports/model-warnings';
import { provenanceOf } from '../services/reports/provenance';
import { buildWorkspaceReport, computeWorkspace, loadEdits, saveEdits } from '../services/reports/report-service';

type ReportHandlers = Pick<
  Handlers,
  | 'report.preview'
  | 'report.rankings'
  | 'briefing.getEdits'
  | 'briefing.saveEdits'
  | 'briefing.issue'
  | 'figures.provenance'
  | 'settings.get'
  | 'settings.update'
  | 'fonts.check'
  | 'jobs.cancel'
>;

export function reportHandlers({ session, jobs }: Services): ReportHandlers {
  const now = () => new Date();
  return {
    'report.preview': async ({ period, kind, edits }) => {
      const ws = session.require();
      const { model, damaged } = await buildWorkspaceReport(ws, {
        period: parsePeriodOrThrow(period),
        periodKey: period,
        kind,
        issueDate: now(),
        ...(edits ? { edits } : {}),
      });
      return { model, warnings: modelWarnings(model, damaged) };
    },
    'report.rankings': async ({ period }) => {
      const ws = session.require();
      const p = parsePeriodOrThrow(period);
      const { model, damaged } = await buildWorkspaceReport(ws, {
        period: p,
        periodKey: period,
        kind: '简报',
        issueDate: now(),
      });
      const results = await computeWorkspace(ws, p, undefined, true);
      const progress = results.find((r) => r.timeProgress && !r.usesMilestones)?.timeProgress ?? null;
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
      const { model } = await buildWorkspaceReport(ws, {
        period: parsePeriodOrThrow(period),
        periodKey: period,
        kind,
        issueDate: now(),
      });
      return markIssued(ws, { period, kind, title: model.title, now: now() });
    },
    'figures.provenance': ({ ref }) => provenanceOf(session.require(), ref),
    'settings.get': () => session.require().settings,
    'settings.update': ({ patch }) =>
      session.require().updateSettings(
        (c) => ({
          ...c,
          ...(patch.name ? { name: patch.name } : {}),
          documents: {
            ...c.documents,
            ...withoutUndefined(patch.documents ?? {}),
            fonts: { ...c.documents.fonts, ...withoutUndefined(patch.documents?.fonts ?? {}) },
          },
          ranking: { ...c.ranking, ...withoutUndefined(patch.ranking ?? {}) },
        }),
        `修改设置：${[...Object.keys(patch.documents ?? {}), ...Object.keys(patch.ranking ?? {}), ...(patch.name ? ['name'] : [])].join('、')}`,
      ),
    'fonts.check': () => checkOfficialFonts(),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
