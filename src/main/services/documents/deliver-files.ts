import { readFile } from 'node:fs/promises';
import type { ExportResult } from '../../../shared/api-types';
import type { FormsGenerateResult } from '../../../shared/import-types';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE, type DownloadStore } from '../downloads/download-store';
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

/** Browser host: the fill-in workbooks offered as downloads. */
export function formsForDownload(header: FormsHeader, forms: FillForm[], store: DownloadStore): FormsGenerateResult {
  const result: FormsGenerateResult = { ...header, files: [] };
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
