import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo } from '../../shared/api-types';
import { useApi } from '../api/client';

/** Cache of what main says about itself; main owns the state. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null);
  const error = ref<string | null>(null);

  async function loadInfo(): Promise<void> {
    try {
      info.value = await useApi().call('app.info', {});
      error.value = info.value.templateProblems.length
        ? `模板文件有问题：${info.value.templateProblems.join('；')}`
        : null;
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err);
    }
  }

  return { info, error, loadInfo };
});
