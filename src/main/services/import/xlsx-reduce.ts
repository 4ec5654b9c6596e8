import { zipSync, type Zippable } from 'fflate';
import { FORM_SHEET, META_SHEET } from '../documents/xlsx-forms/form-meta';
import { inflateEntry, mb, type ZipEntry } from './file-guard';

/**
 * What a fill-in form can hold, and so all the importer ever reads. A form is a few hundred indicator
 * rows of a handful of columns plus its _meta sheet; these caps leave ten times that room and keep the
 * parse of any file under two seconds and a few tens of MB.
 */
export const FORM_LIMITS = {
  sheets: 50,
  /** Uncompressed bytes of the workbook, relationship and content-type parts, each. */
  smallPartBytes: 1024 * 1024,
  stylesBytes: 2 * 1024 * 1024,
  sharedStringsBytes: 4 * 1024 * 1024,
  sharedStrings: 20_000,
  /** Per sheet read (填报表 and _meta). */
  sheetBytes: 4 * 1024 * 1024,
  rows: 5_000,
  highestRow: 10_000,
  cells: 20_000,
  merges: 2_000,
} as const;

export type Reduced = { ok: true; bytes: Buffer } | { ok: false; message: string };

const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/** Sheet parts the importer never reads: pictures, comments, tables, controls, links, formatting rules. */
const DROPPED_SHEET_ELEMENTS = [
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'tableParts',
  'hyperlinks',
  'extLst',
  'dataValidations',
  'conditionalFormatting',
];

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[1] ?? m[2] ?? '') : undefined;
}

/** A relationship target resolved against the folder of the part that names it ("xl/"). */
function resolveTarget(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function count(text: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(text)) n++;
  return n;
}

/**
 * Removes the parts of a sheet the importer never reads. They follow the cell data, so only what comes
 * after </sheetData> is touched, and that tail is bounded before any pattern runs over it.
 */
function stripElements(xml: string): string | null {
  const close = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/.exec(xml);
  if (!close) return xml;
  const end = close.index + close[0].length;
  const head = xml.slice(0, end);
  let tail = xml.slice(end);
  if (tail.length > FORM_LIMITS.smallPartBytes * 2 || count(tail, /<[A-Za-z]/g) > 20_000) return null;
  for (const name of DROPPED_SHEET_ELEMENTS) {
    tail = tail
      .replace(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*/>`, 'g'), '')
      .replace(new RegExp(`<((?:\\w+:)?${name})\\b[^>]*>[\\s\\S]*?</\\1>`, 'g'), '');
  }
  return head + tail;
}

/** Checks a sheet against what a form can hold; a reason naming the sheet when it holds more. */
function sheetProblem(sheetName: string, xml: string): string | null {
  const rows = count(xml, /<(?:\w+:)?row[\s>/]/g);
  if (rows > FORM_LIMITS.rows)
    return `工作表“${sheetName}”有 ${rows} 行，远多于填报表应有的行数（上限 ${FORM_LIMITS.rows} 行），不予读取`;
  let highest = 0;
  const rowNumber = /<(?:\w+:)?row\b[^>]*?\sr\s*=\s*"(\d+)"/g;
  for (let m = rowNumber.exec(xml); m; m = rowNumber.exec(xml)) highest = Math.max(highest, Number(m[1]));
  const cellRef = /<(?:\w+:)?c\b[^>]*?\sr\s*=\s*"[A-Z]+(\d+)"/g;
  for (let m = cellRef.exec(xml); m; m = cellRef.exec(xml)) highest = Math.max(highest, Number(m[1]));
  if (highest > FORM_LIMITS.highestRow)
    return `工作表“${sheetName}”第 ${highest} 行有内容，填报表不会这么长（上限 ${FORM_LIMITS.highestRow} 行），不予读取。请删除表格下方多余的内容后重新保存`;
  const cells = count(xml, /<(?:\w+:)?c[\s>/]/g);
  if (cells > FORM_LIMITS.cells)
    return `工作表“${sheetName}”有 ${cells} 个单元格，远多于填报表应有的数量（上限 ${FORM_LIMITS.cells} 个），不予读取`;
  const merges = count(xml, /<(?:\w+:)?mergeCell[\s>/]/g);
  if (merges > FORM_LIMITS.merges)
    return `工作表“${sheetName}”有 ${merges} 处合并单元格，远多于填报表应有的数量，不予读取`;
  return null;
}

/**
 * Builds a small workbook holding only what the importer reads: the workbook and its relationships,
 * styles, shared strings and the two sheets of a form (填报表, _meta), stripped of pictures, comments
 * and the like. Every other sheet becomes an empty one and every other part is left out, never inflated.
 * Each part is inflated only up to its cap, and the sheets are counted before any parser sees them.
 */
export function reduceWorkbook(bytes: Buffer, entries: ZipEntry[]): Reduced {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const parts: Zippable = {};
  const read = (name: string, cap: number, what: string): Buffer | string | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    const inflated = inflateEntry(bytes, entry, cap);
    if (inflated.ok) return inflated.data;
    return inflated.overCap
      ? `${what}（${name}）超过 ${mb(cap)} MB，远大于填报表应有的大小，不予读取`
      : `不是有效的 .xlsx 文件：${inflated.message}`;
  };
  const keep = (name: string, cap: number, what: string): Buffer | string | null => {
    const data = read(name, cap, what);
    if (data instanceof Buffer) parts[name] = data;
    return data;
  };

  for (const name of ['[Content_Types].xml', '_rels/.rels']) {
    const kept = keep(name, FORM_LIMITS.smallPartBytes, '文件目录');
    if (typeof kept === 'string') return { ok: false, message: kept };
  }
  const workbook = keep('xl/workbook.xml', FORM_LIMITS.smallPartBytes, '工作簿目录');
  if (typeof workbook === 'string') return { ok: false, message: workbook };
  const rels = keep('xl/_rels/workbook.xml.rels', FORM_LIMITS.smallPartBytes, '工作簿关系表');
  if (typeof rels === 'string') return { ok: false, message: rels };

  const targets = new Map<string, { target: string; type: string }>();
  for (const tag of rels?.toString('utf8').match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target && attr(tag, 'TargetMode') !== 'External')
      targets.set(id, { target: resolveTarget('xl/', target), type: attr(tag, 'Type') ?? '' });
  }
  for (const { target, type } of targets.values()) {
    if (type.endsWith('/styles')) {
      const kept = keep(target, FORM_LIMITS.stylesBytes, '样式表');
      if (typeof kept === 'string') return { ok: false, message: kept };
    } else if (type.endsWith('/sharedStrings')) {
      const kept = keep(target, FORM_LIMITS.sharedStringsBytes, '文字表');
      if (typeof kept === 'string') return { ok: false, message: kept };
      const strings = kept ? count(kept.toString('utf8'), /<(?:\w+:)?si[\s>/]/g) : 0;
      if (strings > FORM_LIMITS.sharedStrings)
        return { ok: false, message: `文件中有 ${strings} 段文字，远多于填报表应有的数量，不予读取` };
    }
  }

  const sheets = workbook?.toString('utf8').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  if (sheets.length > FORM_LIMITS.sheets)
    return { ok: false, message: `文件有 ${sheets.length} 个工作表，远多于填报表应有的数量，不予读取` };
  for (const tag of sheets) {
    const name = attr(tag, 'name') ?? '';
    const rid = attr(tag, 'r:id') ?? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const target = rid ? targets.get(rid)?.target : undefined;
    if (!target || !byName.has(target)) continue;
    if (name !== FORM_SHEET && name !== META_SHEET) {
      parts[target] = Buffer.from(EMPTY_SHEET, 'utf8');
      continue;
    }
    const data = read(target, FORM_LIMITS.sheetBytes, `工作表“${name}”`);
    if (typeof data === 'string') return { ok: false, message: data };
    if (!data) continue;
    const xml = data.toString('utf8');
    const problem = sheetProblem(name, xml);
    if (problem) return { ok: false, message: problem };
    const stripped = stripElements(xml);
    if (stripped === null)
      return { ok: false, message: `工作表“${name}”附带的格式、批注等内容过多，远超填报表应有的数量，不予读取` };
    parts[target] = Buffer.from(stripped, 'utf8');
  }
  return { ok: true, bytes: Buffer.from(zipSync(parts, { level: 0 })) };
}
