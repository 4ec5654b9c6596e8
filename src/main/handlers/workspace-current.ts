import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';

/** UI part 1: lets the renderer ask whether a workspace is open without provoking a NOT_FOUND error. */
export function workspaceCurrentHandlers({ session }: Services): Pick<Handlers, 'workspace.current'> {
  return {
    'workspace.current': () => (session.isOpen ? session.require().info() : null),
  };
}
