import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { RecentWorkspace, WorkspaceInfo } from '../../shared/api-types';
import { useApi } from '../api/client';
import { errorMessage } from '../shared/labels';

/**
 * Cache of the workspace main has open (main owns it). Every change goes through the api and the store
 * keeps main's answer; nothing here is decided in the renderer.
 */
export const useWorkspaceStore = defineStore('workspace', () => {
  const info = ref<WorkspaceInfo | null>(null);
  /** True once main has been asked at least once (so pages can tell "none open" from "not known yet"). */
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const recent = ref<RecentWorkspace[]>([]);
  const recentError = ref<string | null>(null);

  const isOpen = computed(() => info.value !== null);

  async function refresh(): Promise<void> {
    loading.value = true;
    try {
      info.value = await useApi().call('workspace.current', {});
      error.value = null;
    } catch (err) {
      error.value = errorMessage(err);
    } finally {
      loaded.value = true;
      loading.value = false;
    }
  }

  async function loadRecent(): Promise<void> {
    try {
      recent.value = await useApi().call('workspace.recent', {});
      recentError.value = null;
    } catch (err) {
      recentError.value = errorMessage(err);
    }
  }

  /** Runs an opening call; main's answer replaces the cache. Throws ApiError for the caller to show. */
  async function adopt(open: () => Promise<WorkspaceInfo | null>): Promise<WorkspaceInfo | null> {
    loading.value = true;
    try {
      const opened = await open();
      if (opened) {
        info.value = opened;
        error.value = null;
        loaded.value = true;
        void loadRecent();
      }
      return opened;
    } finally {
      loading.value = false;
    }
  }

  const api = () => useApi();
  const openRecent = (key: string) => adopt(() => api().call('workspace.openRecent', { key }));
  const openSample = () => adopt(() => api().call('workspace.openSample', {}));
  const chooseAndOpen = () => adopt(() => api().call('workspace.chooseAndOpen', {}));
  const create = (input: { name: string; city: string; systemIds: string[] }) =>
    adopt(() => api().call('workspace.create', { ...input, chooseFolder: false }));

  /** Takes over the lock shown in the read-only banner (the clerk has confirmed who held it). */
  const takeOver = (lockId: string) => adopt(() => api().call('workspace.takeOver', { lockId }));

  async function close(): Promise<void> {
    await useApi().call('workspace.close', {});
    info.value = null;
  }

  return {
    info,
    loaded,
    loading,
    error,
    recent,
    recentError,
    isOpen,
    refresh,
    loadRecent,
    openRecent,
    openSample,
    chooseAndOpen,
    create,
    takeOver,
    close,
  };
});
