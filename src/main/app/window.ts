import { BrowserWindow, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import type { IpcInvokeEventLike } from '../hosts/ipc/register-ipc';

const RENDERER_HTML = join(__dirname, '../renderer/index.html');

/** The app's only window: sandboxed, isolated, no Node, no navigation, no pop-ups. */
export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1200,
    minHeight: 700,
    show: false,
    title: '指标简报助手',
    autoHideMenuBar: false,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  lockDown(win.webContents);
  win.once('ready-to-show', () => win.show());
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl) void win.loadURL(devUrl);
  else void win.loadFile(RENDERER_HTML);
  return win;
}

function isAppUrl(url: string): boolean {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (devUrl && url.startsWith(devUrl)) return true;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && decodeURIComponent(parsed.pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world (help pages) open in the user's browser, never in the app.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** IPC calls are accepted only from our window showing our page. */
export function trustedSenderCheck(getWindow: () => BrowserWindow | null) {
  return (event: IpcInvokeEventLike): boolean => {
    const win = getWindow();
    if (!win || event.sender.id !== win.webContents.id) return false;
    return event.senderFrame !== null && isAppUrl(event.senderFrame.url);
  };
}
