import { formatFixed, roundHalfUp } from '../domain/rounding';
import type { ParagraphBlock, Run } from './model';
import { valueText } from './wording';

/** Builds a paragraph's runs; numbers are linked to the fact they state. */
export class RunBuilder {
  private readonly runs: Run[] = [];

  text(text: string): this {
    if (!text) return this;
    const last = this.runs[this.runs.length - 1];
    if (last && !('fact' in last)) last.text += text;
    else this.runs.push({ text });
    return this;
  }

  /** A number printed at its precision, linked to `ref`. */
  number(value: number, decimals: number, ref: string): this {
    const text = formatFixed(value, decimals);
    this.runs.push({ text, fact: { ref, value, text } });
    return this;
  }

  /**
   * A value with its unit ("8202.6亩", "9980亩", "9.0%"): the number linked to `ref`, a whole amount without ".0",
   * and the unit kept with it so no line ends between them.
   */
  amount(value: number, decimals: number, unit: string, ref: string): this {
    const text = valueText(value, decimals, unit);
    this.runs.push({ text, fact: { ref, value, text, ...(unit ? { unit } : {}) } });
    return this.text(unit);
  }

  /**
   * A ready-made phrase ("增长8.4%", "超序时进度3.2个百分点") whose magnitude is the fact: the number in it
   * becomes a linked run, the words stay text. A phrase without the number ("持平") stays plain text.
   */
  phrase(phrase: string, value: number, decimals: number, ref: string): this {
    const magnitude = formatFixed(Math.abs(roundHalfUp(value, decimals)), decimals);
    const at = phrase.indexOf(magnitude);
    if (at < 0 || roundHalfUp(value, decimals) === 0) return this.text(phrase);
    this.text(phrase.slice(0, at));
    const rest = phrase.slice(at + magnitude.length);
    const unit = /^(%|‰|个百分点|个千分点)/.exec(rest)?.[0];
    this.runs.push({
      text: magnitude,
      fact: { ref, value: Math.abs(value), text: magnitude, ...(unit ? { unit } : {}) },
    });
    return this.text(rest);
  }

  get length(): number {
    return this.runs.length;
  }

  build(id: string): ParagraphBlock {
    return { type: 'paragraph', id, runs: this.runs };
  }
}
