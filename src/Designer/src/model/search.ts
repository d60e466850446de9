import type { ActivityDefinition } from './types';

export interface SearchHit {
  id: string;
  title: string;
  type: string;
}

/** How well an activity matches: 0 best; undefined when it does not match. */
function rank(query: string, a: Pick<ActivityDefinition, 'id' | 'type' | 'name'>): number | undefined {
  const id = a.id.toLowerCase();
  const name = (a.name ?? '').toLowerCase();
  if (id === query || name === query) return 0;
  // A word of the name starting with the query ("payment" in "Deposit payment intent"), before a part of a word.
  // A status value like awaiting_payment is one word.
  const words = name.split(/[^a-z0-9_]+/);
  if (words.some((w) => w.startsWith(query))) return 1;
  if (id.split(/[^a-z0-9]+/).some((w) => w.startsWith(query))) return 2;
  if (name.includes(query) || id.includes(query)) return 3;
  if (a.type.toLowerCase().includes(query)) return 4;
  return undefined;
}

/**
 * Activities whose name, id or type match what was typed (case-insensitive), best first: an exact name or id,
 * then a word that starts with it, then any part; ties keep the workflow's own order.
 */
export function searchActivities(activities: Pick<ActivityDefinition, 'id' | 'type' | 'name'>[], typed: string, limit = 12): SearchHit[] {
  const query = typed.trim().toLowerCase();
  if (query === '') return [];
  return activities
    .map((a, order) => ({ a, order, r: rank(query, a) }))
    .filter((x): x is { a: typeof x.a; order: number; r: number } => x.r !== undefined)
    .sort((x, y) => x.r - y.r || x.order - y.order)
    .slice(0, limit)
    .map(({ a }) => ({ id: a.id, title: a.name || a.id, type: a.type }));
}
