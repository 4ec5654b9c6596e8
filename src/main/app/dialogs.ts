import { dialog, type BrowserWindow } from 'electron';
import type { PlatformDialogs } from '../services/platform';

/** Native dialogs for the services, parented to the main window. */
export function electronDialogs(getWindow: () => BrowserWindow | null): PlatformDialogs {
  return {
    async chooseFolder(title, defaultPath) {
      const win = getWindow();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const], ...(defaultPath ? { defaultPath } : {}) };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFiles(title, filters) {
      const win = getWindow();
      const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async saveFile(title, defaultPath, filters) {
      const win = getWindow();
      const options = { title, defaultPath, filters };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
