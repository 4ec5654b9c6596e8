import { join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import { saveIntoFolder } from '../documents/save-files';
import type { Workspace } from '../storage/workspace';

/** The absolute path of a file the clerk asked to see, refused unless it is inside the workspace's exports/. */
export function exportedFilePath(ws: Workspace, relativePath: string): string {
  const exportsDir = resolve(ws.dir, 'exports');
  const full = resolve(ws.dir, relativePath);
  if (!full.startsWith(exportsDir + sep)) throw new AppError('FORBIDDEN', '只能打开工作区 exports 文件夹中的文件。');
  return full;
}

/** Saves a printed PDF into exports/<period>/ (a taken name gets （2）) and returns its workspace-relative path. */
export async function savePrintedPdf(ws: Workspace, periodKey: string, fileName: string, pdf: Buffer): Promise<string> {
  const name = fileName.endsWith('.pdf') ? fileName : `${fileName}.pdf`;
  // exports/ is inside the workspace: a link there would put the file somewhere else.
  await ws.files.assertNoLinks(`exports/${periodKey}`);
  const [path] = await saveIntoFolder(join(ws.dir, 'exports', periodKey), [{ fileName: name, buffer: pdf }]);
  return relative(ws.dir, path ?? '');
}
