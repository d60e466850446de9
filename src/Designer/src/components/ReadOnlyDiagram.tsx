import { Background, ControlButton, Controls, ReactFlow, useNodesState, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { withGeometry } from '../model/nodeGeometry';
import type { ActivityNode } from '../model/graph';
import { autoLayout } from '../model/elkWorker';
import { portsOf } from '../model/ports';
import { nodeTypes } from './ActivityNodeView';
import { CategoryIconSprite } from './CategoryIcon';
import { useDiagram } from './DiagramContext';
import { DiagramSearch } from './DiagramSearch';
import { FitOnLoad, MIN_ZOOM, useFit } from './FitOnLoad';

/** What the instance view opens on: the waiting and faulted activities (where someone has to act), if any. */
export function focusOn(states: Map<string, 'executed' | 'waiting' | 'faulted'> | undefined): string[] | undefined {
  const ids = [...(states ?? new Map())].filter(([, s]) => s === 'waiting' || s === 'faulted').map(([id]) => id);
  return ids.length > 0 ? ids : undefined;
}

/** Room above the diagram for the legend and the search box, so a fit never puts a node under them. */
const OVERLAY_ROOM = 90;

/**
 * The definition's diagram, not editable; its nodes kept in state so React Flow can record their measured size.
 * Opens centred on `focus` (what the instance waits for or failed at) at a readable zoom; a definition without
 * positions is laid out first.
 */
export function ReadOnlyDiagram({ nodes: initial, edges, unplaced, focus }: { nodes: ActivityNode[]; edges: Edge[]; unplaced: boolean; focus?: string[] }) {
  const { descriptors } = useDiagram();
  // With their sizes and handles (model/nodeGeometry.ts): drawn in one pass.
  const sized = useMemo(() => initial.map((n) => withGeometry(n, descriptors.get(n.data.activity.type))), [initial, descriptors]);
  const [nodes, setNodes, onNodesChange] = useNodesState<ActivityNode>(sized);
  const [fitKey, setFitKey] = useState(0);
  const [fitted, setFitted] = useState(false);
  const fit = useFit(false, OVERLAY_ROOM);
  const laidOut = useRef(!unplaced);
  useEffect(() => {
    if (laidOut.current) return;
    laidOut.current = true;
    void autoLayout(sized, edges, { ports: (n) => portsOf(n.data.activity, descriptors.get(n.data.activity.type)) }).then((laid) => {
      // Onto the nodes as React Flow has them (with their measured sizes).
      const at = new Map(laid.map((n) => [n.id, n.position]));
      setNodes((ns) => ns.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)));
      setFitKey((k) => k + 1);
    });
  }, [sized, edges, descriptors, setNodes]);
  return (
    <>
      <CategoryIconSprite />
      <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false}
        minZoom={MIN_ZOOM} onlyRenderVisibleElements={fitted} proOptions={{ hideAttribution: true }}>
        <Background />
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton onClick={() => void fit()} aria-label="Fit the whole workflow" title="Fit the whole workflow">⤢</ControlButton>
        </Controls>
        <FitOnLoad top={OVERLAY_ROOM} focus={focus} fitKey={fitKey} onFitted={() => setFitted(true)} />
      </ReactFlow>
      <DiagramSearch nodes={nodes} onPick={(id) => setNodes((ns) => ns.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })))} />
    </>
  );
}
