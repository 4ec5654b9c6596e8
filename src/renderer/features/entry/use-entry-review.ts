import { ElMessage } from 'element-plus';
import { computed, watch, type Ref } from 'vue';
import type { ReviewItem } from '../../../shared/api-types';
import type { useReview } from '../../components/review/use-review';
import type { CellMark } from './components/grid-context';
import { cellKey, type CellRef } from './grid/layout';

/**
 * The 审核 as the entry grid shows it: marks on the cells of this system and period, the findings of the
 * cell under the cursor, and a notice when a save brings a new finding (a growth of 1234.5 %), so the
 * clerk sees it at once rather than at export.
 */
export function useEntryReview(
  review: ReturnType<typeof useReview>,
  systemId: Ref<string>,
  period: Ref<string>,
  activeCell: Ref<CellRef | null>,
) {
  watch(period, (p) => void review.load(p), { immediate: true });

  const items = computed<ReviewItem[]>(() =>
    (review.report.value?.items ?? []).filter(
      (i) => i.cell.systemId === systemId.value && i.cell.period === period.value,
    ),
  );

  /**
   * One mark per cell: the worst of its open findings (an error confirmed with a 说明 no longer paints the
   * cell red while a hint on it is still open), or "confirmed" when every finding on it is.
   */
  const marks = computed(() => {
    const byCell = new Map<string, ReviewItem[]>();
    for (const item of items.value) {
      const key = cellKey(item.cell);
      byCell.set(key, [...(byCell.get(key) ?? []), item]);
    }
    const out = new Map<string, CellMark>();
    for (const [key, list] of byCell) {
      const open = list.filter((i) => !i.confirmation);
      const level = open.some((i) => i.level === '错误') ? '错误' : (open[0]?.level ?? list[0]!.level);
      const text = list
        .map((i) => `审核${i.level}：${i.message}${i.confirmation ? `（已确认：${i.confirmation.note}）` : ''}`)
        .join('\n');
      out.set(key, { level, open: open.length > 0, text });
    }
    return out;
  });

  const activeItems = computed(() => {
    const c = activeCell.value;
    return c ? items.value.filter((i) => i.cell.indicatorId === c.indicatorId && i.cell.region === c.region) : [];
  });
  const openElsewhere = computed(
    () => items.value.filter((i) => !i.confirmation && !activeItems.value.includes(i)).length,
  );

  watch(
    () => review.report.value,
    (now, before) => {
      if (!now || !before || now.period !== before.period) return;
      const known = new Set(before.items.map((i) => i.key));
      const fresh = items.value.filter((i) => !known.has(i.key) && !i.confirmation);
      for (const item of fresh.slice(0, 2)) {
        ElMessage({
          type: item.level === '错误' ? 'error' : 'warning',
          message: `审核${item.level}（${item.code}）：${item.indicatorName} ${item.message}。请改正，或在表格下方“说明并确认”。`,
          duration: 8000,
          grouping: true,
        });
      }
    },
  );

  return { items, marks, activeItems, openElsewhere };
}
