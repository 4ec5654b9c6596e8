import { Workspace } from '../main/services/storage/workspace';
import type { Services } from '../main/services/container';

/** Opens a workspace for one CLI command (taking the write lock when it is free). */
export async function openForCli(services: Services, dir: string): Promise<Workspace> {
  return Workspace.open(dir, {
    userName: services.userName,
    app: 'cli',
    now: () => new Date(),
    registries: await services.templates.registries(),
  });
}

/** Runs `work` with the workspace open and always releases its lock afterwards. */
export async function withWorkspace<T>(
  services: Services,
  dir: string,
  work: (ws: Workspace) => Promise<T>,
): Promise<T> {
  const ws = await openForCli(services, dir);
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}
