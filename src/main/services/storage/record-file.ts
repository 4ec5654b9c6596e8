import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { zodErrorToChinese } from '../../../shared/zod-chinese';
import { LinkRefusedError, type WorkspaceFiles } from './workspace-files';
import { KeyedMutex } from './keyed-mutex';

const mutex = new KeyedMutex();
const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * A small JSON file of the workspace that the app keeps whole (审核 confirmations, district returns, the
 * register of issued documents): parsed by its schema on every read, replaced atomically on every write
 * with the previous version copied to history/ first, and updated one writer at a time in this process.
 * A file that does not parse is reported by name and never overwritten, so a hand edit gone wrong loses
 * nothing.
 */
export class RecordFile<T> {
  constructor(
    private readonly files: WorkspaceFiles,
    /** Path inside the workspace, with forward slashes ("review/2023/2023-09.json"). */
    readonly relativePath: string,
    private readonly schema: z.ZodType<T>,
    private readonly empty: () => T,
  ) {}

  async read(): Promise<T> {
    let text: string | null;
    try {
      text = await this.files.readText(this.relativePath, MAX_RECORD_BYTES);
    } catch (err) {
      if (err instanceof LinkRefusedError) throw err;
      throw new AppError(
        'INVALID_FILE',
        `${this.relativePath} 过大或无法读取，请检查该文件（可从 history/ 中找回上一版）。`,
      );
    }
    if (text === null) return this.empty();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError(
        'INVALID_FILE',
        `${this.relativePath} 已损坏（不是有效的 JSON），本次未做任何修改。可从 history/${this.relativePath.replace(/\.json$/, '')}/ 中找回上一版替换它。`,
      );
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError(
        'INVALID_FILE',
        `${this.relativePath} 内容有误：${zodErrorToChinese(parsed.error, raw).slice(0, 3).join('；')}。本次未做任何修改，请改正或从 history/ 中找回上一版。`,
        parsed.error.issues,
      );
    }
    return parsed.data;
  }

  /** Reads, applies `change`, validates and writes back, all under this file's lock. */
  update(change: (current: T) => T, stamp: string): Promise<T> {
    return mutex.run(this.files.abs(this.relativePath), async () => {
      const before = await this.files.readText(this.relativePath, MAX_RECORD_BYTES).catch(() => null);
      const current = await this.read();
      const next = this.schema.parse(change(current));
      if (before !== null) {
        const history = `history/${this.relativePath.replace(/\.json$/, '')}/${stamp.replace(/[:.]/g, '-')}.json`;
        await this.files.writeExclusive(history, before);
      }
      await this.files.writeAtomic(this.relativePath, JSON.stringify(next, null, 2) + '\n');
      return next;
    });
  }
}
