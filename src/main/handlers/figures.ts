import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { provenanceOf } from '../services/reports/provenance';

export function figuresHandlers({ session }: Services): NamespaceHandlers<'figures'> {
  return {
    'figures.get': ({ period }) => session.require().figures.get(period),
    'figures.set': async ({ period, changes }, ctx) => {
      const result = await session.require().setFigures(period, changes, { kind: 'entry' });
      if (result.changed) ctx.emit('figures.changed', { period, revision: result.revision });
      return result;
    },
    'figures.history': ({ period }) => session.require().figures.history(period),
    'figures.cellHistory': ({ period, systemId, indicatorId, region }) =>
      session.require().figures.cellHistory(period, systemId, indicatorId, region),
    'figures.restore': async ({ period, revision }, ctx) => {
      const result = await session.require().restorePeriod(period, revision);
      ctx.emit('figures.changed', { period, revision: result.revision });
      return result;
    },
    'figures.provenance': ({ ref }) => provenanceOf(session.require(), ref),
  };
}
