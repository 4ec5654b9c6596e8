import type { LockHolderInfo } from '../../shared/api-types';

/** "5 分钟前" — how long ago the holder last refreshed its lock, for the confirmation. */
function seen(minutes: number): string {
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  return `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分钟前`;
}

/**
 * The confirmation before taking over a workspace: who held it, since when, when they were last seen,
 * and what taking over does to them.
 */
export function takeoverConfirmText(holder: LockHolderInfo): string {
  const who = holder.readable
    ? `${holder.user}（电脑 ${holder.host}）自 ${holder.since} 起在使用本工作区，最近一次活动在${seen(holder.minutesSinceSeen)}。`
    : `另一程序正在使用本工作区（锁文件内容无法读取），最近一次活动在${seen(holder.minutesSinceSeen)}。`;
  return `${who}接管后对方将不能再保存修改，对方尚未保存的内容会丢失。请确认对方已不再使用（例如忘了关闭程序，或那台电脑已关机）后再接管。`;
}
