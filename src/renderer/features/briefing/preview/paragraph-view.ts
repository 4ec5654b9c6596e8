import { staleFacts, type FactRef, type ParagraphBlock, type Run } from '../../../../shared/report/model';

/**
 * What a paragraph shows: the drafted runs (numbers linked to their facts), or the clerk's text with each
 * fact's number linked where it still appears, in order.
 */
export function displayRuns(p: ParagraphBlock): Run[] {
  if (p.editedText === undefined) return p.runs;
  const text = p.editedText;
  const out: Run[] = [];
  let at = 0;
  for (const run of p.runs) {
    if (!('fact' in run)) continue;
    const found = text.indexOf(run.fact.text, at);
    if (found < 0) continue;
    if (found > at) out.push({ text: text.slice(at, found) });
    out.push({ text: run.fact.text, fact: run.fact });
    at = found + run.fact.text.length;
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
