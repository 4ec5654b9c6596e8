import type { CellStatus, TableBlock, TableCell } from '../../../shared/report/model';

/**
 * How a cell status shows on screen, as in the .xlsx: a light fill plus a second cue that survives a
 * black-and-white printer (▲/▼ after the number, bold for the first rank, italic for the last).
 */
export interface StatusLook {
  className: string;
  /** Printed after the number. */
  mark?: string;
  /** What the legend's sample shows. */
  sample: string;
  /** Legend text when the table's legend does not name a status its cells use. */
  defaultLabel: string;
}

export const STATUS_LOOKS: Partial<Record<CellStatus, StatusLook>> = {
  ahead: { className: 'st-ahead', mark: '▲', sample: '▲', defaultLabel: '超序时进度' },
  behind: { className: 'st-behind', mark: '▼', sample: '▼', defaultLabel: '落后序时进度' },
  top: { className: 'st-top', sample: '粗体', defaultLabel: '位次第一' },
  bottom: { className: 'st-bottom', sample: '斜体', defaultLabel: '位次末位' },
};

/** The legend of a table: its own entries, plus a plain label for any marked status it leaves out. */
export function legendEntries(
  table: Pick<TableBlock, 'legend' | 'rows'>,
): { status: CellStatus; label: string; look: StatusLook }[] {
  const out = table.legend.flatMap((l) => {
    const look = STATUS_LOOKS[l.status];
    return look ? [{ status: l.status, label: l.label, look }] : [];
  });
  const seen = new Set(out.map((e) => e.status));
  for (const row of table.rows) {
    for (const cell of row.cells) {
      const look = cell.status ? STATUS_LOOKS[cell.status] : undefined;
      if (cell.status && look && !seen.has(cell.status)) {
        seen.add(cell.status);
        out.push({ status: cell.status, label: look.defaultLabel, look });
      }
    }
  }
  return out;
}

/** The mark printed after a cell's number on screen ("▲"), or none. */
export function cellMark(cell: TableCell): string {
  return cell.status ? (STATUS_LOOKS[cell.status]?.mark ?? '') : '';
}
