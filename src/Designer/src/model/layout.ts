import dagre from '@dagrejs/dagre';
import type { Edge } from '@xyflow/react';
import type { ActivityNode } from './graph';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 90;

/** Left-to-right layered layout (dagre); returns nodes with new positions. */
export function autoLayout(nodes: ActivityNode[], edges: Edge[]): ActivityNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 90 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) {
    g.setNode(n.id, { width: n.measured?.width ?? NODE_WIDTH, height: n.measured?.height ?? NODE_HEIGHT });
  }
  for (const e of edges) g.setEdge(e.source, e.target);
  dagre.layout(g);
  return nodes.map((n) => {
    const p = g.node(n.id);
    const w = n.measured?.width ?? NODE_WIDTH;
    const h = n.measured?.height ?? NODE_HEIGHT;
    return { ...n, position: { x: Math.round(p.x - w / 2), y: Math.round(p.y - h / 2) } };
  });
}
