import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { updateIndicator } from '../services/systems/system-editor';
import { XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { summarize } from '../services/systems/templates-service';
import { saveSystemExport } from '../services/table-import/system-export';
import { applySystemTable, previewSystemTable } from '../services/table-import/system-import';
import { decodeTableSource } from '../services/table-import/uploads';

export function systemsHandlers(services: Services): NamespaceHandlers<'systems'> {
  const { session, templates } = services;
  return {
    'systems.get': ({ id }) => session.require().system(id),
    'systems.updateIndicator': async ({ systemId, indicatorId, patch }) =>
      updateIndicator(session.require(), await templates.registries(), systemId, indicatorId, patch),
    'systems.importPreview': async ({ source, options }) =>
      previewSystemTable(
        session.require(),
        { source: decodeTableSource(source), options },
        { registries: await templates.registries(), now: new Date() },
      ),
    'systems.importApply': async ({ source, options }) => {
      const { system } = await applySystemTable(
        session.require(),
        { source: decodeTableSource(source), options },
        { registries: await templates.registries(), now: new Date() },
      );
      return { system: summarize(system) };
    },
    'systems.exportXlsx': async ({ id }) => {
      const saved = await saveSystemExport(session.require(), id);
      const file = { name: saved.name, relativePath: saved.relativePath, bytes: saved.buffer.length };
      // The browser host cannot open the workspace folder: it offers the file for download as well.
      if (services.dialogs) return file;
      const download = services.downloads.put({
        fileName: saved.name,
        contentType: XLSX_CONTENT_TYPE,
        body: saved.buffer,
      });
      return { ...file, downloadId: download.id };
    },
  };
}
