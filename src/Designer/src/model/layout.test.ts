import ELK from 'elkjs/lib/elk.bundled.js';
import type { Edge } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import quoteToDelivery from '../../../../workflows/quote-to-delivery/v3.json';
import sample from '../../../../workflows/sample-approval/v1.json';
import { definitionToGraph, type ActivityNode } from './graph';
import { NODE_HEIGHT, NODE_WIDTH, elkGraph, layoutWith } from './layout';
import type { WorkflowDefinition } from './types';

const elk = new ELK();

/** A chain of n Log activities after a Start: the longest a workflow can get. */
function chain(n: number): { nodes: ActivityNode[]; edges: Edge[] } {
  const nodes: ActivityNode[] = [{ id: 'start', type: 'activity', position: { x: 0, y: 0 }, data: { activity: { id: 'start', type: 'Start' } } }];
  const edges: Edge[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `log${i}`;
    nodes.push({ id, type: 'activity', position: { x: 0, y: 0 }, data: { activity: { id, type: 'Log' } } });
    const source = i === 1 ? 'start' : `log${i - 1}`;
    edges.push({ id: `${source}:Done->${id}`, source, sourceHandle: 'Done', target: id, targetHandle: 'in' });
  }
  return { nodes, edges };
}

function bounds(nodes: ActivityNode[]) {
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  return { width: Math.max(...xs) - Math.min(...xs) + NODE_WIDTH, height: Math.max(...ys) - Math.min(...ys) + NODE_HEIGHT };
}

function overlaps(nodes: ActivityNode[]): boolean {
  return nodes.some((a, i) => nodes.slice(i + 1).some((b) =>
    Math.abs(a.position.x - b.position.x) < NODE_WIDTH && Math.abs(a.position.y - b.position.y) < NODE_HEIGHT));
}

describe('auto-layout (elkjs, layered)', { timeout: 60_000 }, () => {
  it('reads top to bottom: each activity below the one it follows, branches side by side', async () => {
    const graph = definitionToGraph(sample as unknown as WorkflowDefinition);
    const laid = new Map((await layoutWith(elk, graph.nodes, graph.edges)).map((n) => [n.id, n.position]));
    for (const e of graph.edges) expect(laid.get(e.target)!.y).toBeGreaterThan(laid.get(e.source)!.y);
    expect(laid.get('mark-approved')!.x).not.toBe(laid.get('mark-rejected')!.x);
  });

  it('wraps a long chain into columns instead of one very tall column', async () => {
    const { nodes, edges } = chain(60);
    const laid = await layoutWith(elk, nodes, edges, { aspectRatio: 1.6 });
    const box = bounds(laid);
    expect(overlaps(laid)).toBe(false);
    // Unwrapped, 61 nodes 50 px apart are ~8,500 px tall and 200 wide.
    expect(box.height).toBeLessThan(3000);
    expect(box.width).toBeGreaterThan(2 * NODE_WIDTH);
  });

  it('lays out quote-to-delivery (102 activities) without overlaps, in a shape near the screen\'s', async () => {
    const graph = definitionToGraph(quoteToDelivery as unknown as WorkflowDefinition);
    const laid = await layoutWith(elk, graph.nodes, graph.edges, { aspectRatio: 1.5 });
    expect(overlaps(laid)).toBe(false);
    const box = bounds(laid);
    console.log(`quote-to-delivery laid out: ${box.width} × ${box.height}`);
    // Before (left to right): 13,700 px wide for 900 px of screen height.
    expect(box.width / box.height).toBeLessThan(4);
    expect(box.width / box.height).toBeGreaterThan(0.4);
  });

  it('gives ELK the input port on top and the output ports below, in the order the node draws them', () => {
    const { nodes, edges } = chain(1);
    const g = elkGraph(nodes, edges, { ports: (n) => (n.id === 'log1' ? ['Done', 'Failed'] : ['Done']) });
    const log = g.children!.find((c) => c.id === 'log1')!;
    expect(log.ports!.map((p) => p.layoutOptions!['elk.port.side'])).toEqual(['NORTH', 'SOUTH', 'SOUTH']);
    expect(g.layoutOptions!['elk.direction']).toBe('DOWN');
    expect(g.edges).toHaveLength(1);
  });
});
