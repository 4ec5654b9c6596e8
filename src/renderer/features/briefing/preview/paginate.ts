/**
 * Lays measured blocks onto pages of a fixed type-area height, the way Word flows the .docx: paragraphs break
 * between lines, tables between rows (the header repeats on the next page), headings stay with what follows,
 * and the 版记 sits at the foot of the last page (a page of its own when it no longer fits).
 */

export type Measure =
  /**
   * Drawn whole; `keepWithNext` moves it to the next page with the first line of the block after it; `breakBefore`
   * starts a new page (an attachment).
   */
  | { type: 'block'; height: number; keepWithNext?: boolean; breakBefore?: boolean }
  /** A paragraph: whole lines at a fixed pitch, after `spaceBefore`; `keepWithNext` as for blocks. */
  | { type: 'lines'; lines: number; pitch: number; spaceBefore: number; keepWithNext?: boolean }
  /**
   * A table: caption (title, subtitle), header rows, each body row, notes and legend. `keepWhole` (a short table)
   * moves it to the next page whole rather than splitting it; a long one never leaves a lone row on a page.
   */
  | { type: 'table'; caption: number; head: number; rows: number[]; notes: number; keepWhole?: boolean };

export type Slice =
  | { item: number; part: 'whole' }
  | { item: number; part: 'lines'; from: number; to: number; first: boolean }
  | { item: number; part: 'rows'; from: number; to: number; caption: boolean; notes: boolean }
  | { item: number; part: 'notes' };

/** Room a block needs at least to start on a page (its first line, its caption with header and first row…). */
function firstChunk(m: Measure | undefined): number {
  if (!m) return 0;
  if (m.type === 'block') return m.height;
  if (m.type === 'lines') return m.spaceBefore + (m.lines > 0 ? m.pitch : 0);
  if (m.keepWhole) return m.caption + m.head + m.rows.reduce((a, b) => a + b, 0) + m.notes;
  return m.caption + m.head + (m.rows[0] ?? m.notes) + (m.rows[1] ?? 0);
}

const EPSILON = 0.5;

export function paginate(measures: readonly Measure[], pageHeight: number): Slice[][] {
  const pages: Slice[][] = [[]];
  let used = 0;
  const page = () => pages[pages.length - 1]!;
  const fits = (h: number) => used + h <= pageHeight + EPSILON;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };

  measures.forEach((m, item) => {
    if (m.type === 'block') {
      if (m.breakBefore && page().length > 0) newPage();
      let need = m.height;
      if (m.keepWithNext) need += firstChunk(measures[item + 1]);
      if (!fits(need) && page().length > 0) newPage();
      page().push({ item, part: 'whole' });
      used += m.height;
      return;
    }
    if (m.type === 'lines') {
      if (m.lines <= 0) {
        page().push({ item, part: 'lines', from: 0, to: 0, first: true });
        used += m.spaceBefore;
        return;
      }
      const whole = m.spaceBefore + m.lines * m.pitch;
      if (m.keepWithNext && page().length > 0 && !fits(whole + firstChunk(measures[item + 1])) && whole <= pageHeight)
        newPage();
      let from = 0;
      let space = m.spaceBefore;
      while (from < m.lines) {
        let room = Math.floor((pageHeight - used - space + EPSILON) / m.pitch);
        if (room <= 0 && page().length > 0) {
          newPage();
          room = Math.floor((pageHeight - space + EPSILON) / m.pitch);
        }
        const take = Math.max(1, Math.min(room, m.lines - from));
        page().push({ item, part: 'lines', from, to: from + take, first: from === 0 });
        used += space + take * m.pitch;
        from += take;
        space = 0;
        if (from < m.lines) newPage();
      }
      return;
    }
    if (!fits(firstChunk(m)) && page().length > 0) newPage();
    let from = 0;
    let caption = true;
    used += m.caption + m.head;
    const n = m.rows.length;
    for (let r = 0; r < n;) {
      const h = m.rows[r] ?? 0;
      if (fits(h) || r === from) {
        used += h;
        r++;
        continue;
      }
      // Break before row r; one row earlier when only one would be left for the next page (no lone row there).
      const at = n - r === 1 && r - from >= 3 ? r - 1 : r;
      page().push({ item, part: 'rows', from, to: at, caption, notes: false });
      newPage();
      used += m.head;
      from = at;
      r = at;
      caption = false;
    }
    if (fits(m.notes) || m.notes === 0) {
      page().push({ item, part: 'rows', from, to: m.rows.length, caption, notes: true });
      used += m.notes;
    } else if (n - from >= 4) {
      // The notes go over with the last two rows, as the .docx keeps the last row with them.
      page().push({ item, part: 'rows', from, to: n - 2, caption, notes: false });
      newPage();
      page().push({ item, part: 'rows', from: n - 2, to: n, caption: false, notes: true });
      used += m.head + (m.rows[n - 2] ?? 0) + (m.rows[n - 1] ?? 0) + m.notes;
    } else {
      page().push({ item, part: 'rows', from, to: n, caption, notes: false });
      newPage();
      page().push({ item, part: 'notes' });
      used += m.notes;
    }
  });

  return pages.filter((p, i) => p.length > 0 || i === 0);
}
