import type { PeriodDamageInfo } from '../../../shared/api-types';

/** The alert over a period whose files cannot be used: what is wrong, in the clerk's words. */
export function damageTitle(d: PeriodDamageInfo): string {
  switch (d.kind) {
    case 'newer':
      return `本期数据文件 ${d.file} ${d.message}`;
    case 'link':
      return d.message;
    case 'missing':
      return `本期数据文件不全：${d.message}`;
    case 'damaged':
      return `本期数据文件已损坏：${d.file}，${d.message}`;
  }
}

/** What happens next: restore (keeping the files aside), or why restoring is not offered. */
export function damageHelp(d: PeriodDamageInfo): string {
  if (d.kind === 'newer') return '本程序只能查看、不能修改这一期。请升级程序后再修改，不要用旧版本恢复或覆盖它。';
  if (d.kind === 'link') return '为防止读写工作区以外的文件，本期不能查看也不能修改。请联系技术支持处理。';
  return '恢复前本期不能修改。有问题的文件会改名保留在原处备查，不会被删除。';
}
