/** Undo/redo stacks of snapshots; consecutive records with the same key within `coalesceMs` count once (typing). */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = 0;

  constructor(private readonly limit = 100, private readonly coalesceMs = 1500) {}

  /** Remember `current` before a change. */
  record(current: T, key?: string, now = Date.now()): void {
    if (key && key === this.lastKey && now - this.lastAt < this.coalesceMs) {
      this.lastAt = now;
      return;
    }
    this.past.push(current);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.lastKey = key ?? null;
    this.lastAt = now;
  }

  undo(current: T): T | undefined {
    const previous = this.past.pop();
    if (previous === undefined) return undefined;
    this.future.push(current);
    this.lastKey = null;
    return previous;
  }

  redo(current: T): T | undefined {
    const next = this.future.pop();
    if (next === undefined) return undefined;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  get canUndo(): boolean { return this.past.length > 0; }
  get canRedo(): boolean { return this.future.length > 0; }
}
