import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';

/**
 * Writes a file that must never replace another (a frozen issued document): the bytes go to a temp file
 * beside it, are flushed, and the temp file is hard-linked to the name, which fails if the name exists.
 * A crash leaves either no file or the whole file under the name, never a part. Where the file system
 * has no hard links (some network shares), an exclusive create is used instead.
 */
export async function writeFileExclusive(path: string, data: Buffer | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    // A full disk or a lost share: leave no half-written temp file behind.
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await link(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(temp, { force: true });
      throw new AppError('CONFLICT', `${path} 已存在，签发的文件不会被覆盖。`);
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') {
      await rm(temp, { force: true });
      throw err;
    }
    await rm(temp, { force: true });
    const out = await open(path, 'wx');
    try {
      await out.writeFile(data);
      await out.sync();
    } catch (err) {
      // Only we created this name (wx), so a part of it is ours to remove.
      await out.close().catch(() => undefined);
      await rm(path, { force: true });
      throw err;
    }
    await out.close();
    return;
  }
  await rm(temp, { force: true });
  const folder = await open(dir, 'r').catch(() => null);
  if (folder && process.platform !== 'win32') {
    await folder.sync().catch(() => undefined);
  }
  await folder?.close();
}
