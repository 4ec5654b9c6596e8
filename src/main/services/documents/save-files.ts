import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Writes generated files into a folder without ever replacing a file already there: a returned, filled-in
 * form keeps the name it was sent with, and regenerating into the same folder must not overwrite it.
 * A taken name gets "（2）", "（3）"…
 */
export async function saveIntoFolder(folder: string, files: { fileName: string; buffer: Buffer }[]): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    const ext = extname(f.fileName);
    const stem = f.fileName.slice(0, f.fileName.length - ext.length);
    for (let n = 1; ; n++) {
      const path = join(folder, n === 1 ? f.fileName : `${stem}（${n}）${ext}`);
      try {
        await writeFile(path, f.buffer, { flag: 'wx' });
        paths.push(path);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 99) throw err;
      }
    }
  }
  return paths;
}
