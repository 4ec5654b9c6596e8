import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { loadEdits, saveEdits } from '../services/reports/report-service';
import { issueDocument } from '../services/register/issue-document';
import { withoutUndefined } from '../../shared/objects';

export function briefingHandlers({ session }: Services): NamespaceHandlers<'briefing'> {
  return {
    'briefing.getEdits': async ({ period, kind }) => (await loadEdits(session.require(), period, kind)) ?? null,
    'briefing.saveEdits': async ({ period, kind, edits }) => {
      await saveEdits(session.require(), period, kind, edits, new Date());
      return null;
    },
    'briefing.issue': ({ period, kind, date, correct }) =>
      issueDocument(session.require(), { period, kind, ...withoutUndefined({ date, correct }) }),
  };
}
