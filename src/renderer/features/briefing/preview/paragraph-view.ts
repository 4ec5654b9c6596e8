import { staleFacts, type FactRef, type ParagraphBlock, type Run } from '../../../../shared/report/model';
import { paragraphUnits, unitSpans } from '../../../../shared/report/no-break';

/**
 * What a paragraph shows: the drafted runs (numbers linked to their facts), or the clerk's text with each
 * fact's number linked where it still appears (the first free occurrence, wherever the edit moved it).
 */
export function displayRuns(p: ParagraphBlock): Run[] {
  if (p.editedText === undefined) return p.runs;
  const text = p.editedText;
  const claimed: { start: number; end: number; run: Run }[] = [];
  for (const run of p.runs) {
    if (!('fact' in run) || !run.fact.text) continue;
    let from = 0;
    for (;;) {
      const start = text.indexOf(run.fact.text, from);
      if (start < 0) break;
      const end = start + run.fact.text.length;
      if (!claimed.some((c) => start < c.end && c.start < end)) {
        claimed.push({ start, end, run: { text: run.fact.text, fact: run.fact } });
        break;
      }
      from = start + 1;
    }
  }
  claimed.sort((a, b) => a.start - b.start);
  const out: Run[] = [];
  let at = 0;
  for (const c of claimed) {
    if (c.start > at) out.push({ text: text.slice(at, c.start) });
    out.push(c.run);
    at = c.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** One warning per number an edit dropped or changed: "段落中应为 8.4，与当前数据不符". */
export function staleMessages(p: ParagraphBlock): string[] {
  return staleFacts(p).map((f: FactRef) => `段落中应为 ${f.text}，与当前数据不符`);
}

/** The drafted text of a paragraph (what 恢复为自动起草 brings back). */
export function draftedText(p: ParagraphBlock): string {
  return p.runs.map((r) => r.text).join('');
}

/** A stretch of a paragraph as shown: plain, or a number with its unit that must not be broken (`keep`). */
export interface Segment {
  keep: boolean;
  pieces: Run[];
}

/**
 * The displayed runs cut into segments so that each number stays on one line with its unit: a linked number and
 * the unit after it form one unbreakable segment, and so does a number with its unit inside the plain text
 * ("（1200家）").
 */
export function displaySegments(p: ParagraphBlock): Segment[] {
  const units = paragraphUnits(p);
  // A copy: a unit taken into a number's segment is cut from the run after it, never from the model's runs.
  const runs = [...displayRuns(p)];
  const out: Segment[] = [];
  const plain = (text: string) => {
    for (const span of unitSpans(text, units)) out.push({ keep: span.keep, pieces: [{ text: span.text }] });
  };
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    if (!('fact' in run)) {
      plain(run.text);
      continue;
    }
    const next = runs[i + 1];
    const unit = next && !('fact' in next) ? units.find((u) => next.text.startsWith(u)) : undefined;
    if (unit && next) {
      out.push({ keep: true, pieces: [run, { text: unit }] });
      runs[i + 1] = { text: next.text.slice(unit.length) };
    } else out.push({ keep: false, pieces: [run] });
  }
  return out.filter((s) => s.pieces.some((x) => x.text !== ''));
}
