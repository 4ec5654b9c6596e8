import { looksLikeUnit } from '../domain/target-text';
import type { Marker } from './types';
import { squash } from './vocabulary';

export interface NameParts {
  /** The name without markers, 其中, the unit in parentheses or a footnote number. */
  name: string;
  /** The unit printed in parentheses after the name, if any. */
  unit?: string;
  markers: Marker[];
  /** A 其中 row: part of the indicator above it. */
  child: boolean;
  /** How the name was read, for the row's notes. */
  notes: string[];
}

const MARKER_CHARS = /[※★☆]/g;
const LATIN_UNITS = /^(万?TEU|kWh|MW|GW|km|kg|t)$/i;

/** Whether the text in a name's final parentheses is a unit ("个百分点", "万元/亩") and not a remark ("GDP"). */
export function isUnitText(text: string): boolean {
  const t = squash(text);
  if (t === '' || t.length > 8) return false;
  if (LATIN_UNITS.test(t)) return true;
  return looksLikeUnit(t) && /[^a-zA-Z()]/.test(t);
}

/**
 * Joins the lines of a wrapped cell. WPS and Word keep the line breaks a clerk typed to fit a narrow
 * column ("营业收入\n占比提高"); between two Chinese characters they are no spaces.
 */
export function joinLines(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce(
      (acc, line) =>
        acc === '' ? line : /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(line) ? `${acc} ${line}` : acc + line,
      '',
    );
}

/** Reads a name cell: "※★实际利用外资总额(亿美元)" → name, unit, markers; "其中：…" → a child row. */
export function splitIndicatorName(raw: string): NameParts {
  const notes: string[] = [];
  let t = joinLines(raw).trim();
  const markers = [...new Set(t.match(MARKER_CHARS) ?? [])] as Marker[];
  markers.sort((a, b) => '※★☆'.indexOf(a) - '※★☆'.indexOf(b));
  t = t.replace(MARKER_CHARS, '').trim();
  let child = false;
  const childMatch = /^其中[:：,，]?\s*/.exec(t);
  if (childMatch && t.length > childMatch[0].length) {
    child = true;
    t = t.slice(childMatch[0].length);
  }
  const footnote = /\s*(\[\d{1,2}\]|[¹²³⁴⁵⁶⁷⁸⁹])$/.exec(t);
  if (footnote) {
    notes.push(`名称后的“${footnote[1] ?? ''}”为表注序号，已去掉`);
    t = t.slice(0, footnote.index);
  }
  let unit: string | undefined;
  const paren = /^(.+?)\s*[(（]([^()（）]+)[)）]$/.exec(t);
  if (paren && isUnitText(paren[2] ?? '')) {
    unit = (paren[2] ?? '').normalize('NFKC').trim();
    t = paren[1] ?? t;
  }
  const unitPart = unit === undefined ? {} : { unit };
  return { name: t.trim(), ...unitPart, markers, child, notes };
}

/** The key two names are matched by: no markers, 其中, unit, spaces; full-width forms folded. */
export function nameKey(raw: string): string {
  return squash(splitIndicatorName(raw).name)
    .replace(/[“”"'‘’]/g, '')
    .toLowerCase();
}

/** Similarity of two names (Dice coefficient of character pairs), 0…1, for "did you mean" suggestions. */
export function nameSimilarity(a: string, b: string): number {
  const pairs = (s: string): string[] => {
    const chars = [...s];
    if (chars.length < 2) return chars;
    return chars.slice(1).map((ch, i) => (chars[i] ?? '') + ch);
  };
  const x = pairs(nameKey(a));
  const y = pairs(nameKey(b));
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const p of x) counts.set(p, (counts.get(p) ?? 0) + 1);
  let common = 0;
  for (const p of y) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      common++;
      counts.set(p, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

const ORG_END = /(局|委|办|厅|部|会|院|所|中心|公司|政府|集团|组|处|室|队|站|行|社|馆|区|县|市|校|台)(\(.*\)|（.*）)?$/;

/**
 * 责任单位 as a list, the lead unit first. Units are separated by 、，,；; or line breaks; a line break
 * inside one unit's name (a wrapped "市发展\n改革委") is joined back.
 */
export function splitResponsible(raw: string): string[] {
  const out: string[] = [];
  for (const part of raw.split(/[、，,；;]/)) {
    const lines = part
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');
    let current = '';
    for (const line of lines) {
      current += line;
      if (ORG_END.test(current)) {
        out.push(current);
        current = '';
      }
    }
    if (current !== '') out.push(current);
  }
  return out.map((u) => u.trim()).filter((u) => u !== '' && u !== '/' && u !== '—');
}
