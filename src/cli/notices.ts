import type { PeriodDamageInfo } from '../shared/api-types';

/** What the clerk must know about a period's files before reading the figures printed after it. */
export function damageNotice(damage: PeriodDamageInfo): string {
  switch (damage.kind) {
    case 'newer':
      return `注意：${damage.file} ${damage.message}。本程序无法显示这一期的数据。\n`;
    case 'link':
      return `注意：${damage.message}\n`;
    case 'missing':
      return `注意：${damage.message}。以下为可恢复的第 ${damage.lastGoodRevision} 版数据，可用 restore 命令恢复。\n`;
    case 'damaged':
      return `注意：${damage.file} 已损坏（${damage.message}），以下为可恢复的第 ${damage.lastGoodRevision} 版数据。\n`;
  }
}

/** Problems of the workspace's own files (a system that failed to load): their figures are not listed. */
export function problemNotices(problems: string[]): string {
  return problems.map((p) => `注意：工作区文件有问题：${p}。该文件中指标体系的数据未列出。\n`).join('');
}
