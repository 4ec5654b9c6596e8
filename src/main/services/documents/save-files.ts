import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { writeFileAtomic } from '../storage/atomic-file';

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

/**
 * Writes generated files into a folder, replacing a file of the same name: exporting this month's 简报 again
 * after a correction gives one current file, not a pile of "（2）" copies. Each file is replaced atomically, so
 * the old one stays whole if the write fails; a file held open by Word or WPS is reported, not half-written.
 */
export async function replaceInFolder(
  folder: string,
  files: { fileName: string; buffer: Buffer }[],
): Promise<string[]> {
  const paths: string[] = [];
  for (const f of files) {
    const path = join(folder, f.fileName);
    try {
      await writeFileAtomic(path, f.buffer);
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES') {
        throw new AppError(
          'CONFLICT',
          `“${f.fileName}”正被其他程序（如 Word、WPS）打开，无法替换。请关闭该文件后再导出，或勾选“另存为副本”。`,
          { path, code },
        );
      }
      if (code === 'EROFS')
        throw new AppError('READ_ONLY', `导出文件夹“${folder}”不允许写入，文件没有保存。请换一个文件夹导出。`, {
          path,
          code,
        });
      throw err;
    }
    paths.push(path);
  }
  return paths;
}

/** The system error code of a failed write, also when the storage layer has already worded it for the clerk. */
function errnoOf(err: unknown): string | undefined {
  if (err instanceof AppError) return (err.detail as { code?: string } | undefined)?.code;
  return (err as NodeJS.ErrnoException | null)?.code;
}
