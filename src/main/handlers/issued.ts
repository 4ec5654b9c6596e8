import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { DOCX_CONTENT_TYPE, XLSX_CONTENT_TYPE } from '../services/downloads/download-store';
import { issuedPath, listIssued, readIssuedFile } from '../services/register/register-files';
import { issuedOf, readRegister } from '../services/register/register-store';

export function issuedHandlers({ session, downloads, dialogs }: Services): NamespaceHandlers<'issued'> {
  return {
    'issued.list': () => listIssued(session.require()),
    'issued.status': async ({ period, kind }) => {
      const found = issuedOf(await readRegister(session.require()), period, kind);
      return found ? { original: found.original, current: found.current, corrections: found.corrections.length } : null;
    },
    'issued.download': async ({ id, name }) => {
      const ws = session.require();
      const { file, bytes } = await readIssuedFile(ws, id, name);
      if (dialogs) {
        const path = issuedPath(ws, file);
        dialogs.revealInFolder(path);
        return { path };
      }
      const contentType =
        file.role === 'docx' ? DOCX_CONTENT_TYPE : file.role === 'xlsx' ? XLSX_CONTENT_TYPE : 'application/json';
      return { downloadId: downloads.put({ fileName: file.name, contentType, body: bytes }).id };
    },
  };
}
