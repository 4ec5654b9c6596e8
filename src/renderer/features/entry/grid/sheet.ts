import type { FigureSpec } from '../../../../shared/domain/figure-input';
import type { FigureValue } from '../../../../shared/schemas/figure';
import { cellKey, type CellRef } from './layout';
import { UndoStack } from './undo';
import { displayValue, sameFigure, validateEntry } from './validation';

/** One cell as the grid knows it. */
export interface CellState {
  /** The value the clerk last committed (valid), saved or not yet. */
  value: FigureValue;
  /** The value main has stored. */
  saved: FigureValue;
  /** Text that failed the check (here or in main), shown outlined red with the reason; never saved. */
  invalid?: { raw: string; message: string };
}

/** A valid change to send to main. */
export interface SheetChange {
  cell: CellRef;
  value: FigureValue;
}

export interface EditInput {
  cell: CellRef;
  raw: string;
}

export interface ApplyResult {
  changes: SheetChange[];
  invalid: { cell: CellRef; message: string }[];
}

/** What an undo or redo did, and which cells it touched (the grid selects them). */
export interface UndoResult extends ApplyResult {
  cells: CellRef[];
}

interface UndoEntry {
  cells: { cell: CellRef; before: string; after: string }[];
}

/**
 * The figures of one system in one period as the entry grid edits them: saved values from main, the
 * clerk's committed values, invalid drafts with their reasons, and the undo history. Pure TypeScript:
 * the component re-renders on `subscribe`, and the page sends `changes` to main.
 */
export class EntrySheet {
  private readonly cells = new Map<string, CellState>();
  private readonly history = new UndoStack<UndoEntry>();
  private readonly listeners = new Set<(cells: readonly CellRef[] | 'all') => void>();
  private versionCounter = 0;

  constructor(
    private readonly specs: ReadonlyMap<string, FigureSpec>,
    figures: Readonly<Record<string, Readonly<Record<string, FigureValue>>>> = {},
  ) {
    for (const [indicatorId, byRegion] of Object.entries(figures)) {
      for (const [region, v] of Object.entries(byRegion))
        this.cells.set(cellKey({ indicatorId, region }), { value: v, saved: v });
    }
  }

  get version(): number {
    return this.versionCounter;
  }

  /** Called after every change with the cells that changed ('all' after a reload), so views redraw only those. */
  subscribe(listener: (cells: readonly CellRef[] | 'all') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(cells: readonly CellRef[] | 'all'): void {
    this.versionCounter++;
    for (const l of this.listeners) l(cells);
  }

  spec(indicatorId: string): FigureSpec | undefined {
    return this.specs.get(indicatorId);
  }

  state(cell: CellRef): CellState | undefined {
    return this.cells.get(cellKey(cell));
  }

  value(cell: CellRef): FigureValue {
    return this.cells.get(cellKey(cell))?.value ?? null;
  }

  /** What the cell shows: the invalid text when there is one, else the committed value. */
  text(cell: CellRef): string {
    const s = this.cells.get(cellKey(cell));
    if (!s) return '';
    return s.invalid ? s.invalid.raw : displayValue(s.value);
  }

  isPending(cell: CellRef): boolean {
    const s = this.cells.get(cellKey(cell));
    return s !== undefined && !s.invalid && !sameFigure(s.value, s.saved);
  }

  invalidCells(): { cell: CellRef; raw: string; message: string }[] {
    const out: { cell: CellRef; raw: string; message: string }[] = [];
    for (const [key, s] of this.cells) {
      if (!s.invalid) continue;
      const [indicatorId = '', region = ''] = key.split('\u0001');
      out.push({ cell: { indicatorId, region }, raw: s.invalid.raw, message: s.invalid.message });
    }
    return out;
  }

  /**
   * Commits texts to cells (typed, pasted, cleared, or restored by undo). Valid values become changes to
   * save; invalid ones stay as drafts with their reason. `record` adds one undo step for the whole batch.
   */
  apply(edits: readonly EditInput[], options: { record?: boolean } = {}): ApplyResult {
    const result: ApplyResult = { changes: [], invalid: [] };
    const undoCells: UndoEntry['cells'] = [];
    for (const { cell, raw } of edits) {
      const spec = this.specs.get(cell.indicatorId);
      if (!spec) continue;
      const key = cellKey(cell);
      const before = this.text(cell);
      const current = this.cells.get(key) ?? { value: null, saved: null };
      const parsed = validateEntry(raw, spec);
      if (!parsed.ok) {
        if (before === raw && current.invalid) continue;
        this.cells.set(key, { value: current.value, saved: current.saved, invalid: { raw, message: parsed.message } });
        result.invalid.push({ cell, message: parsed.message });
      } else {
        const unchanged = !current.invalid && sameFigure(current.value, parsed.value);
        if (unchanged) continue;
        this.cells.set(key, { value: parsed.value, saved: current.saved });
        // Back to the stored value (an undo, or re-typing it): nothing left to save.
        if (!sameFigure(parsed.value, current.value) || !sameFigure(parsed.value, current.saved)) {
          result.changes.push({ cell, value: parsed.value });
        }
      }
      undoCells.push({ cell, before, after: raw });
    }
    if (options.record && undoCells.length) this.history.push({ cells: undoCells });
    if (undoCells.length) this.changed(undoCells.map((c) => c.cell));
    return result;
  }

  undo(): UndoResult | null {
    const entry = this.history.undo();
    if (!entry) return null;
    return {
      ...this.apply(entry.cells.map((c) => ({ cell: c.cell, raw: c.before }))),
      cells: entry.cells.map((c) => c.cell),
    };
  }

  redo(): UndoResult | null {
    const entry = this.history.redo();
    if (!entry) return null;
    return {
      ...this.apply(entry.cells.map((c) => ({ cell: c.cell, raw: c.after }))),
      cells: entry.cells.map((c) => c.cell),
    };
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Main stored these values (a save returned): they are the new saved state. */
  markSaved(changes: readonly SheetChange[]): void {
    for (const c of changes) {
      const key = cellKey(c.cell);
      const s = this.cells.get(key);
      if (s) s.saved = c.value;
      else this.cells.set(key, { value: c.value, saved: c.value });
    }
    this.changed(changes.map((c) => c.cell));
  }

  /** Main refused a value: the cell shows it outlined red with main's reason, and keeps the stored value. */
  markRejected(cell: CellRef, message: string): void {
    const key = cellKey(cell);
    const s = this.cells.get(key) ?? { value: null, saved: null };
    this.cells.set(key, { value: s.saved, saved: s.saved, invalid: { raw: displayValue(s.value), message } });
    this.changed([cell]);
  }

  /**
   * Figures reloaded from main (another window saved, an import, a restore). Cells with unsaved or
   * invalid input keep what the clerk typed; every other cell takes main's value.
   */
  loadSaved(figures: Readonly<Record<string, Readonly<Record<string, FigureValue>>>>): void {
    const seen = new Set<string>();
    for (const [indicatorId, byRegion] of Object.entries(figures)) {
      for (const [region, v] of Object.entries(byRegion)) {
        const key = cellKey({ indicatorId, region });
        seen.add(key);
        this.updateSaved(key, v);
      }
    }
    for (const key of this.cells.keys()) if (!seen.has(key)) this.updateSaved(key, null);
    this.changed('all');
  }

  private updateSaved(key: string, v: FigureValue): void {
    const s = this.cells.get(key);
    if (!s) {
      this.cells.set(key, { value: v, saved: v });
      return;
    }
    const pending = s.invalid !== undefined || !sameFigure(s.value, s.saved);
    s.saved = v;
    if (!pending) s.value = v;
  }
}
