import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { applyGroups, newGroup } from './groups';
import type { ActivityNode } from './graph';

const node = (id: string, x: number, y: number, name?: string): ActivityNode => ({ id, type: 'activity', position: { x, y }, data: { activity: { id, type: 'Log', ...(name ? { name } : {}) } } });
const edge = (source: string, target: string, port = 'Done'): Edge => ({ id: `${source}:${port}->${target}`, source, sourceHandle: port, target, targetHandle: 'in' });

const nodes = [node('a', 0, 0), node('b', 0, 160, 'Check stock'), node('c', 40, 320), node('d', 0, 480)];
const edges = [edge('a', 'b'), edge('b', 'c'), edge('b', 'd', 'Skip'), edge('c', 'd')];

describe('collapsed groups', () => {
  it('names and places a new group after its members', () => {
    const g = newGroup([nodes[1], nodes[2]], []);
    expect(g).toEqual({ id: 'g1', name: 'Check stock and 1 more', members: ['b', 'c'], position: { x: 0, y: 160 } });
    expect(newGroup([nodes[0], nodes[3]], [g]).id).toBe('g2');
  });

  it('hides the members, draws the group, and routes crossing connections to it once', () => {
    const shown = applyGroups(nodes, edges, [newGroup([nodes[1], nodes[2]], [])]);
    expect(shown.nodes.filter((n) => !n.hidden).map((n) => n.id)).toEqual(['a', 'd', 'group:g1']);
    // b→c is inside; b→d (Skip) and c→d both leave the group: one edge from it to d.
    expect(shown.edges.map((e) => e.id)).toEqual(['a:Done->group:g1:in', 'group:g1:out->d:in']);
  });

  it('changes nothing without groups, and forgets members that no longer exist', () => {
    const shown = applyGroups(nodes, edges, []);
    expect(shown.nodes).toBe(nodes);
    expect(shown.edges).toBe(edges);
    expect(applyGroups(nodes, edges, [{ id: 'g1', name: 'gone', members: ['x'], position: { x: 0, y: 0 } }]).nodes).toBe(nodes);
  });
});
