import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { editRegions } from '../services/systems/regions-service';

export function regionsHandlers({ session, templates }: Services): NamespaceHandlers<'regions'> {
  return {
    'regions.edit': async ({ edit }) => {
      const ws = session.require();
      await editRegions(ws, await templates.registries(), edit);
      return ws.info();
    },
  };
}
