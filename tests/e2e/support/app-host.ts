import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../../src/main/handlers';
import { startHttpHost, type HttpHost } from '../../../src/main/hosts/http/http-host';
import { createServices, type Services } from '../../../src/main/services/container';
import { PROJECT_ROOT } from '../../support/project';

export interface RunningApp {
  host: HttpHost;
  services: Services;
  appDataDir: string;
  documentsDir: string;
}

export interface StartOptions {
  userName?: string;
  /** Per-user app data (recent list, the sample workspace); a fresh temp folder by default. */
  appDataDir?: string;
  /** Where new workspaces go; a fresh temp folder by default. */
  documentsDir?: string;
  /** The folder holding templates/ (a synthetic one for benchmarks); the project by default. */
  appRoot?: string;
}

/** The real services behind the real HTTP host, serving the built renderer, on temp folders. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html')))
    throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  const appDataDir = options.appDataDir ?? mkdtempSync(join(tmpdir(), 'zjb-e2e-appdata-'));
  const documentsDir = options.documentsDir ?? mkdtempSync(join(tmpdir(), 'zjb-e2e-docs-'));
  const services = createServices({
    appRoot: options.appRoot ?? PROJECT_ROOT,
    appVersion: 'e2e',
    userName: options.userName ?? 'e2e测试员',
    appDataDir,
    documentsDir,
    app: 'http',
  });
  const host = await startHttpHost({
    handlers: createHandlers(services),
    hub: services.events,
    rendererDir,
    resolveDownload: (id) => services.downloads.get(id),
  });
  return { host, services, appDataDir, documentsDir };
}

/** Stops the host and releases the workspace lock. */
export async function stopApp(app: RunningApp | undefined): Promise<void> {
  if (!app) return;
  await app.host.close();
  await app.services.session.close();
}
