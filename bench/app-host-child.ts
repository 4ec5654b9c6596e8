/**
 * The app as the browser preview runs it (real services behind the loopback HTTP host) in its own
 * process, with the sample workspace open: prints its address and token, serves until killed.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../src/main/handlers';
import { startHttpHost } from '../src/main/hosts/http/http-host';
import { createServices } from '../src/main/services/container';

async function main(): Promise<void> {
  const [appData] = process.argv.slice(2);
  const rendererDir = mkdtempSync(join(tmpdir(), 'zjb-bench-renderer-'));
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>');
  const services = createServices({
    appRoot: join(__dirname, '..'),
    appVersion: 'bench',
    app: 'http',
    appDataDir: appData!,
    documentsDir: appData!,
  });
  await services.session.openSample();
  const host = await startHttpHost({ handlers: createHandlers(services), hub: services.events, rendererDir });
  process.stdout.write(`${JSON.stringify({ port: host.port, token: host.token })}\n`);
  process.on(
    'SIGTERM',
    () =>
      void host
        .close()
        .then(() => services.dispose())
        .then(() => process.exit(0)),
  );
}

void main();
