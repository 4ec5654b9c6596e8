import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { applyImport, decodeUploads, excludeKey, previewImport } from '../services/import';
import { returnsOverview } from '../services/returns/returns-service';
import { withoutUndefined } from '../../shared/objects';

export function importHandlers({ session, importPreviews }: Services): NamespaceHandlers<'import'> {
  return {
    'import.preview': ({ files, period, anomalies }) =>
      previewImport(session.require(), decodeUploads(files), {
        store: importPreviews,
        ...withoutUndefined({ period, anomalies }),
      }),
    'import.apply': async ({ previewId, morePreviewIds, exclude }, ctx) => {
      const result = await applyImport(session.require(), [previewId, ...(morePreviewIds ?? [])], {
        store: importPreviews,
        exclude: new Set((exclude ?? []).map((e) => excludeKey(e.file, e.ref))),
      });
      // One event per period with its newest revision, however many files touched it.
      const latest = new Map<string, number>();
      for (const file of result.applied)
        for (const p of file.periods) latest.set(p.period, Math.max(latest.get(p.period) ?? 0, p.revision));
      for (const [period, revision] of latest) ctx.emit('figures.changed', { period, revision });
      return result;
    },
    'import.missing': ({ period }) => returnsOverview(session.require(), period),
  };
}
