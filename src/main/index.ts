import { app, type BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { transport } from '../shared/contract';
import { electronDialogs } from './app/dialogs';
import { installMenu } from './app/menu';
import { registerAppScheme, serveRenderer } from './app/renderer-protocol';
import { denyAllPermissions } from './app/session-policy';
import { createMainWindow, trustedSenderCheck } from './app/window';
import { createHandlers } from './handlers';
import { registerIpcHandlers } from './hosts/ipc/register-ipc';
import { createServices } from './services/container';
import { findAppRoot } from './services/paths';

// Composition root: build the services, register the contract on IPC, open the window, and on quit
// let the services fold journals and release the workspace lock before the process ends.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;
  const appRoot = app.isPackaged ? join(process.resourcesPath, 'app-data') : findAppRoot(__dirname);
  const services = createServices({
    appRoot,
    appVersion: app.getVersion(),
    app: 'desktop',
    appDataDir: app.getPath('userData'),
    documentsDir: join(app.getPath('documents'), '指标简报工作区'),
    dialogs: electronDialogs(() => mainWindow),
  });
  services.events.subscribe((event, payload) => mainWindow?.webContents.send(transport.eventChannel(event), payload));

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession, process.env['ELECTRON_RENDERER_URL']);
    serveRenderer(join(__dirname, '../renderer'));
    registerIpcHandlers(ipcMain, createHandlers(services), {
      isTrustedSender: trustedSenderCheck(() => mainWindow),
      emit: (event, payload) => services.events.emit(event, payload),
      log: (line) => console.error(line),
    });
    installMenu(() => mainWindow);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  });

  // Quit waits for dispose(): journals folded into snapshots, the lock released. Then quit for real.
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    void services
      .dispose()
      .catch((err: unknown) => console.error('dispose failed', err))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });

  app.on('window-all-closed', () => app.quit());
}
