import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, rm, stat, readFile, mkdir, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** Flushes a directory entry (the rename) to disk; not possible on Windows, where rename is already durable enough. */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Windows antivirus and search indexers hold files briefly: retry a rename a few times before failing. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw err;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}

/**
 * A failed write as the clerk should read it: a full disk or a folder that refuses writes is said in
 * plain words, with the promise that the save did not happen (the caller has already taken it back).
 */
export function writeFailure(err: unknown, path: string): unknown {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const detail = { path, code, message: err instanceof Error ? err.message : String(err) };
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new AppError(
      'DISK_FULL',
      `磁盘空间不足，本次修改没有保存。请清理工作区所在磁盘（${dirname(path)}）后重试，已保存的数据不受影响。`,
      detail,
    );
  if (code === 'EFBIG')
    return new AppError('DISK_FULL', '文件超过了系统允许的大小，本次修改没有保存。已保存的数据不受影响。', detail);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return new AppError(
      'READ_ONLY',
      '工作区文件夹不允许写入（只读的磁盘或共享文件夹，或没有写权限），本次修改没有保存。',
      detail,
    );
  return err;
}

async function writeAll(handle: FileHandle, bytes: Buffer, position: number | null): Promise<void> {
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(
      bytes,
      offset,
      bytes.length - offset,
      position === null ? null : position + offset,
    );
    if (bytesWritten === 0) throw Object.assign(new Error('no bytes written'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

/** A fresh temp file beside `path`, synced: the first half of every atomic or exclusive write. */
async function writeTemp(path: string, data: string | Buffer): Promise<string> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await writeAll(handle, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, 0);
    await handle.sync();
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw writeFailure(err, path);
  }
  await handle.close();
  return temp;
}

/**
 * Replaces a file atomically: write a temp file beside it, fsync it, rename it over the target,
 * fsync the folder. A reader (or a crash) sees the old file or the new one, never a mix.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const temp = await writeTemp(path, data);
  try {
    await renameWithRetry(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw writeFailure(err, path);
  }
  await fsyncDir(dirname(path));
}

/**
 * Creates `path` with these bytes only if no file has that name: the complete file appears at once
 * (a hard link of a synced temp file), or nothing does. False when the name is taken.
 */
export async function writeFileExclusive(path: string, data: Buffer): Promise<boolean> {
  const temp = await writeTemp(path, data);
  try {
    await link(temp, path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await rm(temp, { force: true });
      return false;
    }
    // File systems without hard links (FAT on a USB stick): rename once the name is seen to be free.
    // The workspace lock makes this process the only writer, so nothing takes the name in between.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
      const taken = await stat(path).then(
        () => true,
        () => false,
      );
      if (taken) {
        await rm(temp, { force: true });
        return false;
      }
      await renameWithRetry(temp, path);
      await fsyncDir(dirname(path));
      return true;
    }
    await rm(temp, { force: true });
    throw writeFailure(err, path);
  }
  await unlink(temp);
  await fsyncDir(dirname(path));
  return true;
}

/** The file is not the length its only writer left it at: someone else changed it. */
export class SizeMismatchError extends Error {
  constructor(
    readonly path: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${path} is ${actual} bytes, expected ${expected}`);
  }
}

/**
 * Appends to a file and returns only once the bytes are on disk. When the append fails part-way (a full
 * disk), the file is cut back to its length before the append, so the next append never continues a
 * half line: a failed save leaves no trace, and the error says why.
 */
export async function appendDurable(path: string, data: string, expectedSize?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o666);
  } catch (err) {
    throw writeFailure(err, path);
  }
  try {
    const start = (await handle.stat()).size;
    if (expectedSize !== undefined && start !== expectedSize) throw new SizeMismatchError(path, expectedSize, start);
    try {
      await writeAll(handle, Buffer.from(data, 'utf8'), null);
      await handle.sync();
    } catch (err) {
      await handle.truncate(start).then(
        () => handle.sync(),
        () => undefined,
      );
      throw writeFailure(err, path);
    }
  } finally {
    await handle.close();
  }
}

export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} is ${size} bytes, over the ${limit} byte limit`);
  }
}

/** Reads an opened file as UTF-8, refusing one over `limit` bytes before reading it. */
export async function readOpenedText(handle: FileHandle, path: string, limit: number): Promise<string> {
  const size = (await handle.stat()).size;
  if (size > limit) throw new FileTooLargeError(path, size, limit);
  return handle.readFile('utf8');
}

/** Reads a text file, refusing files over `limit` bytes before reading them. Missing file → null. */
export async function readTextLimited(path: string, limit: number): Promise<string | null> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  if (size > limit) throw new FileTooLargeError(path, size, limit);
  return readFile(path, 'utf8');
}

/** Truncates a file to `length` bytes and syncs it. */
export async function truncateDurable(path: string, length: number): Promise<void> {
  const handle = await open(path, constants.O_RDWR | NO_FOLLOW);
  try {
    await handle.truncate(length);
    await handle.sync();
  } catch (err) {
    throw writeFailure(err, path);
  } finally {
    await handle.close();
  }
}
