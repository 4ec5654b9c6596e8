import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { withoutUndefined } from '../../shared/objects';

export function auditHandlers({ session }: Services): NamespaceHandlers<'audit'> {
  return {
    'audit.list': ({ period, limit }) => session.require().auditLog(withoutUndefined({ period, limit })),
  };
}
