import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Real file-system faults need root (CI runs as root); tests fall back to another real fault otherwise. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether this machine lets us mount (a container without CAP_SYS_ADMIN does not). */
export function canMount(): boolean {
  if (!IS_ROOT) return false;
  const probe = mkdtempSync(join(tmpdir(), 'zjb-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A fresh tmpfs of `size` (e.g. "3m") mounted on a new temp folder. */
export function mountTmpfs(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'zjb-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  return dir;
}

export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir]);
}

export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
}
