import { dialog, shell, type BrowserWindow } from 'electron';
import type { PlatformDialogs } from '../services/platform';

/** Native dialogs, attached to the main window when there is one. Paths chosen here never reach the renderer. */
export function electronDialogs(window: () => BrowserWindow | null): PlatformDialogs {
  return {
    async chooseFolder(title, defaultPath) {
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        ...(defaultPath ? { defaultPath } : {}),
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFiles(title, filters) {
      const options = {
        title,
        filters,
        properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(title, defaultPath, filters) {
      const options = { title, defaultPath, filters };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
    revealInFolder(path) {
      shell.showItemInFolder(path);
    },
    printWindow() {
      const win = window();
      if (!win) return Promise.resolve(false);
      return new Promise((resolve) =>
        win.webContents.print({ silent: false, printBackground: true }, (success) => resolve(success)),
      );
    },
    async printWindowToPdf(landscape) {
      const win = window();
      if (!win) throw new Error('no window to print');
      return win.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
    },
  };
}
