import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { IndicatorPatch } from '../../shared/schemas/indicator-patch';
import type { CallInput } from '../../shared/contract';
import type { IndicatorSystem } from '../../shared/schemas/indicator-system';
import type { RegionEdit } from '../../shared/schemas/region-edit';
import type { SystemEditInput } from '../../shared/schemas/system-edit';
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

  function keep(system: IndicatorSystem): IndicatorSystem {
    cache.value = new Map(cache.value).set(key('workspace', system.id), system);
    return system;
  }

  /** One edit of a workspace system; main's validated result replaces the cache. */
  async function edit(systemId: string, change: SystemEditInput) {
    syncOwner();
    const result = await useApi().call('systems.edit', { systemId, edit: change });
    keep(result.system);
    return result;
  }

  async function restore(systemId: string, historyFile: string): Promise<IndicatorSystem> {
    syncOwner();
    return keep(await useApi().call('systems.restore', { systemId, historyFile }));
  }

  /** 新建下一年度 and 添加体系 change the workspace's list of systems: main's new info replaces the workspace cache. */
  async function rollover(systemId: string, toYear: string): Promise<IndicatorSystem> {
    syncOwner();
    const { system, info } = await useApi().call('systems.rollover', { systemId, toYear });
    useWorkspaceStore().info = info;
    return keep(system);
  }

  async function add(input: CallInput<'systems.add'>) {
    syncOwner();
    const result = await useApi().call('systems.add', input);
    useWorkspaceStore().info = result.info;
    keep(result.system);
    return result;
  }

  /** District changes rename or reorder them in every system: the cached copies are dropped. */
  async function editRegions(change: RegionEdit): Promise<void> {
    syncOwner();
    const info = await useApi().call('regions.edit', { edit: change });
    useWorkspaceStore().info = info;
    cache.value = new Map();
  }

  return { get, updateIndicator, edit, restore, rollover, add, editRegions };
});
