import { cellAddress, cellLabel, columnLetter, type GridView } from './grid';
import type { ColumnRole, TableReadOptions } from './schemas';
import type { ColumnMapping, TableMessage } from './types';
import {
  guessHeader,
  matchRegion,
  PROVINCE,
  singleYear,
  squash,
  type HeaderGuess,
  type RegionDirectory,
} from './vocabulary';

/** Header rows are looked for among the first rows only: a title, a note line or two, then the header. */
const HEADER_SEARCH_ROWS = 30;
const MAX_HEADER_DEPTH = 3;

export interface HeaderBlock {
  first: number;
  last: number;
  /** The header texts of each column, top row first, repeated texts of a merged cell once. */
  parts: string[][];
  title: string;
  titleRow?: number;
}

function hits(view: GridView, row: number, dir: RegionDirectory): number {
  let n = 0;
  for (const { text } of view.rowTexts(row)) if (guessHeader(text) !== null || matchRegion(text, dir) !== null) n++;
  return n;
}

function looksNumeric(text: string): boolean {
  return /^[-+]?[\d.,，]+%?$/.test(squash(text));
}

/** A row below the header's first row that still belongs to the header (district names under "2026年目标"). */
function continuesHeader(view: GridView, first: number, row: number, dir: RegionDirectory): boolean {
  if (row > view.rowCount || view.isBlankRow(row)) return false;
  const texts = view.rowTexts(row).filter(({ col }) => !view.isMergedSlave(row, col));
  if (texts.some(({ col, text }) => view.own(row, col)?.number !== undefined || looksNumeric(text))) return false;
  if (texts.some(({ text }) => guessHeader(text) !== null || matchRegion(text, dir) !== null)) return true;
  return texts.some(({ col }) => {
    const m = view.mergeAt(first, col);
    return m !== undefined && m.right > m.left;
  });
}

function titleAbove(view: GridView, first: number): { text: string; row?: number } {
  let best: { text: string; row: number } | undefined;
  for (let r = 1; r < first; r++) {
    for (const { text } of view.rowTexts(r)) {
      const t = text.replace(/\s+/g, '');
      if (/^附件?[\d一二三四五六七八九十]*[:：.、]?$/.test(t) || /^(单位|填报单位|制表)[:：]/.test(t)) continue;
      if (!best || t.length > best.text.length) best = { text: t, row: r };
    }
  }
  return best ?? { text: '' };
}

/** Finds the header: the row (among the first ones) naming the most known columns, and rows continuing it. */
export function findHeader(view: GridView, dir: RegionDirectory, headerRow?: number): HeaderBlock | null {
  let first = headerRow ?? 0;
  if (!headerRow) {
    let best = 1;
    for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, view.rowCount); r++) {
      const n = hits(view, r, dir);
      if (n > best) {
        best = n;
        first = r;
      }
    }
    if (first === 0) return null;
  }
  // The best row may be the lower row of a two-row header (district names under "2026年目标").
  while (
    !headerRow &&
    first > 1 &&
    hits(view, first - 1, dir) >= 1 &&
    !view
      .rowTexts(first - 1)
      .some(({ col, text }) => view.own(first - 1, col)?.number !== undefined || looksNumeric(text))
  )
    first--;
  let last = first;
  while (last - first + 1 < MAX_HEADER_DEPTH && continuesHeader(view, first, last + 1, dir)) last++;
  const parts: string[][] = [];
  for (let c = 1; c <= view.colCount; c++) {
    const col: string[] = [];
    for (let r = first; r <= last; r++) {
      let t = view.text(r, c);
      if (t === '' && r < last) t = groupHeaderLeft(view, r, c, last);
      const s = t.replace(/\s+/g, '');
      if (s !== '' && col[col.length - 1] !== s) col.push(s);
    }
    parts.push(col);
  }
  const title = titleAbove(view, first);
  return { first, last, parts, title: title.text, ...(title.row ? { titleRow: title.row } : {}) };
}

/**
 * Pasted text has no merges: a group header ("2026年目标") stands in its first column and the columns
 * after it are blank above their district names. Such a blank takes the group's text.
 */
function groupHeaderLeft(view: GridView, row: number, col: number, last: number): string {
  if (view.text(last, col) === '') return '';
  for (let c = col - 1; c >= 1; c--) {
    if (view.text(last, c) === '') return '';
    const t = view.text(row, c);
    if (t !== '') return t;
  }
  return '';
}

export interface ColumnsRead {
  columns: ColumnMapping[];
  year: string;
  yearReason: string;
  /** Whether some column takes the table's year (its header names none). */
  yearUsed: boolean;
  messages: TableMessage[];
}

type Resolved = { role: ColumnRole; reason: string };

function describe(parts: string[]): string {
  return parts.join(' / ');
}

function guessOf(parts: string[], dir: RegionDirectory): HeaderGuess | null {
  for (const p of parts) {
    const region = matchRegion(p, dir);
    if (region !== null) {
      const year = parts.map((q) => singleYear(q)).find((y) => y !== null);
      return { role: 'regionTarget', region, ...(year ? { year } : {}) };
    }
  }
  const joined = guessHeader(parts.join(''));
  if (joined) return joined;
  for (let i = parts.length - 1; i >= 0; i--) {
    const g = guessHeader(parts[i] ?? '');
    if (g) return g;
  }
  return null;
}

const SINGLE_ROLES = new Set([
  'id',
  'seq',
  'category',
  'name',
  'unit',
  'responsible',
  'growth',
  'nature',
  'notes',
  'kind',
  'direction',
  'decimals',
  'frequency',
  'ytd',
  'rankBy',
  'citySum',
]);

function roleKey(role: ColumnRole): string | null {
  if (SINGLE_ROLES.has(role.role)) return role.role;
  if (role.role === 'target' || role.role === 'base') return `${role.role}:${role.year}`;
  if (role.role === 'regionTarget') return `region:${role.region}:${role.year}`;
  if (role.role === 'milestone') return `milestone:${role.period}:${role.year}`;
  return null;
}

/** Share of a column's data cells that hold text which is not a number: a name column is mostly text. */
function textShare(view: GridView, col: number, fromRow: number): number {
  let text = 0;
  let filled = 0;
  for (let r = fromRow; r <= Math.min(view.rowCount, fromRow + 200); r++) {
    const cell = view.own(r, col);
    if (!cell || cell.text === '') continue;
    filled++;
    if (cell.number === undefined && !looksNumeric(cell.text) && cell.text.length >= 3) text++;
  }
  return filled === 0 ? 0 : text / filled;
}

/**
 * What each column holds: from its header, the table's title and the clerk's choices. Target columns
 * without a year get the year of the title, the clerk's, or the fallback (said so in a warning).
 */
export function mapColumns(
  view: GridView,
  header: HeaderBlock,
  dir: RegionDirectory,
  options: TableReadOptions,
  fallbackYear: string,
): ColumnsRead {
  const messages: TableMessage[] = [];
  const sheet = view.name;
  const titleYear = header.title ? singleYear(header.title) : null;
  let year: string;
  let yearReason: string;
  if (options.year) {
    year = options.year;
    yearReason = '由您指定';
  } else if (titleYear) {
    year = titleYear;
    yearReason = `取自表名“${header.title}”`;
  } else {
    year = fallbackYear;
    yearReason = `表名和表头都没有写年份，按 ${fallbackYear} 年读取`;
  }
  const guesses = header.parts.map((parts) => (parts.length ? guessOf(parts, dir) : null));
  const saidTargetYears = guesses
    .filter((g): g is Extract<HeaderGuess, { role: 'target' }> => g?.role === 'target' && g.saysTarget && !!g.year)
    .map((g) => g.year ?? '');
  const firstTargetYear = saidTargetYears.sort()[0];
  let yearUsed = false;

  const resolved: Resolved[] = guesses.map((g, i) => {
    const text = describe(header.parts[i] ?? []);
    const col = i + 1;
    if (view.isHiddenCol(col)) return { role: { role: 'ignore' }, reason: '隐藏列，不导入' };
    if (!g) return { role: { role: 'ignore' }, reason: text ? `表头“${text}”未识别，不导入` : '表头为空' };
    const quote = `表头“${text}”`;
    switch (g.role) {
      case 'target': {
        if (!g.year) {
          yearUsed = true;
          return { role: { role: 'target', year }, reason: `${quote}，年份${yearReason}` };
        }
        if (!g.saysTarget && firstTargetYear !== undefined && g.year < firstTargetYear)
          return {
            role: { role: 'base', year: g.year },
            reason: `${quote}早于目标年份 ${firstTargetYear}，按基期值读取`,
          };
        return { role: { role: 'target', year: g.year }, reason: quote };
      }
      case 'regionTarget': {
        if (g.region === PROVINCE) return { role: { role: 'ignore' }, reason: `${quote}是全省数，目标表不导入` };
        if (!g.year) {
          yearUsed = true;
          return { role: { role: 'regionTarget', region: g.region, year }, reason: `${quote}，年份${yearReason}` };
        }
        return { role: { role: 'regionTarget', region: g.region, year: g.year }, reason: quote };
      }
      case 'milestone': {
        if (!g.year) {
          yearUsed = true;
          return { role: { role: 'milestone', period: g.period, year }, reason: `${quote}，年份${yearReason}` };
        }
        return { role: { role: 'milestone', period: g.period, year: g.year }, reason: quote };
      }
      default:
        return { role: g, reason: quote };
    }
  });

  if (!resolved.some((r) => r.role.role === 'name') && !options.columns) {
    const dataFrom = header.last + 1;
    for (let i = 0; i < resolved.length; i++) {
      const r = resolved[i];
      if (r?.role.role !== 'ignore' || view.isHiddenCol(i + 1)) continue;
      if (textShare(view, i + 1, dataFrom) >= 0.6) {
        const text = describe(header.parts[i] ?? []);
        resolved[i] = {
          role: { role: 'name' },
          reason: text ? `表头“${text}”未识别，按内容判断为指标名称列` : '表头为空，按内容判断为指标名称列',
        };
        messages.push({
          severity: 'warning',
          cell: cellAddress(header.first, i + 1),
          text: `${cellLabel(sheet, cellAddress(header.first, i + 1))}：表头${text ? `“${text}”` : '为空'}，按内容把 ${columnLetter(i + 1)} 列当作指标名称列，请核对`,
        });
        break;
      }
    }
  }

  const seen = new Map<string, number>();
  const columns: ColumnMapping[] = resolved.map((r, i) => {
    const col = i + 1;
    const letter = columnLetter(col);
    const chosen = options.columns?.[letter];
    const header_ = describe(header.parts[i] ?? []);
    if (chosen) return { col, letter, header: header_, role: chosen, reason: '由您指定', chosen: true };
    const key = roleKey(r.role);
    if (key !== null) {
      const before = seen.get(key);
      if (before !== undefined) {
        messages.push({
          severity: 'warning',
          cell: cellAddress(header.first, col),
          text: `${cellLabel(sheet, cellAddress(header.first, col))}：“${header_}”与 ${columnLetter(before)} 列含义相同，只读取 ${columnLetter(before)} 列；如要读取本列，请在“列的含义”中调整`,
        });
        return {
          col,
          letter,
          header: header_,
          role: { role: 'ignore' },
          reason: `与 ${columnLetter(before)} 列重复，不导入`,
        };
      }
      seen.set(key, col);
    }
    return { col, letter, header: header_, role: r.role, reason: r.reason };
  });

  for (const c of columns) {
    if (view.isHiddenCol(c.col) && !c.chosen)
      messages.push({
        severity: 'warning',
        cell: cellAddress(header.first, c.col),
        text: `${cellLabel(sheet, `${c.letter}列`)}是隐藏列，未读取；如需读取，请在“列的含义”中为它选择含义`,
      });
  }
  for (const m of view.grid.merges) {
    if (m.top < header.first || m.top > header.last || m.right === m.left) continue;
    const text = view.text(m.top, m.left).replace(/\s+/g, '');
    const covered = columns.filter((c) => c.col >= m.left && c.col <= m.right && c.role.role !== 'ignore');
    if (covered.length < 2) continue;
    messages.push({
      severity: 'info',
      cell: cellAddress(m.top, m.left),
      text: `${cellLabel(sheet, `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`)}：合并的表头“${text}”分到 ${covered.map((c) => c.letter).join('、')} 列（${covered.map((c) => c.header.split(' / ').pop() ?? '').join('、')}）`,
    });
  }
  if (yearUsed && yearReason.startsWith('表名和表头'))
    messages.push({
      severity: 'warning',
      text: `${cellLabel(sheet, undefined)}：${yearReason}。如果不是 ${year} 年的目标，请在“目标年份”中修改`,
    });
  return { columns, year, yearReason, yearUsed, messages };
}
