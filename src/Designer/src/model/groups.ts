import type { Edge, Node, NodeHandle, Position } from '@xyflow/react';
import type { ActivityNode } from './graph';

/**
 * A set of activities drawn as one box. Purely a view of the diagram: the definition format has no place for it, so
 * the groups of a workflow are kept in this browser (localStorage), never sent to the server.
 */
export interface CollapsedGroup { id: string; name: string; members: string[]; position: { x: number; y: number } }

export interface GroupNodeData extends Record<string, unknown> { group: CollapsedGroup; count: number }
export type GroupNode = Node<GroupNodeData, 'collapsed'>;

export const GROUP_PREFIX = 'group:';
export const GROUP_SIZE = { width: 240, height: 76 };

// The box's two handles, given rather than measured: its changes are not kept in the nodes' state, so React Flow
// would never learn where they are and could not draw the connections to and from the group.
const groupHandles: NodeHandle[] = [
  { id: 'in', type: 'target', position: 'top' as unknown as Position, x: GROUP_SIZE.width / 2 - 4, y: -4, width: 8, height: 8 },
  { id: 'out', type: 'source', position: 'bottom' as unknown as Position, x: GROUP_SIZE.width / 2 - 4, y: GROUP_SIZE.height - 4, width: 8, height: 8 },
];

/** A new group of the given activities, placed where the first of them is (top left). */
export function newGroup(members: ActivityNode[], existing: CollapsedGroup[]): CollapsedGroup {
  let n = existing.length + 1;
  while (existing.some((g) => g.id === `g${n}`)) n++;
  const x = Math.min(...members.map((m) => m.position.x));
  const y = Math.min(...members.map((m) => m.position.y));
  const named = members.find((m) => m.data.activity.name)?.data.activity.name;
  return { id: `g${n}`, name: named ? `${named} and ${members.length - 1} more` : `${members.length} activities`, members: members.map((m) => m.id), position: { x, y } };
}

/**
 * What the canvas draws: the members of each group hidden and the group as one node; a connection inside a group
 * hidden; one crossing its border drawn to or from the group (once per pair). Without groups, the same arrays.
 */
export function applyGroups(nodes: ActivityNode[], edges: Edge[], groups: CollapsedGroup[]): { nodes: (ActivityNode | GroupNode)[]; edges: Edge[] } {
  const ids = new Set(nodes.map((n) => n.id));
  const live = groups.map((g) => ({ ...g, members: g.members.filter((m) => ids.has(m)) })).filter((g) => g.members.length > 0);
  if (live.length === 0) return { nodes, edges };
  const groupOf = new Map<string, string>();
  for (const g of live) for (const m of g.members) if (!groupOf.has(m)) groupOf.set(m, GROUP_PREFIX + g.id);
  const shownNodes: (ActivityNode | GroupNode)[] = nodes.map((n) => (groupOf.has(n.id) ? { ...n, hidden: true, selected: false } : n));
  for (const g of live) {
    shownNodes.push({
      id: GROUP_PREFIX + g.id, type: 'collapsed', position: g.position, ...GROUP_SIZE, handles: groupHandles, selectable: false, deletable: false, connectable: false,
      data: { group: g, count: g.members.length },
    });
  }
  const shownEdges: Edge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    const source = groupOf.get(e.source);
    const target = groupOf.get(e.target);
    if (!source && !target) { shownEdges.push(e); continue; }
    if (source && source === target) continue;
    const from = source ?? e.source;
    const to = target ?? e.target;
    const sourceHandle = source ? 'out' : e.sourceHandle;
    const targetHandle = target ? 'in' : e.targetHandle;
    const id = `${from}:${sourceHandle}->${to}:${targetHandle}`;
    if (seen.has(id)) continue;
    seen.add(id);
    shownEdges.push({ id, source: from, target: to, sourceHandle, targetHandle, selectable: false, deletable: false, className: 'edge-grouped' });
  }
  return { nodes: shownNodes, edges: shownEdges };
}

const storageKey = (definitionId: string) => `sleek.designer.groups.${definitionId}`;

export function loadGroups(definitionId: string): CollapsedGroup[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(definitionId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as CollapsedGroup[]) : [];
  } catch {
    return [];
  }
}

export function saveGroups(definitionId: string, groups: CollapsedGroup[]): void {
  try {
    if (groups.length === 0) localStorage.removeItem(storageKey(definitionId));
    else localStorage.setItem(storageKey(definitionId), JSON.stringify(groups));
  } catch {
    // A full or disabled storage: the groups last as long as the page.
  }
}
