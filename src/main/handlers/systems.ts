import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { updateIndicator } from '../services/systems/system-editor';
import { systemTableHandlers } from './table-import';

export function systemsHandlers(services: Services): NamespaceHandlers<'systems'> {
  const { session, templates } = services;
  return {
    'systems.get': ({ id }) => session.require().system(id),
    'systems.updateIndicator': async ({ systemId, indicatorId, patch }) =>
      updateIndicator(session.require(), await templates.registries(), systemId, indicatorId, patch),
    ...systemTableHandlers(services),
  };
}
