import { app, type BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { transport } from '../shared/contract';
import { electronDialogs } from './app/dialogs';
import { installMenu } from './app/menu';
import { createMainWindow, trustedSenderCheck } from './app/window';
import { createHandlers } from './handlers';
import { registerIpcHandlers } from './hosts/ipc/register-ipc';
import { createServices } from './services/container';
import { findAppRoot } from './services/paths';

// Composition root: build the services, register the contract on IPC, open the window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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
    registerIpcHandlers(ipcMain, createHandlers(services), {
      isTrustedSender: trustedSenderCheck(() => mainWindow),
      emit: (event, payload) => services.events.emit(event, payload),
      log: (line) => console.error(line),
    });
    installMenu(() => mainWindow);
    mainWindow = createMainWindow();
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());
}
