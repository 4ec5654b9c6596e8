import { useApi } from '../api/client';

export interface PrintRequest {
  mode: 'print' | 'pdf';
  period: string;
  /** PDF file name (desktop saves it into the workspace's exports/<period>/). */
  fileName: string;
  landscape: boolean;
}

/**
 * Prints what the page shows through its print CSS. The desktop app prints or saves a PDF from main; a
 * browser opens its own print dialog (where "另存为 PDF" is one of the printers).
 * Returns the saved PDF's place in the workspace, if any.
 */
export async function printView(request: PrintRequest): Promise<string | null> {
  const api = useApi();
  if (api.host !== 'electron') {
    window.print();
    return null;
  }
  const result = await api.call('app.print', request);
  return result.pdf?.relativePath ?? null;
}
