import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The official fonts the 设置 page checks, in its order. */
export const OFFICIAL_FAMILIES = ['仿宋_GB2312', '方正小标宋简体', '黑体', '楷体_GB2312', '宋体', 'Times New Roman'];

/** Every font family fontconfig knows on this computer (each name of a family with several), from fc-list. */
export async function installedFontFamilies(): Promise<Set<string>> {
  const { stdout } = await run('fc-list', [':', 'family'], { maxBuffer: 8 * 1024 * 1024 });
  return new Set(stdout.split('\n').flatMap((line) => line.split(',').map((name) => name.trim())));
}
