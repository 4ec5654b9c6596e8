import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { setReturnStatus } from '../services/returns/returns-service';

export function returnsHandlers({ session }: Services): NamespaceHandlers<'returns'> {
  return {
    'returns.set': ({ period, region, status, reason }) =>
      setReturnStatus(session.require(), period, region, status, reason),
  };
}
