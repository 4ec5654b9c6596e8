/**
 * Undo and redo of committed edits. One entry is one user action (a typed cell, a cleared block, a pasted
 * block), so Ctrl+Z after a paste takes the whole block back at once.
 */
export class UndoStack<T> {
  private done: T[] = [];
  private undone: T[] = [];

  constructor(private readonly limit = 500) {}

  push(entry: T): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The entry to revert, now moved to the redo side; undefined when there is nothing to undo. */
  undo(): T | undefined {
    const entry = this.done.pop();
    if (entry !== undefined) this.undone.push(entry);
    return entry;
  }

  redo(): T | undefined {
    const entry = this.undone.pop();
    if (entry !== undefined) this.done.push(entry);
    return entry;
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }

  clear(): void {
    this.done = [];
    this.undone = [];
  }
}
