import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { applyFix, confirmFinding, reviewPeriod } from '../services/review/review-service';

export function reviewHandlers({ session }: Services): NamespaceHandlers<'review'> {
  return {
    'review.run': ({ period }) => reviewPeriod(session.require(), period),
    'review.confirm': ({ period, key, note }) => confirmFinding(session.require(), period, key, note),
    'review.fix': async ({ period, key }, ctx) => {
      const { report, saved } = await applyFix(session.require(), period, key);
      if (saved.changed) ctx.emit('figures.changed', { period: saved.period, revision: saved.revision });
      return report;
    },
  };
}
