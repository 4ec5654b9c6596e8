import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';

export function templatesHandlers({ templates }: Services): NamespaceHandlers<'templates'> {
  return {
    'templates.list': () => templates.list(),
    'templates.get': ({ id }) => templates.get(id),
  };
}
