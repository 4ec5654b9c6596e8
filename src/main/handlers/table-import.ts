import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { saveIntoFolder } from '../services/documents/save-files';
import { decodeUploads } from '../services/import';
import { summarize } from '../services/systems/templates-service';
import { applyFiguresTable, previewFiguresTable } from '../services/table-import/figures-import';
import type { TableSource } from '../services/table-import/read-grid';
import { exportFileName, exportSystemWorkbook } from '../services/table-import/system-export';
import { applySystemTable, previewSystemTable } from '../services/table-import/system-import';

type SystemTableHandlers = Pick<Handlers, 'systems.importPreview' | 'systems.importApply' | 'systems.exportXlsx'>;
type FigureTableHandlers = Pick<Handlers, 'figures.importPreview' | 'figures.importApply'>;

type SourceInput = { kind: 'file'; name: string; base64: string } | { kind: 'text'; text: string };

/** The renderer sends bytes as base64 (never paths); an oversized file arrives as its size only. */
function tableSource(source: SourceInput): TableSource {
  if (source.kind === 'text') return source;
  const [file] = decodeUploads([{ name: source.name, base64: source.base64 }]);
  if (!file) throw new AppError('BAD_INPUT', '没有收到文件。');
  return { kind: 'file', ...file };
}

/** 从表格新建 and 导出为 Excel: part of the systems namespace (systems.ts). */
export function systemTableHandlers({ session, templates, downloads, dialogs }: Services): SystemTableHandlers {
  return {
    'systems.importPreview': async ({ source, options }) =>
      previewSystemTable(
        session.require(),
        { source: tableSource(source), options },
        { registries: await templates.registries(), now: new Date() },
      ),
    'systems.importApply': async ({ source, options }) => {
      const { system } = await applySystemTable(
        session.require(),
        { source: tableSource(source), options },
        { registries: await templates.registries(), now: new Date() },
      );
      return { system: summarize(system) };
    },
    'systems.exportXlsx': async ({ id }) => {
      const ws = session.require();
      const system = ws.system(id);
      const buffer = await exportSystemWorkbook(system);
      const fileName = exportFileName(system);
      const folder = join(ws.dir, 'exports', 'systems');
      await mkdir(folder, { recursive: true });
      const [path] = await saveIntoFolder(folder, [{ fileName, buffer }]);
      const file = { name: fileName, relativePath: relative(ws.dir, path ?? folder), bytes: buffer.length };
      // The browser host cannot open the workspace folder: it offers the file for download as well.
      if (dialogs) return file;
      const download = downloads.put({ fileName, contentType: XLSX_CONTENT_TYPE, body: buffer });
      return { ...file, downloadId: download.id };
    },
  };
}

/** 导入历史数据: part of the figures namespace (figures.ts). */
export function figureTableHandlers({ session, templates }: Services): FigureTableHandlers {
  return {
    'figures.importPreview': async ({ source, options }) =>
      previewFiguresTable(session.require(), { source: tableSource(source), options }, await templates.registries()),
    'figures.importApply': async ({ source, options, digest, basis }, ctx) => {
      const result = await applyFiguresTable(
        session.require(),
        { source: tableSource(source), options },
        { digest, basis },
        await templates.registries(),
      );
      for (const p of result.periods) ctx.emit('figures.changed', { period: p.period, revision: p.revision });
      return result;
    },
  };
}
