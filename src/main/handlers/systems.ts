import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { summarize } from '../services/systems/templates-service';
import { saveSystemExport } from '../services/table-import/system-export';
import { applySystemTable, previewSystemTable } from '../services/table-import/system-import';
import { decodeTableSource } from '../services/table-import/uploads';
import { editSystem, updateIndicator } from '../services/systems/system-editor';
import {
  addSystemToWorkspace,
  restoreSystemVersion,
  rolloverWorkspaceSystem,
  systemHistory,
} from '../services/systems/workspace-systems';

export function systemsHandlers({ session, templates, dialogs, downloads }: Services): NamespaceHandlers<'systems'> {
  const registries = () => templates.registries();
  return {
    'systems.get': ({ id }) => session.require().system(id),
    'systems.updateIndicator': async ({ systemId, indicatorId, patch }) =>
      updateIndicator(session.require(), await registries(), systemId, indicatorId, patch),
    'systems.edit': async ({ systemId, edit }) => {
      const { system, summary, changes, archived } = await editSystem(
        session.require(),
        await registries(),
        systemId,
        edit,
      );
      return { system, summary, changes, ...(archived ? { archived } : {}) };
    },
    'systems.history': ({ systemId }) => systemHistory(session.require(), systemId),
    'systems.restore': async ({ systemId, historyFile }) =>
      restoreSystemVersion(session.require(), await registries(), systemId, historyFile),
    'systems.rollover': async ({ systemId, toYear }) => {
      const ws = session.require();
      const system = await rolloverWorkspaceSystem(ws, await registries(), systemId, toYear);
      return { system, info: await ws.info() };
    },
    'systems.add': async (input) => {
      const ws = session.require();
      const source =
        'templateId' in input
          ? { template: await templates.get(input.templateId) }
          : { fileName: input.file.name, text: input.file.text };
      const added = await addSystemToWorkspace(ws, await registries(), source);
      return { ...added, info: await ws.info() };
    },
    'systems.importPreview': async ({ source, options }) =>
      previewSystemTable(
        session.require(),
        { source: decodeTableSource(source), options },
        { registries: await registries(), now: new Date() },
      ),
    'systems.importApply': async ({ source, options }) => {
      const { system } = await applySystemTable(
        session.require(),
        { source: decodeTableSource(source), options },
        { registries: await registries(), now: new Date() },
      );
      return { system: summarize(system) };
    },
    'systems.exportXlsx': async ({ id }) => {
      const saved = await saveSystemExport(session.require(), id);
      const file = { name: saved.name, relativePath: saved.relativePath, bytes: saved.buffer.length };
      // The browser host cannot open the workspace folder: it offers the file for download as well.
      if (dialogs) return file;
      const download = downloads.put({ fileName: saved.name, contentType: XLSX_CONTENT_TYPE, body: saved.buffer });
      return { ...file, downloadId: download.id };
    },
  };
}
