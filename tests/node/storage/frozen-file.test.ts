import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppError } from '../../../src/shared/errors';
import { WorkspaceFiles } from '../../../src/main/services/storage/workspace-files';
import { tempDir } from '../../support/workspace';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('WorkspaceFiles.createExclusive, as 签发 freezes its files', () => {
  it('writes the whole file and never replaces one that exists', async () => {
    const dir = tempDir('zjb-exclusive-');
    const files = new WorkspaceFiles(dir);
    const rel = 'issued/2023/简报-2023-8/简报.docx';
    const path = join(dir, ...rel.split('/'));
    expect(await files.createExclusive(rel, Buffer.from('signed'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('signed');
    expect(await files.createExclusive(rel, Buffer.from('other'))).toBe(false);
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
      const files = new WorkspaceFiles(disk);
      const target = join(disk, '简报.docx');
      const err = await files.createExclusive('简报.docx', Buffer.alloc(512 * 1024, 7)).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(err?.code).toBe('DISK_FULL');
      expect(err?.message).toContain('磁盘空间不足');
      expect(readdirSync(disk)).toEqual(['register.json']);
      // Once there is room again the same name can be written: nothing half-made holds it.
      expect(await files.createExclusive('简报.docx', Buffer.from('signed'))).toBe(true);
      expect(readFileSync(target, 'utf8')).toBe('signed');
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});
