import type { Edge } from '@xyflow/react';
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import { INPUT_HANDLE, type ActivityNode } from './graph';

export const NODE_WIDTH = 200;
export const NODE_HEIGHT = 90;

/** What runs the layout: elkjs's ELK (a web worker in the browser, the bundled build in tests). */
export interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
}

export interface LayoutOptionsIn {
  /** The output ports of a node, in the order the node draws them (left to right); by default the ports its edges use. */
  ports?: (node: ActivityNode) => string[];
  /** Width / height of the area the diagram should fill; long chains wrap into columns to approach it. */
  aspectRatio?: number;
  /** Height (px) above which a layout wraps its long chains; shorter ones simply read top to bottom. */
  wrapAbove?: number;
}

const portId = (node: string, port: string) => `${node}\u0000${port}`;

/**
 * The ELK graph of a diagram: layered, top to bottom, the input port on top and the output ports below in the
 * node's order; model order kept where it does not cost crossings (a stable layout); chains longer than the area
 * allows wrap into side-by-side columns (ELK's graph wrapping).
 */
export function elkGraph(nodes: ActivityNode[], edges: Edge[], options: LayoutOptionsIn = {}, wrap = true): ElkNode {
  const ids = new Set(nodes.map((n) => n.id));
  const used = new Map<string, string[]>();
  for (const e of edges) {
    const port = e.sourceHandle ?? 'Done';
    const list = used.get(e.source) ?? [];
    if (!list.includes(port)) list.push(port);
    used.set(e.source, list);
  }
  const children: ElkNode[] = nodes.map((n) => {
    const outs = [...(options.ports?.(n) ?? []), ...(used.get(n.id) ?? [])].filter((p, i, all) => all.indexOf(p) === i);
    const width = n.measured?.width ?? NODE_WIDTH;
    // Ports are ordered clockwise: on the south side that is right to left.
    const ports: ElkPort[] = [
      { id: portId(n.id, INPUT_HANDLE), layoutOptions: { 'elk.port.side': 'NORTH', 'elk.port.index': '0' } },
      ...outs.map((p, i) => ({
        id: portId(n.id, p),
        x: Math.round(((i + 0.5) / outs.length) * width), y: n.measured?.height ?? NODE_HEIGHT,
        layoutOptions: { 'elk.port.side': 'SOUTH', 'elk.port.index': String(outs.length - i) },
      })),
    ];
    return { id: n.id, width, height: n.measured?.height ?? NODE_HEIGHT, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
  });
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, sources: [portId(e.source, e.sourceHandle ?? 'Done')], targets: [portId(e.target, INPUT_HANDLE)] }));
  const layoutOptions: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '50',
    'elk.spacing.componentComponent': '60',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.wrapping.strategy': wrap ? 'MULTI_EDGE' : 'OFF',
    'elk.layered.wrapping.additionalEdgeSpacing': '20',
    'elk.aspectRatio': String(options.aspectRatio ?? 1.6),
  };
  return { id: 'root', layoutOptions, children, edges: elkEdges };
}

/** Nodes moved to where ELK placed them (top-left corners, whole pixels). */
export function applyLayout(nodes: ActivityNode[], laid: ElkNode): ActivityNode[] {
  const at = new Map((laid.children ?? []).map((c) => [c.id, c]));
  return nodes.map((n) => {
    const c = at.get(n.id);
    return c && c.x !== undefined && c.y !== undefined ? { ...n, position: { x: Math.round(c.x), y: Math.round(c.y) } } : n;
  });
}

/** Layered top-to-bottom layout of the nodes with the given ELK; returns nodes with new positions. */
export async function layoutWith(elk: ElkLike, nodes: ActivityNode[], edges: Edge[], options: LayoutOptionsIn = {}): Promise<ActivityNode[]> {
  if (nodes.length === 0) return nodes;
  // Straight first: a diagram that fits a screen or two reads best in one column of layers.
  const straight = await elk.layout(elkGraph(nodes, edges, options, false));
  if ((straight.height ?? 0) <= (options.wrapAbove ?? 1800)) return applyLayout(nodes, straight);
  return applyLayout(nodes, await elk.layout(elkGraph(nodes, edges, options, true)));
}
