/**
 * Clipboard blocks as Excel and WPS write them: cells separated by tabs, rows by CRLF (or LF, or CR),
 * usually a trailing line break, and cells that contain a tab, a line break or a quote wrapped in double
 * quotes with inner quotes doubled. Parsing is lenient: a quote that does not close a quoted cell is kept
 * as text, so a stray " in a cell never swallows the rest of the block.
 */

/** Parses a pasted block into rows of cell texts (rectangular: short rows are padded with ''). */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  // An empty clipboard is no block at all; a single empty cell is still one cell.
  if (n === 0) return [];
  while (i <= n) {
    let cell: string;
    const quoted = text[i] === '"' ? readQuoted(text, i) : null;
    if (quoted) {
      cell = quoted.value;
      i = quoted.end;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const sep = text[i];
    if (sep === '\t') {
      i++;
      continue;
    }
    // A line break: CRLF, LF or a lone CR (old Mac clipboards).
    i += sep === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break; // the trailing line break Excel always adds
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

/** A quoted cell starting at `start`, or null when the quote does not close right before a separator. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, end: i + 1 };
      return null;
    }
    value += c;
    i++;
  }
  return null;
}

/** Formats a block for the clipboard the way Excel does (CRLF rows, quoting only where needed). */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + '\r\n';
}

function quoteCell(text: string): string {
  return /["\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
