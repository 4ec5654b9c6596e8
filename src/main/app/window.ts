import { BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import type { IpcInvokeEventLike } from '../hosts/ipc/register-ipc';
import { APP_INDEX_URL, isAllowedExternal, isAppUrl } from './url-policy';

const devUrl = () => process.env['ELECTRON_RENDERER_URL'];

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
  lockDown(win.webContents, win);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devUrl() ?? APP_INDEX_URL);
  return win;
}

/**
 * Opens an allowlisted web page in the user's browser once the clerk agrees; anything else is not
 * opened at all (the page cannot make the app launch programs or visit arbitrary sites).
 */
export async function openExternalAfterConfirm(url: string, win: BrowserWindow | null): Promise<boolean> {
  if (!isAllowedExternal(url)) return false;
  const options = {
    type: 'question' as const,
    buttons: ['在浏览器中打开', '取消'],
    defaultId: 1,
    cancelId: 1,
    title: '打开网页',
    message: '要在浏览器中打开以下网页吗？',
    detail: url,
  };
  const answer = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  if (answer.response !== 0) return false;
  await shell.openExternal(url);
  return true;
}

function lockDown(contents: WebContents, win: BrowserWindow): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the outside world open in the user's browser (after a confirmation), never in the app.
    void openExternalAfterConfirm(url, win);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** IPC calls are accepted only from our window showing our page. */
export function trustedSenderCheck(getWindow: () => BrowserWindow | null) {
  return (event: IpcInvokeEventLike): boolean => {
    const win = getWindow();
    if (!win || event.sender.id !== win.webContents.id) return false;
    return event.senderFrame !== null && isAppUrl(event.senderFrame.url, devUrl());
  };
}
