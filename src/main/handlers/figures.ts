import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { provenanceOf } from '../services/reports/provenance';
import { applyFiguresTable, previewFiguresTable } from '../services/table-import/figures-import';
import { decodeTableSource } from '../services/table-import/uploads';

export function figuresHandlers(services: Services): NamespaceHandlers<'figures'> {
  const { session } = services;
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
    'figures.importPreview': async ({ source, options }) =>
      previewFiguresTable(
        session.require(),
        { source: decodeTableSource(source), options },
        await services.templates.registries(),
      ),
    'figures.importApply': async ({ source, options, digest, basis }, ctx) => {
      const result = await applyFiguresTable(
        session.require(),
        { source: decodeTableSource(source), options },
        { digest, basis },
        await services.templates.registries(),
      );
      for (const p of result.periods) ctx.emit('figures.changed', { period: p.period, revision: p.revision });
      return result;
    },
  };
}
