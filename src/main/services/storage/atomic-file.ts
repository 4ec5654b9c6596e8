import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat, readFile, mkdir } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

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
 * Replaces a file atomically: write a temp file beside it, fsync it, rename it over the target,
 * fsync the folder. A reader (or a crash) sees the old file or the new one, never a mix.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Appends to a file and returns only once the bytes are on disk. */
export async function appendDurable(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'a');
  try {
    await handle.appendFile(data);
    await handle.sync();
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

/** Truncates a file to `length` bytes (cutting a torn last line) and syncs it. */
export async function truncateDurable(path: string, length: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
