import { useLayoutEffect } from 'react';

/** The prefix of the performance measure each editor action leaves (bench/DesignerBenchmark.cs reads them). */
export const ACTION_MEASURE_PREFIX = 'sleek:action:';

/** The editor actions that are measured: each should paint within 100 ms on a 200-activity workflow. */
export type EditorAction = 'add' | 'select' | 'move' | 'connect' | 'delete' | 'undo' | 'redo' | 'edit';

// Actions begun since the last commit; the layout effect of the screen that changed hands them to the next frame.
let pending: { name: EditorAction; start: number }[] = [];
// A drag or a typed word leaves one measure per move or key: the oldest are dropped past this many per action.
const KEEP = 200;

/**
 * Starts measuring an action from the input event that caused it (its timeStamp, the same clock as performance.now()),
 * else from now. Call it in the handler, before the state change.
 */
export function beginAction(name: EditorAction, event?: { timeStamp: number } | null): void {
  const current = event ?? (typeof window !== 'undefined' ? (window.event as Event | undefined) : undefined);
  const start = current && current.timeStamp > 0 && current.timeStamp <= performance.now() ? current.timeStamp : performance.now();
  if (pending.some((p) => p.name === name)) return;
  const entry = { name, start };
  pending.push(entry);
  // An action that changed nothing (a click on the node already selected) commits nothing: it is not measured.
  setTimeout(() => { pending = pending.filter((p) => p !== entry); }, 2000);
}

/**
 * Ends the pending actions after the next painted frame: called in a layout effect of the screen whose state the
 * actions changed, so the commit has happened; a requestAnimationFrame callback runs just before the frame is
 * painted, and a task queued from it runs after the paint.
 */
export function useActionMarks(): void {
  useLayoutEffect(() => {
    if (pending.length === 0) return;
    const done = pending;
    pending = [];
    requestAnimationFrame(() => setTimeout(() => {
      const end = performance.now();
      for (const a of done) {
        const name = ACTION_MEASURE_PREFIX + a.name;
        if (performance.getEntriesByName(name, 'measure').length >= KEEP) performance.clearMeasures(name);
        performance.measure(name, { start: a.start, end });
      }
    }, 0));
  });
}
