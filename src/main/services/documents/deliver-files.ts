import { readFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import type { ExportResult } from '../../../shared/api-types';
import type { FormsGenerateResult } from '../../../shared/import-types';
import {
  DOCX_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  ZIP_CONTENT_TYPE,
  type DownloadStore,
} from '../downloads/download-store';
import { saveIntoFolder } from './save-files';
import type { FillForm } from './xlsx-forms/generate-fill-forms';

/**
 * How generated files reach the clerk: the desktop app writes them into a folder on this PC; the browser
 * host cannot, so it keeps them in the download store and hands out /downloads/<id> links instead.
 */

type FormsHeader = Pick<FormsGenerateResult, 'period' | 'periodTitle' | 'sample'>;

/** Desktop: the fill-in workbooks written into the folder the clerk chose (never over an existing file). */
export async function formsIntoFolder(
  header: FormsHeader,
  forms: FillForm[],
  folder: string,
): Promise<FormsGenerateResult> {
  const paths = await saveIntoFolder(folder, forms);
  return {
    ...header,
    folder,
    files: forms.map((f, i) => ({ region: f.region, fileName: f.fileName, rows: f.rows, path: paths[i] ?? '' })),
  };
}

/** Browser host: the fill-in workbooks offered as downloads, one by one and, for two or more, as one .zip. */
export function formsForDownload(header: FormsHeader, forms: FillForm[], store: DownloadStore): FormsGenerateResult {
  const result: FormsGenerateResult = { ...header, files: [] };
  if (forms.length > 1) {
    // .xlsx files are already deflated: store them (level 0) so the zip is made in milliseconds.
    const body = Buffer.from(zipSync(Object.fromEntries(forms.map((f) => [f.fileName, [f.buffer, { level: 0 }]]))));
    const fileName = `${header.periodTitle}填报表（${forms.length}份）${header.sample ? '（示例数据）' : ''}.zip`;
    const { id } = store.put({ fileName, contentType: ZIP_CONTENT_TYPE, body });
    result.zip = { fileName, downloadId: id, downloadUrl: `/downloads/${id}` };
  }
  for (const f of forms) {
    const { id, expiresAt } = store.put({ fileName: f.fileName, contentType: XLSX_CONTENT_TYPE, body: f.buffer });
    result.expiresAt = expiresAt;
    result.files.push({
      region: f.region,
      fileName: f.fileName,
      rows: f.rows,
      downloadId: id,
      downloadUrl: `/downloads/${id}`,
    });
  }
  return result;
}

/** Browser host: exported documents (already written into the workspace) offered as downloads too. */
export async function exportsForDownload(
  files: ExportResult['files'],
  absolutePaths: readonly string[],
  store: DownloadStore,
): Promise<ExportResult['files']> {
  return Promise.all(
    files.map(async (f, i) => {
      const { id } = store.put({
        fileName: f.name,
        contentType: f.name.endsWith('.docx') ? DOCX_CONTENT_TYPE : XLSX_CONTENT_TYPE,
        body: await readFile(absolutePaths[i] ?? ''),
      });
      return { ...f, downloadId: id };
    }),
  );
}
