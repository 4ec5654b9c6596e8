import type { ParagraphBlock } from './model';

/**
 * A number and its unit stay on one line (GB/T 15835 §5.1.6: 一个数值应在同一行中): "10.2%" or "8202.6亩" never
 * ends a line at "10.2". The units of a paragraph are those its facts carry, plus percent and per-mille signs,
 * 个百分点/个千分点 and the 项 of counts; the preview wraps them unbroken (CSS nowrap, on screen and in print). The
 * .docx joins them with U+2060 WORD JOINER, which Unicode line breaking honours; Word and LibreOffice never start a
 * line with % or ‰ (their kinsoku lists), but LibreOffice breaks between Chinese characters whatever the joiner
 * (measured), so there a multi-character unit ("万元/亩") can still part from its number.
 */

/** U+2060 WORD JOINER: no line break here, no width; Word, WPS and LibreOffice honour it. */
export const WORD_JOINER = '\u2060';

const ALWAYS = ['个百分点', '个千分点', '%', '‰', '项'];

/** Units a paragraph's numbers carry, longest first so "万元/亩" wins over "万元". */
export function paragraphUnits(p: ParagraphBlock): string[] {
  const units = new Set(ALWAYS);
  for (const r of p.runs) if ('fact' in r && r.fact.unit) units.add(r.fact.unit);
  return [...units].filter((u) => u !== '').sort((a, b) => b.length - a.length);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Pieces of a text: a number with its unit is one piece marked `keep`, the rest plain. */
export function unitSpans(text: string, units: readonly string[]): { text: string; keep: boolean }[] {
  if (units.length === 0) return [{ text, keep: false }];
  const re = new RegExp(`-?\\d+(?:\\.\\d+)?(?:${units.map(escape).join('|')})`, 'g');
  const out: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    const start = m.index ?? 0;
    if (start > at) out.push({ text: text.slice(at, start), keep: false });
    out.push({ text: m[0], keep: true });
    at = start + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}

/** The text with a word joiner between each number and its unit, and inside the unit (for the .docx). */
export function joinUnits(text: string, units: readonly string[]): string {
  return unitSpans(text, units)
    .map((s) => {
      if (!s.keep) return s.text;
      const number = /^-?\d+(?:\.\d+)?/.exec(s.text)?.[0] ?? '';
      return number + WORD_JOINER + [...s.text.slice(number.length)].join(WORD_JOINER);
    })
    .join('');
}
