import type { Session } from 'electron';
import { isAppUrl } from './url-policy';

/**
 * The one thing our page asks the browser for: writing text to the clipboard (the 催报 list's
 * “复制” button). Reading the clipboard is not needed (pasting into the grid uses the paste event).
 */
const ALLOWED_FOR_APP = new Set(['clipboard-sanitized-write']);

/**
 * Everything else is denied, for every page: camera, microphone, notifications, geolocation, clipboard
 * reads, USB, serial, HID, and any permission a later Electron adds. A page that is not ours (should
 * one ever load) gets nothing at all.
 */
export function denyAllPermissions(session: Session, devUrl?: string): void {
  const allowed = (permission: string, origin: string | undefined) =>
    ALLOWED_FOR_APP.has(permission) && origin !== undefined && isAppUrl(origin, devUrl);
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl ?? contents?.getURL())),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
