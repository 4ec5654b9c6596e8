import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../../../src/main/handlers';
import { startHttpHost, type HttpHost } from '../../../src/main/hosts/http/http-host';
import { createServices, type Services } from '../../../src/main/services/container';
import { PROJECT_ROOT } from '../../support/project';

export interface RunningApp {
  host: HttpHost;
  services: Services;
}

/** The real services behind the real HTTP host, serving the built renderer. */
export async function startApp(options: { userName?: string } = {}): Promise<RunningApp> {
  const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  const services = createServices({ appRoot: PROJECT_ROOT, appVersion: 'e2e', userName: options.userName ?? 'e2e测试员' });
  const host = await startHttpHost({ handlers: createHandlers(services), hub: services.events, rendererDir, resolveDownload: (id) => services.downloads.get(id) });
  return { host, services };
}
