import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileExclusive } from '../../../src/main/services/storage/exclusive-file';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../../support/workspace';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('writeFileExclusive (frozen issued files)', () => {
  it('writes the whole file and never replaces one that exists', async () => {
    const dir = tempDir('zjb-exclusive-');
    const path = join(dir, 'issued', '2023', '简报-2023-8', '简报.docx');
    await writeFileExclusive(path, Buffer.from('signed'));
    expect(readFileSync(path, 'utf8')).toBe('signed');
    const err = await writeFileExclusive(path, Buffer.from('other')).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toContain('已存在，签发的文件不会被覆盖');
    expect(readFileSync(path, 'utf8')).toBe('signed');
    expect(readdirSync(join(dir, 'issued', '2023', '简报-2023-8'))).toEqual(['简报.docx']);
  });

  it('on a full disk leaves neither the file nor a temp file behind', async (ctx) => {
    if (!isRoot) {
      console.log('跳过：需要 root 才能挂载一个很小的 tmpfs 来模拟磁盘已满。');
      ctx.skip();
      return;
    }
    const dir = tempDir('zjb-full-disk-');
    mkdirSync(join(dir, 'disk'));
    const disk = join(dir, 'disk');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
    try {
      writeFileSync(join(disk, 'register.json'), '{}');
      const target = join(disk, '简报.docx');
      const err = await writeFileExclusive(target, Buffer.alloc(512 * 1024, 7)).then(
        () => null,
        (e: unknown) => e as NodeJS.ErrnoException,
      );
      expect(err?.code).toBe('ENOSPC');
      expect(readdirSync(disk)).toEqual(['register.json']);
      // Once there is room again the same name can be written: nothing half-made holds it.
      await writeFileExclusive(target, Buffer.from('signed'));
      expect(readFileSync(target, 'utf8')).toBe('signed');
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
