import { describe, expect, it } from 'vitest';
import { readsLeftToRight } from './direction';
import type { WorkflowDefinition } from './types';

const chain = (positions: [number, number][]): WorkflowDefinition => ({
  definitionId: 'w',
  name: 'w',
  root: {
    activities: positions.map(([x, y], i) => ({ id: `a${i}`, type: 'Log', position: { x, y } })),
    connections: positions.slice(1).map((_, i) => ({ source: { activity: `a${i}`, port: 'Done' }, target: { activity: `a${i + 1}` } })),
  },
});

describe('stored direction', () => {
  it('tells a left-to-right diagram (older versions) from a top-to-bottom one', () => {
    expect(readsLeftToRight(chain([[0, 0], [260, 0], [520, 40], [780, 0]]))).toBe(true);
    expect(readsLeftToRight(chain([[0, 0], [0, 160], [40, 320], [0, 480]]))).toBe(false);
  });

  it('reads wrapped columns as top to bottom: only the jump to the next column goes right', () => {
    expect(readsLeftToRight(chain([[0, 0], [0, 160], [0, 320], [300, 0], [300, 160], [300, 320]]))).toBe(false);
  });

  it('needs at least two placed connections to decide', () => {
    expect(readsLeftToRight(chain([[0, 0], [300, 0]]))).toBe(false);
    const unplaced = chain([[0, 0], [300, 0], [600, 0]]);
    unplaced.root.activities.forEach((a) => delete a.position);
    expect(readsLeftToRight(unplaced)).toBe(false);
  });
});
