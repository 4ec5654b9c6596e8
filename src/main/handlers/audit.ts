import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';

export function auditHandlers({ session }: Services): NamespaceHandlers<'audit'> {
  return {
    'audit.list': ({ period, limit }) =>
      session.require().auditLog({ ...(period ? { period } : {}), ...(limit ? { limit } : {}) }),
  };
}
