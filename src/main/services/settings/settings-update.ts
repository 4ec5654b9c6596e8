import { withoutUndefined } from '../../../shared/objects';
import type { SettingsPatch } from '../../../shared/schemas/settings-patch';
import type { WorkspaceFile, WorkspaceFileInput } from '../../../shared/schemas/workspace';
import type { Workspace } from '../storage/workspace';

/** The settings with a patch from the 设置 page laid over them; fields the patch leaves out keep their value. */
export function applySettingsPatch(current: WorkspaceFile, patch: SettingsPatch): WorkspaceFileInput {
  const documents = patch.documents ?? {};
  return {
    ...current,
    ...withoutUndefined({ name: patch.name }),
    documents: {
      ...current.documents,
      ...withoutUndefined(documents),
      fonts: { ...current.documents.fonts, ...withoutUndefined(documents.fonts ?? {}) },
    },
    ranking: { ...current.ranking, ...withoutUndefined(patch.ranking ?? {}) },
  };
}

/** The audit line of a settings change: which fields it touched. */
export function settingsChangeSummary(patch: SettingsPatch): string {
  const fields = [
    ...Object.keys(patch.documents ?? {}),
    ...Object.keys(patch.ranking ?? {}),
    ...(patch.name ? ['name'] : []),
  ];
  return `修改设置：${fields.join('、')}`;
}

/** Saves a settings patch (validated again as a whole file by the workspace) and returns the new settings. */
export function updateSettings(ws: Workspace, patch: SettingsPatch): Promise<WorkspaceFile> {
  return ws.updateSettings((current) => applySettingsPatch(current, patch), settingsChangeSummary(patch));
}
