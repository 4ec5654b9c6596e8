import { describe, expect, it } from 'vitest';
import {
  advance,
  collapsed,
  commandForKey,
  extendTo,
  navigate,
  rectOf,
  type GridCommand,
  type Selection,
} from '../../../src/renderer/features/entry/grid/navigation';

const size = { rows: 4, cols: 3 };
const at = (row: number, col: number): Selection => collapsed({ row, col });
const go = (sel: Selection, cmd: GridCommand | null) => navigate(sel, cmd!, size, 2);
const key = (k: string, mods: { shiftKey?: boolean; ctrlKey?: boolean } = {}) =>
  commandForKey({ key: k, ...mods }, 'none');

describe('grid navigation', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(go(at(0, 0), key('ArrowDown')).active).toEqual({ row: 1, col: 0 });
    expect(go(at(0, 0), key('ArrowUp')).active).toEqual({ row: 0, col: 0 });
    expect(go(at(3, 2), key('ArrowRight')).active).toEqual({ row: 3, col: 2 });
    expect(go(at(2, 1), key('ArrowLeft')).active).toEqual({ row: 2, col: 0 });
  });

  it('jumps to the edge with Ctrl+arrow and to the corners with Ctrl+Home/End', () => {
    expect(go(at(1, 1), key('ArrowDown', { ctrlKey: true })).active).toEqual({ row: 3, col: 1 });
    expect(go(at(1, 1), key('End', { ctrlKey: true })).active).toEqual({ row: 3, col: 2 });
    expect(go(at(2, 2), key('Home')).active).toEqual({ row: 2, col: 0 });
  });

  it('Enter goes down and Tab goes right, Shift goes back, wrapping at the ends', () => {
    expect(go(at(0, 0), key('Enter')).active).toEqual({ row: 1, col: 0 });
    expect(go(at(3, 0), key('Enter')).active).toEqual({ row: 0, col: 1 });
    expect(go(at(0, 0), key('Tab')).active).toEqual({ row: 0, col: 1 });
    expect(go(at(0, 2), key('Tab')).active).toEqual({ row: 1, col: 0 });
    expect(go(at(1, 0), key('Tab', { shiftKey: true })).active).toEqual({ row: 0, col: 2 });
    expect(go(at(0, 1), key('Enter', { shiftKey: true })).active).toEqual({ row: 3, col: 0 });
    expect(go(at(0, 0), key('Enter', { shiftKey: true })).active).toEqual({ row: 3, col: 2 });
  });

  it('Shift+arrows extend the range and keep the active cell; a plain arrow collapses it', () => {
    let sel = go(at(1, 1), key('ArrowDown', { shiftKey: true }));
    sel = go(sel, key('ArrowRight', { shiftKey: true }));
    expect(rectOf(sel)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(sel.active).toEqual({ row: 1, col: 1 });
    const moved = go(sel, key('ArrowDown'));
    expect(moved.active).toEqual({ row: 2, col: 1 });
    expect(rectOf(moved)).toEqual({ top: 2, left: 1, bottom: 2, right: 1 });
  });

  it('Enter cycles inside a multi-cell range without losing it', () => {
    const sel = extendTo(at(1, 1), { row: 2, col: 2 });
    const a = go(sel, key('Enter'));
    expect(a.active).toEqual({ row: 2, col: 1 });
    const b = go(a, key('Enter'));
    expect(b.active).toEqual({ row: 1, col: 2 });
    expect(rectOf(b)).toEqual({ top: 1, left: 1, bottom: 2, right: 2 });
    expect(advance({ row: 2, col: 2 }, 'enter', false, size, rectOf(sel))).toEqual({ row: 1, col: 1 });
  });

  it('PageDown moves by a screen of rows; Ctrl+A selects everything', () => {
    expect(go(at(0, 1), key('PageDown')).active).toEqual({ row: 2, col: 1 });
    const all = go(at(2, 2), key('a', { ctrlKey: true }));
    expect(rectOf(all)).toEqual({ top: 0, left: 0, bottom: 3, right: 2 });
  });

  it('maps keys to commands differently while editing', () => {
    expect(commandForKey({ key: 'F2' }, 'none')).toEqual({ type: 'editInPlace' });
    expect(commandForKey({ key: 'Delete' }, 'none')).toEqual({ type: 'clear' });
    expect(commandForKey({ key: 'z', ctrlKey: true }, 'none')).toEqual({ type: 'undo' });
    expect(commandForKey({ key: 'y', ctrlKey: true }, 'none')).toEqual({ type: 'redo' });
    expect(commandForKey({ key: 'Z', ctrlKey: true, shiftKey: true }, 'none')).toEqual({ type: 'redo' });
    // Copy and paste are left to the browser so the clipboard events fire.
    expect(commandForKey({ key: 'c', ctrlKey: true }, 'none')).toBeNull();
    expect(commandForKey({ key: 'v', ctrlKey: true }, 'none')).toBeNull();
    expect(commandForKey({ key: 'Escape' }, 'typing')).toEqual({ type: 'cancelEdit' });
    expect(commandForKey({ key: 'Enter' }, 'inPlace')).toEqual({ type: 'commitAndAdvance', how: 'enter', back: false });
    expect(commandForKey({ key: 'ArrowLeft' }, 'typing')).toEqual({ type: 'commitAndMove', dir: 'left' });
    // In F2 mode the arrows move the caret inside the text.
    expect(commandForKey({ key: 'ArrowLeft' }, 'inPlace')).toBeNull();
    expect(commandForKey({ key: 'Delete' }, 'typing')).toBeNull();
  });
});
