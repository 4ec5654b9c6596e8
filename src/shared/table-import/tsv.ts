import { PASTED_SHEET, type Grid, type GridCell } from './grid';

/** Pasted tables larger than this are not tables of targets or figures a clerk copies by hand. */
export const MAX_PASTE_CHARS = 2_000_000;

/**
 * Splits text copied from Excel, WPS or a Word table into rows of cells. Cells are separated by tabs and
 * rows by line breaks; a cell that itself holds a line break, a tab or a quote arrives in double quotes
 * with inner quotes doubled (Excel's and WPS's clipboard format).
 */
export function splitTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const t = text.replace(/\r\n?/g, '\n');
  while (i < t.length) {
    const ch = t[i] ?? '';
    if (atCellStart && ch === '"') {
      const end = quotedEnd(t, i);
      if (end !== null) {
        cell = t.slice(i + 1, end).replace(/""/g, '"');
        i = end + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Index of the quote closing a quoted cell that starts at `start`, when it is followed by a separator. */
function quotedEnd(t: string, start: number): number | null {
  let i = start + 1;
  while (i < t.length) {
    if (t[i] === '"') {
      if (t[i + 1] === '"') {
        i += 2;
        continue;
      }
      const next = t[i + 1];
      return next === undefined || next === '\t' || next === '\n' ? i : null;
    }
    i++;
  }
  return null;
}

/** A grid of pasted text: every cell is text (numbers are read later, as typed), no merges, nothing hidden. */
export function gridFromTsv(text: string): Grid {
  const rows = splitTsv(text);
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c.trim() === '')) rows.pop();
  const colCount = rows.reduce((n, r) => Math.max(n, r.length), 0);
  const cells = rows.map((r) =>
    r.map((c): GridCell | undefined => {
      const textValue = c.trim();
      return textValue === '' ? undefined : { text: textValue };
    }),
  );
  return {
    name: PASTED_SHEET,
    source: 'paste',
    cells,
    rowCount: rows.length,
    colCount,
    merges: [],
    hiddenRows: [],
    hiddenCols: [],
    totalRows: rows.length,
  };
}
