import { describe, expect, it } from 'vitest';
import { stageDelays } from './portal';

describe('stageDelays', () => {
  it('keeps the latest report per stage and ignores other entries', () => {
    const notes = stageDelays([
      { action: 'stage_late', reason: "stage 1 'Order Confirmation' passed its planned end" },
      { action: 'stage_delayed', reason: "stage 1 'Order Confirmation' delayed from 2026-12-07 to 2026-12-12: fabric is late" },
      { action: 'stage_delayed', reason: "stage 1 'Order Confirmation' delayed from 2026-12-12 to 2026-12-15: dye house closed: strike" },
      { action: 'stage_delayed', reason: null },
    ]);
    expect(notes.size).toBe(1);
    expect(notes.get(1)).toEqual({ newDate: '2026-12-15', reason: 'dye house closed: strike' });
  });

  it('is empty without reports', () => {
    expect(stageDelays([]).size).toBe(0);
  });
});
