import { describe, expect, it } from 'vitest';
import { cellAt, buildLayout, regionColumns } from '../../../src/renderer/features/entry/grid/layout';
import { planPaste } from '../../../src/renderer/features/entry/grid/clipboard';
import { EntrySheet } from '../../../src/renderer/features/entry/grid/sheet';
import { UndoStack } from '../../../src/renderer/features/entry/grid/undo';
import { parseTsv } from '../../../src/renderer/shared/tsv';
import { indicator, specsOf } from './fixtures';

describe('undo stack', () => {
  it('undoes and redoes in order, and a new action clears the redo side', () => {
    const s = new UndoStack<string>();
    s.push('a');
    s.push('b');
    expect(s.undo()).toBe('b');
    expect(s.redo()).toBe('b');
    expect(s.undo()).toBe('b');
    s.push('c');
    expect(s.canRedo).toBe(false);
    expect(s.undo()).toBe('c');
    expect(s.undo()).toBe('a');
    expect(s.undo()).toBeUndefined();
  });

  it('forgets the oldest entries beyond its limit', () => {
    const s = new UndoStack<number>(2);
    [1, 2, 3].forEach((n) => s.push(n));
    expect([s.undo(), s.undo(), s.undo()]).toEqual([3, 2, undefined]);
  });
});

describe('undo and redo in the sheet', () => {
  const inds = [indicator('gdp', { unit: '亿元', kind: 'level' }), indicator('growth', { unit: '%', kind: 'growth' })];
  const layout = buildLayout({
    system: { categories: [] },
    indicators: inds,
    regions: regionColumns(['吴兴', '南浔'], false),
    transposed: false,
  });

  it('takes back a typed cell and sends the old value to save again', () => {
    const sheet = new EntrySheet(specsOf(inds), { gdp: { 吴兴: 100 } });
    const cell = { indicatorId: 'gdp', region: '吴兴' };
    const typed = sheet.apply([{ cell, raw: '120.5' }], { record: true });
    expect(typed.changes).toEqual([{ cell, value: 120.5 }]);
    expect(sheet.text(cell)).toBe('120.5');
    const undone = sheet.undo();
    expect(sheet.text(cell)).toBe('100');
    expect(undone?.changes).toEqual([{ cell, value: 100 }]);
    sheet.redo();
    expect(sheet.text(cell)).toBe('120.5');
  });

  it('takes back a pasted block in one step', () => {
    const sheet = new EntrySheet(specsOf(inds));
    const plan = planPaste(layout, parseTsv('1\t2\t3\r\n4.5%\t5\t6\r\n'), { top: 0, left: 0, bottom: 0, right: 0 });
    const result = sheet.apply(plan.edits, { record: true });
    expect(result.changes).toHaveLength(6);
    expect(sheet.text({ indicatorId: 'growth', region: '全市' })).toBe('4.5');
    const undone = sheet.undo();
    expect(undone?.cells).toHaveLength(6);
    for (let r = 0; r < 2; r++) for (let c = 0; c < 3; c++) expect(sheet.text(cellAt(layout, r, c)!)).toBe('');
    expect(sheet.canUndo).toBe(false);
    sheet.redo();
    expect(sheet.text({ indicatorId: 'gdp', region: '南浔' })).toBe('3');
  });

  it('restores an invalid draft on undo, and drops it again on redo', () => {
    const sheet = new EntrySheet(specsOf(inds), { gdp: { 吴兴: 100 } });
    const cell = { indicatorId: 'gdp', region: '吴兴' };
    sheet.apply([{ cell, raw: 'abc' }], { record: true });
    expect(sheet.state(cell)?.invalid?.raw).toBe('abc');
    sheet.apply([{ cell, raw: '99' }], { record: true });
    sheet.undo();
    expect(sheet.text(cell)).toBe('abc');
    expect(sheet.state(cell)?.invalid).toBeDefined();
    sheet.undo();
    expect(sheet.text(cell)).toBe('100');
    expect(sheet.state(cell)?.invalid).toBeUndefined();
  });
});
