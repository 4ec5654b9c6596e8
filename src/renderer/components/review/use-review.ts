import { ElMessage } from 'element-plus';
import { onBeforeUnmount, ref, shallowRef } from 'vue';
import type { ReviewItem, ReviewReport } from '../../../shared/api-types';
import { useApi } from '../../api/client';
import { errorMessage } from '../../shared/labels';

/**
 * The 审核 of one period as pages show it: loaded from main, reloaded when figures change anywhere, and
 * the two things a clerk does about a finding (confirm with a 说明, take the computed value).
 */
export function useReview() {
  const api = useApi();
  const report = shallowRef<ReviewReport | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const confirming = ref<ReviewItem | null>(null);
  const busy = ref(false);
  let period = '';
  let seq = 0;

  async function load(forPeriod = period): Promise<ReviewReport | null> {
    period = forPeriod;
    if (!period) return null;
    const my = ++seq;
    loading.value = true;
    try {
      const r = await api.call('review.run', { period });
      if (my !== seq) return null;
      report.value = r;
      error.value = null;
      return r;
    } catch (err) {
      if (my === seq) error.value = errorMessage(err);
      return null;
    } finally {
      if (my === seq) loading.value = false;
    }
  }

  async function confirm(note: string): Promise<void> {
    const item = confirming.value;
    if (!item) return;
    busy.value = true;
    try {
      report.value = await api.call('review.confirm', { period, key: item.key, note });
      confirming.value = null;
      ElMessage.success('已确认，说明已与这个数一起保存');
    } catch (err) {
      ElMessage.error({ message: errorMessage(err), duration: 8000 });
    } finally {
      busy.value = false;
    }
  }

  async function fix(item: ReviewItem): Promise<void> {
    busy.value = true;
    try {
      report.value = await api.call('review.fix', { period, key: item.key });
      ElMessage.success(`已写入 ${item.cell.region}“${item.indicatorName}”：${item.fix?.label ?? ''}`);
    } catch (err) {
      ElMessage.error({ message: errorMessage(err), duration: 8000 });
    } finally {
      busy.value = false;
    }
  }

  const off = api.on('figures.changed', () => void load());
  onBeforeUnmount(off);

  return { report, loading, error, confirming, busy, load, confirm, fix };
}
