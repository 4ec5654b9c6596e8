import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { updateIndicator } from '../services/systems/system-editor';

export function systemsHandlers({ session, templates }: Services): NamespaceHandlers<'systems'> {
  return {
    'systems.get': ({ id }) => session.require().system(id),
    'systems.updateIndicator': async ({ systemId, indicatorId, patch }) =>
      updateIndicator(session.require(), await templates.registries(), systemId, indicatorId, patch),
  };
}
