import type { Edge } from '@xyflow/react';
import type { Bookmark, Incident, JournalEntry } from './types';

export type RunState = 'executed' | 'waiting' | 'faulted';

function portsOfEntry(entry: JournalEntry): string[] {
  if (!entry.ports) return [];
  if (Array.isArray(entry.ports)) return entry.ports;
  return entry.ports.split(',').map((p) => p.trim()).filter(Boolean);
}

/**
 * How an instance ran, from its journal, open bookmarks and incidents: each activity's state and the
 * ids of the edges it took (a port the journal records as taken, towards an activity that then ran or waits).
 */
export function pathTaken(journal: JournalEntry[], bookmarks: Bookmark[], incidents: Incident[], edges: Edge[]): { states: Map<string, RunState>; takenEdges: Set<string> } {
  const states = new Map<string, RunState>();
  const portsTaken = new Map<string, Set<string>>();
  for (const e of journal) {
    if (!e.activityId) continue;
    const event = e.event.toLowerCase();
    if (event.includes('fault')) states.set(e.activityId, 'faulted');
    else if (event === 'waiting') { if (!states.has(e.activityId)) states.set(e.activityId, 'waiting'); }
    else if (states.get(e.activityId) !== 'faulted') states.set(e.activityId, 'executed');
    for (const p of portsOfEntry(e)) {
      const set = portsTaken.get(e.activityId) ?? new Set<string>();
      set.add(p);
      portsTaken.set(e.activityId, set);
    }
  }
  for (const b of bookmarks) states.set(b.activityId, 'waiting');
  for (const i of incidents) if (i.activityId && !i.resolvedAt) states.set(i.activityId, 'faulted');
  const takenEdges = new Set<string>();
  for (const edge of edges) {
    if (portsTaken.get(edge.source)?.has(edge.sourceHandle ?? '') && states.has(edge.target)) takenEdges.add(edge.id);
  }
  return { states, takenEdges };
}
