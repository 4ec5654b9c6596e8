import { describe, expect, it } from 'vitest';
import { paginate, type Measure } from '../../src/renderer/features/briefing/preview/paginate';

const PITCH = 10;
const PAGE = 100; // ten lines a page
const lines = (n: number): Measure => ({ type: 'lines', lines: n, pitch: PITCH, spaceBefore: 0 });
const block = (height: number, keepWithNext = false): Measure => ({ type: 'block', height, keepWithNext });

describe('paginate: blocks onto pages the way Word flows the .docx', () => {
  it('breaks a paragraph between lines, carrying the rest to the next page', () => {
    const pages = paginate([block(60), lines(7)], PAGE);
    expect(pages).toEqual([
      [
        { item: 0, part: 'whole' },
        { item: 1, part: 'lines', from: 0, to: 4, first: true },
      ],
      [{ item: 1, part: 'lines', from: 4, to: 7, first: false }],
    ]);
  });

  it('keeps a heading with the first line after it', () => {
    const pages = paginate([lines(9), block(10, true), lines(3)], PAGE);
    expect(pages.map((p) => p.map((s) => s.item))).toEqual([[0], [1, 2]]);
  });

  it('breaks a table between rows and repeats nothing but the header (the caption only once), notes after the last row', () => {
    const table: Measure = { type: 'table', caption: 20, head: 20, rows: [15, 15, 15, 15, 15, 15], notes: 10 };
    const pages = paginate([lines(2), table], PAGE);
    expect(pages).toEqual([
      [
        { item: 0, part: 'lines', from: 0, to: 2, first: true },
        { item: 1, part: 'rows', from: 0, to: 2, caption: true, notes: false },
      ],
      [{ item: 1, part: 'rows', from: 2, to: 6, caption: false, notes: true }],
    ]);
  });

  it('moves a table whose caption, header and first row do not fit, and puts notes that do not fit on a page of their own', () => {
    const table: Measure = { type: 'table', caption: 20, head: 20, rows: [20, 20, 20], notes: 30 };
    const pages = paginate([lines(8), table], PAGE);
    expect(pages).toEqual([
      [{ item: 0, part: 'lines', from: 0, to: 8, first: true }],
      [{ item: 1, part: 'rows', from: 0, to: 3, caption: true, notes: false }],
      [{ item: 1, part: 'notes' }],
    ]);
  });

  it('gives the 版记 a page of its own when it no longer fits under the text', () => {
    expect(paginate([lines(5), block(40)], PAGE).map((p) => p.length)).toEqual([2]);
    expect(paginate([lines(7), block(40)], PAGE).map((p) => p.map((s) => s.item))).toEqual([[0], [1]]);
  });

  it('lays a paragraph longer than several pages over as many pages', () => {
    const pages = paginate([lines(25)], PAGE);
    expect(pages.map((p) => p.map((s) => (s.part === 'lines' ? [s.from, s.to] : null)))).toEqual([
      [[0, 10]],
      [[10, 20]],
      [[20, 25]],
    ]);
  });

  it('moves a short table whole to the next page rather than leaving 全市 alone at the foot of a page', () => {
    const table: Measure = { type: 'table', caption: 10, head: 10, rows: [10, 10, 10, 10], notes: 10, keepWhole: true };
    const pages = paginate([lines(7), table], PAGE);
    expect(pages).toEqual([
      [{ item: 0, part: 'lines', from: 0, to: 7, first: true }],
      [{ item: 1, part: 'rows', from: 0, to: 4, caption: true, notes: true }],
    ]);
  });

  it('never leaves a lone row at the top of the next page: the break comes one row earlier', () => {
    const table: Measure = { type: 'table', caption: 10, head: 10, rows: [15, 15, 15, 15, 15, 15], notes: 0 };
    const pages = paginate([table], PAGE);
    expect(pages.map((p) => p.map((s) => (s.part === 'rows' ? [s.from, s.to] : s.part)))).toEqual([[[0, 4]], [[4, 6]]]);
  });

  it('keeps the notes with the last two rows when they do not fit under the table', () => {
    const table: Measure = {
      type: 'table',
      caption: 0,
      head: 10,
      rows: [10, 10, 10, 10, 10, 10, 10, 10, 10],
      notes: 30,
    };
    const pages = paginate([table], PAGE);
    expect(pages).toEqual([
      [{ item: 0, part: 'rows', from: 0, to: 7, caption: true, notes: false }],
      [{ item: 0, part: 'rows', from: 7, to: 9, caption: false, notes: true }],
    ]);
  });

  it('starts an attachment on a new page, and keeps the closing lines with the 署名', () => {
    const closing: Measure = { type: 'lines', lines: 2, pitch: PITCH, spaceBefore: 0, keepWithNext: true };
    const pages = paginate([lines(6), closing, block(30), { type: 'block', height: 20, breakBefore: true }], PAGE);
    expect(pages.map((p) => p.map((s) => s.item))).toEqual([[0], [1, 2], [3]]);
  });
});
