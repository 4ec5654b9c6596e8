import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * Where the window's page comes from and where it may go. Pure (no electron), so every rule is tested
 * directly: the renderer is served from a privileged custom scheme, never from file://, which would
 * trust any file of the machine (or a share: file://host/share/…/renderer/index.html) that has the
 * right name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Web pages the app may offer to open in the user's browser (help of the office programs it names). */
export const EXTERNAL_ALLOWLIST: readonly string[] = ['https://support.microsoft.com', 'https://www.wps.cn'];

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Our page: app://bundle/…, or in development the dev server's exact origin. Compared by origin, so
 * neither http://localhost:5173.evil.example nor file:// of a like-named path passes.
 */
export function isAppUrl(url: string, devUrl?: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devUrl ? parse(devUrl) : null;
  return dev !== null && (dev.protocol === 'http:' || dev.protocol === 'https:') && parsed.origin === dev.origin;
}

/** An https page on the allowlist, without credentials in it: may be opened after the clerk confirms. */
export function isAllowedExternal(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return EXTERNAL_ALLOWLIST.includes(parsed.origin);
}

/**
 * The file of the renderer folder an app:// request asks for, or null: only our host, only paths that
 * stay inside the folder once decoded (no `..`, no encoded separators, no absolute paths).
 */
export function rendererFile(requestUrl: string, rendererDir: string): string | null {
  const parsed = parse(requestUrl);
  if (!parsed || parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0') || path.includes('\\')) return null;
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null;
  return file;
}
