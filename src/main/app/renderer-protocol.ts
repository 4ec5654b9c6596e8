import { net, protocol } from 'electron';
import { lstat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME, rendererFile } from './url-policy';

/**
 * Registers app:// as a standard, secure scheme. Must run before the app is ready; the page then has a
 * real origin (app://bundle) for its CSP's 'self', and file:// is never used.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer folder at app://bundle/; anything outside it (or not a plain file) is 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(request.url, rendererDir);
    const info = file ? await lstat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return new Response('未找到', { status: 404 });
    return net.fetch(pathToFileURL(file).toString());
  });
}
