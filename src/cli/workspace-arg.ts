import { Workspace } from '../main/services/storage/workspace';
import type { Services } from '../main/services/container';

export type CliAccess = 'read' | 'write';

/**
 * Opens a workspace for one CLI command. Reading commands open read-only: no lock, not one byte
 * written, so they can run beside the app (or another PC) that is writing. Writing commands take the
 * write lock when it is free and open read-only (saying who holds it) when it is not.
 */
export async function openForCli(services: Services, dir: string, access: CliAccess = 'write'): Promise<Workspace> {
  return Workspace.open(
    dir,
    {
      userName: services.userName,
      app: 'cli',
      now: () => new Date(),
      registries: await services.templates.registries(),
    },
    access === 'read' ? { readOnly: true } : {},
  );
}

/** Runs `work` with the workspace open and always closes it afterwards (a writer compacts and releases its lock). */
export async function withWorkspace<T>(
  services: Services,
  dir: string,
  work: (ws: Workspace) => Promise<T>,
  access: CliAccess = 'write',
): Promise<T> {
  const ws = await openForCli(services, dir, access);
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}
