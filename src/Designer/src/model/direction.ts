import type { WorkflowDefinition } from './types';

/**
 * Whether a definition's stored positions read left to right (how versions before the top-to-bottom layout were
 * saved): most connections go rightwards rather than down. Such a diagram is laid out again when it opens, else
 * its edges loop from each bottom port back up to the next node's top.
 */
export function readsLeftToRight(definition: WorkflowDefinition): boolean {
  const at = new Map(definition.root.activities.filter((a) => a.position).map((a) => [a.id, a.position!]));
  let rightwards = 0;
  let counted = 0;
  for (const c of definition.root.connections) {
    const from = at.get(c.source.activity);
    const to = at.get(c.target.activity);
    if (!from || !to || c.source.activity === c.target.activity) continue;
    counted++;
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    if (dx > 0 && Math.abs(dx) > Math.abs(dy)) rightwards++;
  }
  return counted >= 2 && rightwards / counted >= 0.6;
}
