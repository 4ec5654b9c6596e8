import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { chartImage, rankingView, reportPreview } from '../services/reports/report-views';

export function reportHandlers({ session }: Services): NamespaceHandlers<'report'> {
  return {
    'report.preview': ({ period, kind, edits }) =>
      reportPreview(session.require(), { periodKey: period, kind, edits, now: new Date() }),
    'report.rankings': ({ period }) => rankingView(session.require(), { periodKey: period, now: new Date() }),
    'report.chartImage': ({ period, chartId }) =>
      chartImage(session.require(), { periodKey: period, chartId, now: new Date() }),
  };
}
