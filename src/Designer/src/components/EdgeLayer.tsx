import { getSmoothStepPath, Position, useStore, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import { memo } from 'react';

/**
 * Every connection of the diagram as one SVG path, drawn under the nodes: what the editor shows instead of React Flow's
 * edges while the diagram is zoomed out (below NodeDetail's DETAIL_ZOOM, and before the first fit). React Flow draws
 * each edge as its own component with several store subscriptions and three or four SVG elements; a fitted
 * 200-activity workflow spent about a quarter of its first drawing on them, for lines one pixel wide. The path is the
 * same smooth-step line between the same handle points, so nothing moves when React Flow's edges come back.
 *
 * `null` (React Flow must draw the edges) when an edge's end has no handle given up front (a collapsed group's box is
 * measured by React Flow, not by model/nodeGeometry.ts).
 */
export function edgeLayerPath(nodes: Node[], edges: Edge[]): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parts: string[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const from = source && handleOf(source, 'source', e.sourceHandle);
    const to = target && handleOf(target, 'target', e.targetHandle);
    if (!source || !target || !from || !to) return null;
    // Where React Flow puts an edge's ends: the middle of the handle's outer side (model/nodeGeometry.ts's handles).
    const [path] = getSmoothStepPath({
      sourceX: source.position.x + from.x + from.width / 2,
      sourceY: source.position.y + from.y + (from.position === Position.Bottom ? from.height : 0),
      sourcePosition: from.position,
      targetX: target.position.x + to.x + to.width / 2,
      targetY: target.position.y + to.y + (to.position === Position.Bottom ? to.height : 0),
      targetPosition: to.position,
    });
    parts.push(path);
  }
  return parts.join(' ');
}

function handleOf(node: Node, type: 'source' | 'target', id: string | null | undefined): (NodeHandle & { width: number; height: number }) | null {
  const h = node.handles?.find((x) => x.type === type && (id == null || x.id === id));
  return h && h.width !== undefined && h.height !== undefined ? (h as NodeHandle & { width: number; height: number }) : null;
}

const transformOf = (s: { transform: [number, number, number] }) => `translate(${s.transform[0]} ${s.transform[1]}) scale(${s.transform[2]})`;

/** The path of edgeLayerPath, in the viewport's transform; decorative (the nodes carry the names, React Flow's edges the details). */
function EdgeLayerInner({ path }: { path: string }) {
  const transform = useStore(transformOf);
  return (
    <svg className="edge-layer" aria-hidden="true" focusable="false" data-testid="edge-layer">
      <g transform={transform}><path className="react-flow__edge-path" d={path} /></g>
    </svg>
  );
}

export const EdgeLayer = memo(EdgeLayerInner);
