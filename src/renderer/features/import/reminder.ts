import type { RegionReturn } from '../../../shared/import-types';

/** What is still owed by one region, in a phrase: "5 项均未报送", "尚缺：A、B", "需更正：C（D7未通过检查）". */
export function missingPhrase(r: RegionReturn): string {
  const parts: string[] = [];
  if (r.status === 'missing') parts.push(`${r.dueCount} 项均未报送`);
  else if (r.missingIndicators.length)
    parts.push(`尚缺 ${r.missingIndicators.length} 项：${r.missingIndicators.join('、')}`);
  const fix = r.notAccepted ?? [];
  if (fix.length) parts.push(`需更正 ${fix.length} 项：${fix.join('、')}`);
  return parts.join('；');
}

/** Whether a region is in the 催报: it owes figures, or its return was sent back. */
export function needsReminder(r: RegionReturn): boolean {
  return r.status !== 'returned' || r.workflow === '退回';
}

function line(r: RegionReturn): string {
  const owed = r.status === 'returned' ? '' : missingPhrase(r);
  if (r.workflow !== '退回') return `${r.region}：${owed}`;
  return `${r.region}：报表已退回，原因：${r.reason ?? '见通知'}${owed ? `；${owed}` : ''}；请更正后重新报送`;
}

/**
 * The 催报 text the clerk pastes into a message to the districts, or null when every region has
 * returned everything due and none was sent back.
 */
export function reminderText(periodTitle: string, list: readonly RegionReturn[]): string | null {
  const late = list.filter(needsReminder);
  if (late.length === 0) return null;
  const lines = late.map((r, i) => `${line(r)}${i === late.length - 1 ? '。' : '；'}`);
  return [`请以下区县尽快报送${periodTitle}的指标数据：`, ...lines].join('\n');
}
