import type { RegionReturn } from '../../../shared/import-types';

/** What is still missing for one region, in a phrase: "5 项均未报送" or "尚缺：A、B". */
export function missingPhrase(r: RegionReturn): string {
  if (r.status === 'missing') return `${r.dueCount} 项均未报送`;
  return `尚缺 ${r.missingIndicators.length} 项：${r.missingIndicators.join('、')}`;
}

/**
 * The 催报 text the clerk pastes into a message to the districts, or null when every region has
 * returned everything due.
 */
export function reminderText(periodTitle: string, list: readonly RegionReturn[]): string | null {
  const late = list.filter((r) => r.status !== 'returned');
  if (late.length === 0) return null;
  const lines = late.map((r, i) => `${r.region}：${missingPhrase(r)}${i === late.length - 1 ? '。' : '；'}`);
  return [`请以下区县尽快报送${periodTitle}的指标数据：`, ...lines].join('\n');
}
