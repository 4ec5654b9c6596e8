import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { IndicatorPatch } from '../../shared/schemas/indicator-patch';
import type { IndicatorSystem } from '../../shared/schemas/indicator-system';
import { useApi } from '../api/client';
import { useWorkspaceStore } from './workspace';

/**
 * Cache of indicator systems: the open workspace's own copies, or the shipped templates when no
 * workspace is open. Main owns both; an edit returns main's validated system, which replaces the cache.
 */
export const useSystemsStore = defineStore('systems', () => {
  const cache = shallowRef(new Map<string, IndicatorSystem>());
  /** Which workspace the cached copies belong to ('' = the templates). */
  let owner = '';

  function key(source: 'workspace' | 'templates', id: string): string {
    return `${source}:${id}`;
  }

  /** Forgets cached copies when another workspace (or none) is open: two workspaces may hold the same system id. */
  function syncOwner(): void {
    const next = useWorkspaceStore().info?.id ?? '';
    if (next === owner) return;
    owner = next;
    cache.value = new Map();
  }

  async function get(id: string, source: 'workspace' | 'templates'): Promise<IndicatorSystem> {
    syncOwner();
    const hit = cache.value.get(key(source, id));
    if (hit) return hit;
    const system =
      source === 'workspace'
        ? await useApi().call('systems.get', { id })
        : await useApi().call('templates.get', { id });
    cache.value = new Map(cache.value).set(key(source, id), system);
    return system;
  }

  async function updateIndicator(
    systemId: string,
    indicatorId: string,
    patch: IndicatorPatch,
  ): Promise<IndicatorSystem> {
    syncOwner();
    const system = await useApi().call('systems.updateIndicator', { systemId, indicatorId, patch });
    cache.value = new Map(cache.value).set(key('workspace', systemId), system);
    return system;
  }

  return { get, updateIndicator };
});
