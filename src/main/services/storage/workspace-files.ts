import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  appendDurable,
  FileTooLargeError,
  readOpenedText,
  truncateDurable,
  writeFileAtomic,
  writeFileExclusive,
} from './atomic-file';

function parentOf(rel: string): string {
  return rel.split('/').slice(0, -1).join('/');
}

/** O_NOFOLLOW where the platform has it (not on Windows, where every path component is checked instead). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** A symlink, junction or shortcut folder inside a workspace: nothing is read or written through it. */
export class LinkRefusedError extends AppError {
  constructor(readonly file: string) {
    super(
      'INVALID_FILE',
      `工作区中的“${file}”是符号链接（或联接点），可能指向工作区以外的文件。为防止读写工作区以外的位置，程序不通过它读取或写入任何内容。请把它换成真实的文件或文件夹（例如从备份复制回来）后重新打开工作区。`,
      { file },
    );
  }
}

/** Identity of a file at one moment: a replaced (renamed-over) file gets another one. */
export interface FileIdentity {
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface ListedEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isLink: boolean;
}

/**
 * Every read and write of a workspace's files goes through here, addressed by a path relative to the
 * workspace ("data/2023/2023-09.log"). Each access checks that no component below the workspace folder is
 * a link, and files are opened without following one, so a link planted in the workspace can neither
 * show another folder's figures as ours nor make the app truncate or append to a file elsewhere.
 */
export class WorkspaceFiles {
  constructor(readonly root: string) {}

  /** The absolute path of a workspace-relative path, refusing anything that climbs out. */
  abs(rel: string): string {
    const path = join(this.root, rel);
    const back = relative(this.root, path);
    if (back === '' || back.startsWith('..') || isAbsolute(back))
      throw new AppError('BAD_INPUT', `路径“${rel}”不在工作区内。`);
    return path;
  }

  private display(absPath: string): string {
    return relative(this.root, absPath).split(sep).join('/');
  }

  /** Refuses when any existing component of `rel` is a link; components that do not exist yet are fine. */
  async assertNoLinks(rel: string): Promise<void> {
    const parts = relative(this.root, this.abs(rel)).split(sep);
    let path = this.root;
    for (const part of parts) {
      path = join(path, part);
      let info;
      try {
        info = await lstat(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR')
          return;
        throw err;
      }
      if (info.isSymbolicLink()) throw new LinkRefusedError(this.display(path));
    }
  }

  /** Reads a text file of at most `limit` bytes; a missing file is null. */
  async readText(rel: string, limit: number): Promise<string | null> {
    await this.assertNoLinks(rel);
    const path = this.abs(rel);
    let handle;
    try {
      handle = await open(path, constants.O_RDONLY | NO_FOLLOW);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      if (code === 'ELOOP') throw new LinkRefusedError(rel);
      throw err;
    }
    try {
      return await readOpenedText(handle, path, limit);
    } finally {
      await handle.close();
    }
  }

  /** The identity of a file without following a link, or null when it does not exist. */
  async identity(rel: string): Promise<FileIdentity | null> {
    try {
      const info = await lstat(this.abs(rel));
      return { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(rel: string): Promise<boolean> {
    return (await this.identity(rel)) !== null;
  }

  /** The entries of a folder (links reported, never followed), or null when the folder does not exist. */
  async list(rel: string): Promise<ListedEntry[] | null> {
    await this.assertNoLinks(rel);
    try {
      const entries = await readdir(this.abs(rel), { withFileTypes: true });
      return entries.map((e) => ({
        name: e.name,
        isFile: e.isFile(),
        isDirectory: e.isDirectory(),
        isLink: e.isSymbolicLink(),
      }));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw err;
    }
  }

  private async prepareDir(rel: string): Promise<void> {
    const parent = parentOf(rel);
    if (!parent) return;
    await this.assertNoLinks(parent);
    await mkdir(this.abs(parent), { recursive: true });
    // mkdir may have raced with a link being planted; check again before writing inside.
    await this.assertNoLinks(parent);
  }

  /** Replaces a file atomically (temp file, fsync, rename). A link at the target is refused, not replaced. */
  async writeAtomic(rel: string, data: string | Buffer): Promise<void> {
    await this.prepareDir(rel);
    await this.assertNoLinks(rel);
    await writeFileAtomic(this.abs(rel), data);
  }

  /** Creates a file whole, or returns false when the name is taken (nothing is replaced). */
  async createExclusive(rel: string, data: string | Buffer): Promise<boolean> {
    await this.prepareDir(rel);
    await this.assertNoLinks(rel);
    return writeFileExclusive(this.abs(rel), typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  }

  /**
   * Writes a file that must never replace another (history): when the name is taken by different
   * content, `name~2.ext`, `name~3.ext` … is used instead. Returns the relative name written, or the
   * existing one when it already holds exactly these bytes.
   */
  async writeExclusive(rel: string, data: string | Buffer): Promise<string> {
    await this.prepareDir(rel);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const dot = rel.lastIndexOf('.');
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? rel : `${rel.slice(0, dot)}~${n}${rel.slice(dot)}`;
      await this.assertNoLinks(candidate);
      if (await writeFileExclusive(this.abs(candidate), bytes)) return candidate;
      const existing = await this.readBytes(candidate, bytes.length + 1);
      if (existing?.equals(bytes)) return candidate;
    }
    throw new AppError('CONFLICT', `“${rel}”已有太多同名的历史文件，请检查工作区的 history 文件夹。`);
  }

  /** The bytes of a file, or null when it is missing or larger than `limit`; a link is refused. */
  async readBytes(rel: string, limit: number): Promise<Buffer | null> {
    await this.assertNoLinks(rel);
    const handle = await open(this.abs(rel), constants.O_RDONLY | NO_FOLLOW).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ELOOP') throw new LinkRefusedError(rel);
      return null;
    });
    if (!handle) return null;
    try {
      const size = (await handle.stat()).size;
      if (size > limit) return null;
      const buf = Buffer.alloc(size);
      await handle.read(buf, 0, size, 0);
      return buf;
    } finally {
      await handle.close();
    }
  }

  /**
   * Appends durably. With `expectedSize` (the length the caller last left the file at) an append to a
   * file of any other length is refused with SizeMismatchError before a byte is written.
   */
  async append(rel: string, data: string, expectedSize?: number): Promise<void> {
    await this.prepareDir(rel);
    await this.assertNoLinks(rel);
    try {
      await appendDurable(this.abs(rel), data, expectedSize);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ELOOP') throw new LinkRefusedError(rel);
      throw err;
    }
  }

  /** The bytes of a file from `from` to its end (a torn tail to set aside). */
  async readFrom(rel: string, from: number): Promise<Buffer> {
    await this.assertNoLinks(rel);
    const handle = await open(this.abs(rel), constants.O_RDONLY | NO_FOLLOW);
    try {
      const size = (await handle.stat()).size;
      const buf = Buffer.alloc(Math.max(0, size - from));
      if (buf.length) await handle.read(buf, 0, buf.length, from);
      return buf;
    } finally {
      await handle.close();
    }
  }

  async truncate(rel: string, length: number): Promise<void> {
    await this.assertNoLinks(rel);
    await truncateDurable(this.abs(rel), length);
  }

  /** Moves a file aside within its folder (damaged files are renamed, never deleted). */
  async moveAside(rel: string, suffix: string): Promise<string | null> {
    const parent = parentOf(rel);
    if (parent) await this.assertNoLinks(parent);
    const target = `${rel}${suffix}`;
    try {
      await rename(this.abs(rel), this.abs(target));
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(rel: string): Promise<void> {
    const parent = parentOf(rel);
    if (parent) await this.assertNoLinks(parent);
    await rm(this.abs(rel), { force: true });
  }
}

export { FileTooLargeError };
export { SizeMismatchError } from './atomic-file';
