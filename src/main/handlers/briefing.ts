import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { loadEdits, saveEdits } from '../services/reports/report-service';
import { issueDocument } from '../services/reports/report-views';

export function briefingHandlers({ session }: Services): NamespaceHandlers<'briefing'> {
  return {
    'briefing.getEdits': async ({ period, kind }) => (await loadEdits(session.require(), period, kind)) ?? null,
    'briefing.saveEdits': async ({ period, kind, edits }) => {
      await saveEdits(session.require(), period, kind, edits, new Date());
      return null;
    },
    'briefing.issue': ({ period, kind }) =>
      issueDocument(session.require(), { periodKey: period, kind, now: new Date() }),
  };
}
