/**
 * Where the cursor goes: pure functions over data coordinates (category header rows are not cells).
 * The component maps keys to commands with `commandForKey` and applies them here, so every rule of the
 * Excel-like navigation is testable without a DOM.
 */

export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

/**
 * A range from `anchor` (where a Shift-selection started) to `focus` (the corner that Shift+arrows move),
 * and the `active` cell that typing goes to. As in Excel, the active cell stays put while the range is
 * extended, and Enter/Tab move it inside a multi-cell range without changing the range.
 */
export interface Selection {
  anchor: GridPos;
  focus: GridPos;
  active: GridPos;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

export function clampPos(pos: GridPos, size: GridSize): GridPos {
  return {
    row: Math.min(Math.max(pos.row, 0), Math.max(size.rows - 1, 0)),
    col: Math.min(Math.max(pos.col, 0), Math.max(size.cols - 1, 0)),
  };
}

export function collapsed(pos: GridPos): Selection {
  return { anchor: { ...pos }, focus: { ...pos }, active: { ...pos } };
}

export function isMultiCell(sel: Selection): boolean {
  return sel.anchor.row !== sel.focus.row || sel.anchor.col !== sel.focus.col;
}

/** Shift+click or a mouse drag: the range grows to `to`, the active cell stays. */
export function extendTo(sel: Selection, to: GridPos): Selection {
  return { anchor: sel.anchor, focus: { ...to }, active: sel.active };
}

export function rectOf(sel: Selection): Rect {
  return {
    top: Math.min(sel.anchor.row, sel.focus.row),
    bottom: Math.max(sel.anchor.row, sel.focus.row),
    left: Math.min(sel.anchor.col, sel.focus.col),
    right: Math.max(sel.anchor.col, sel.focus.col),
  };
}

export function rectSize(r: Rect): GridSize {
  return { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 };
}

export function inRect(pos: GridPos, r: Rect): boolean {
  return pos.row >= r.top && pos.row <= r.bottom && pos.col >= r.left && pos.col <= r.right;
}

/** One step (or `amount` steps) in a direction, stopping at the edges. */
export function step(pos: GridPos, dir: Direction, size: GridSize, amount = 1): GridPos {
  const d = { up: [-amount, 0], down: [amount, 0], left: [0, -amount], right: [0, amount] }[dir];
  return clampPos({ row: pos.row + (d[0] ?? 0), col: pos.col + (d[1] ?? 0) }, size);
}

/** Ctrl+arrow: straight to the edge of the grid. */
export function jump(pos: GridPos, dir: Direction, size: GridSize): GridPos {
  return step(pos, dir, size, Math.max(size.rows, size.cols));
}

/**
 * Enter goes down and Tab goes right; Shift goes back. At the end of a column (Enter) or a row (Tab)
 * the cursor wraps to the next column or row, so a clerk can type a whole column or row without the
 * mouse. Inside a multi-cell selection the cursor cycles within it (as in Excel) and the selection stays.
 */
export function advance(pos: GridPos, how: 'enter' | 'tab', back: boolean, size: GridSize, within?: Rect): GridPos {
  const area: Rect =
    within && (within.bottom > within.top || within.right > within.left)
      ? within
      : { top: 0, left: 0, bottom: size.rows - 1, right: size.cols - 1 };
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  if (height <= 0 || width <= 0) return pos;
  // Linear index inside the area, column-major for Enter and row-major for Tab.
  const r = pos.row - area.top;
  const c = pos.col - area.left;
  const total = height * width;
  let index = how === 'enter' ? c * height + r : r * width + c;
  index = (index + (back ? -1 : 1) + total) % total;
  return how === 'enter'
    ? { row: area.top + (index % height), col: area.left + Math.floor(index / height) }
    : { row: area.top + Math.floor(index / width), col: area.left + (index % width) };
}

/** What a key press means; `null` lets the browser handle it (typing, copy, paste, caret moves). */
export type GridCommand =
  | { type: 'move'; dir: Direction; extend: boolean; jump: boolean }
  | { type: 'page'; dir: 'up' | 'down'; extend: boolean }
  | { type: 'lineEdge'; end: boolean; extend: boolean; doc: boolean }
  | { type: 'advance'; how: 'enter' | 'tab'; back: boolean }
  | { type: 'editInPlace' }
  | { type: 'clear' }
  | { type: 'clearAndEdit' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'history' }
  | { type: 'cancelEdit' }
  | { type: 'commitAndAdvance'; how: 'enter' | 'tab'; back: boolean }
  | { type: 'commitAndMove'; dir: Direction };

export interface KeyInfo {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/**
 * Editing modes: 'none' (the cursor is on a cell), 'typing' (a key started the edit: arrows commit and move,
 * as in Excel's Enter mode), 'inPlace' (F2 or double-click: arrows move the caret in the text).
 */
export type EditMode = 'none' | 'typing' | 'inPlace';

const ARROWS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function commandForKey(k: KeyInfo, mode: EditMode): GridCommand | null {
  const ctrl = Boolean(k.ctrlKey || k.metaKey);
  const shift = Boolean(k.shiftKey);
  if (k.altKey) return null;
  if (mode !== 'none') {
    if (k.key === 'Escape') return { type: 'cancelEdit' };
    if (k.key === 'Enter') return { type: 'commitAndAdvance', how: 'enter', back: shift };
    if (k.key === 'Tab') return { type: 'commitAndAdvance', how: 'tab', back: shift };
    const dir = ARROWS[k.key];
    if (dir && mode === 'typing' && !ctrl && !shift) return { type: 'commitAndMove', dir };
    return null;
  }
  const dir = ARROWS[k.key];
  if (dir) return { type: 'move', dir, extend: shift, jump: ctrl };
  switch (k.key) {
    case 'Enter':
      return { type: 'advance', how: 'enter', back: shift };
    case 'Tab':
      return { type: 'advance', how: 'tab', back: shift };
    case 'PageUp':
      return { type: 'page', dir: 'up', extend: shift };
    case 'PageDown':
      return { type: 'page', dir: 'down', extend: shift };
    case 'Home':
      return { type: 'lineEdge', end: false, extend: shift, doc: ctrl };
    case 'End':
      return { type: 'lineEdge', end: true, extend: shift, doc: ctrl };
    case 'F2':
      return { type: 'editInPlace' };
    case 'Delete':
      return { type: 'clear' };
    case 'Backspace':
      return { type: 'clearAndEdit' };
  }
  if (ctrl) {
    const key = k.key.toLowerCase();
    if (key === 'z' && !shift) return { type: 'undo' };
    if (key === 'y' || (key === 'z' && shift)) return { type: 'redo' };
    if (key === 'a') return { type: 'selectAll' };
    if (key === 'h') return { type: 'history' };
  }
  return null;
}

/** A printable key that starts an edit by overwriting the cell (no modifier, one character). */
export function isTypingKey(k: KeyInfo): boolean {
  return k.key.length === 1 && !k.ctrlKey && !k.metaKey && !k.altKey;
}

/** Applies a navigation command to the selection; `pageRows` is how many rows one screen shows. */
export function navigate(sel: Selection, cmd: GridCommand, size: GridSize, pageRows: number): Selection {
  if (size.rows === 0 || size.cols === 0) return sel;
  // Extending moves the range's far corner; a plain move starts from the active cell.
  const from = (extend: boolean): GridPos => (extend ? sel.focus : sel.active);
  const keep = (to: GridPos, extend: boolean): Selection => (extend ? extendTo(sel, to) : collapsed(to));
  switch (cmd.type) {
    case 'move': {
      const origin = from(cmd.extend);
      return keep(cmd.jump ? jump(origin, cmd.dir, size) : step(origin, cmd.dir, size), cmd.extend);
    }
    case 'page':
      return keep(step(from(cmd.extend), cmd.dir, size, Math.max(1, pageRows)), cmd.extend);
    case 'lineEdge': {
      const row = cmd.doc ? (cmd.end ? size.rows - 1 : 0) : from(cmd.extend).row;
      return keep({ row, col: cmd.end ? size.cols - 1 : 0 }, cmd.extend);
    }
    case 'advance':
    case 'commitAndAdvance': {
      if (!isMultiCell(sel)) return collapsed(advance(sel.active, cmd.how, cmd.back, size));
      return { ...sel, active: advance(sel.active, cmd.how, cmd.back, size, rectOf(sel)) };
    }
    case 'commitAndMove':
      return collapsed(step(sel.active, cmd.dir, size));
    case 'selectAll':
      return {
        anchor: { row: 0, col: 0 },
        focus: { row: size.rows - 1, col: size.cols - 1 },
        active: { row: 0, col: 0 },
      };
    default:
      return sel;
  }
}
