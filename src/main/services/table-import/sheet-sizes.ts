import { Unzip, UnzipInflate } from 'fflate';

/** How much of each worksheet part is inflated to find its declared size: the <dimension> comes first. */
const HEAD_BYTES = 64 * 1024;
/** workbook.xml and its relationships are small; anything larger is not looked into. */
const SMALL_PART_BYTES = 2 * 1024 * 1024;
const PUSH_BYTES = 16 * 1024;

function attr(tag: string, name: string): string | null {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;
}

/**
 * The rows each sheet declares (its <dimension ref="A1:C10000">), read from the first bytes of each
 * worksheet part without loading the workbook, so an oversized sheet is refused in milliseconds.
 * Sheets without a dimension are left out; null when the package cannot be read this way.
 */
export function declaredSheetRows(bytes: Buffer): { name: string; rows: number; hidden: boolean }[] | null {
  const heads = new Map<string, string>();
  let workbook = '';
  let rels = '';
  try {
    const unzip = new Unzip((file) => {
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(file.name);
      const isBook = file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels';
      if (!isSheet && !isBook) return;
      const limit = isSheet ? HEAD_BYTES : SMALL_PART_BYTES;
      let text = '';
      let size = 0;
      const decoder = new TextDecoder();
      file.ondata = (err, chunk, final) => {
        if (err) return;
        size += chunk.length;
        text += decoder.decode(chunk, { stream: !final });
        if (isSheet && (size >= limit || final || text.includes('<sheetData'))) {
          heads.set(file.name, text);
          if (!final) file.terminate();
        } else if (!isSheet && final) {
          if (file.name === 'xl/workbook.xml') workbook = text;
          else rels = text;
        } else if (!isSheet && size > limit) file.terminate();
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    // Pushed in small pieces: a terminated part then stops inflating at the next piece.
    for (let i = 0; i < bytes.length; i += PUSH_BYTES)
      unzip.push(bytes.subarray(i, i + PUSH_BYTES), i + PUSH_BYTES >= bytes.length);
  } catch {
    return null;
  }
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  const out: { name: string; rows: number; hidden: boolean }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const part = rid ? targets.get(rid) : undefined;
    const head = part ? heads.get(part) : undefined;
    const ref = head ? /<dimension\b[^>]*\bref="([^"]+)"/.exec(head)?.[1] : undefined;
    const rows = ref ? Number(/(\d+)$/.exec(ref)?.[1] ?? NaN) : NaN;
    if (name === null || !Number.isFinite(rows)) continue;
    const state = attr(m[0], 'state');
    out.push({
      name: name
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"'),
      rows,
      hidden: state === 'hidden' || state === 'veryHidden',
    });
  }
  return out;
}
