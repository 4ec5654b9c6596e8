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

  /** 设置 → 我的姓名: main keeps it for this PC's user; throws main's message when refused. */
  async function setUserName(name: string): Promise<void> {
    info.value = await useApi().call('app.setUserName', { name });
  }

  return { info, error, loadInfo, setUserName };
});
