import type { Services } from '../main/services/container';
import type { ServerWorkspace } from '../main/services/server/server-workspace';
import { UsageError } from './command';

/** Runs `work` with a server workspace open (the person logged in by the URL) and always disconnects after. */
export async function withServerWorkspace<T>(
  services: Services,
  url: string,
  work: (ws: ServerWorkspace) => Promise<T>,
): Promise<T> {
  // Loaded only when a command talks to a server, so folder commands do not pay for the driver.
  const { ServerWorkspace } = await import('../main/services/server/server-workspace');
  const ws = await ServerWorkspace.open(url, {
    registries: await services.templates.registries(),
    applicationName: 'zhibiao-jianbao-cli',
    poolSize: 1,
  });
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

/** Exactly one of --workspace (a folder) and --url (a server workspace). */
export function workspaceOrUrl(values: { workspace?: string | undefined; url?: string | undefined }) {
  if (values.workspace && values.url) throw new UsageError('--workspace 和 --url 只能选一个');
  if (values.url) return { url: values.url } as const;
  if (values.workspace) return { dir: values.workspace } as const;
  throw new UsageError('缺少必填选项 --workspace（工作区文件夹）或 --url（服务器工作区）');
}
