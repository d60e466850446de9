import { ReactFlowProvider, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import { useApi } from '../api/useApi';
import { definitionToGraph } from '../model/graph';
import { pathTaken } from '../model/path';
import type { ActivityDescriptor, InstanceDetails, WorkflowDefinition } from '../model/types';
import { Link } from '../router';
import { DiagramContext } from './DiagramContext';
import { ErrorBox, Loading, StatusBadge } from './Feedback';
import { focusOn, ReadOnlyDiagram } from './ReadOnlyDiagram';

/**
 * A child workflow's diagram (ExecuteWorkflow / DispatchWorkflow) opened inside its parent's page: the path it took,
 * centred on what it waits for, without leaving the parent.
 */
export function ChildInstancePanel({ childId, descriptors, onClose }: { childId: string; descriptors: ActivityDescriptor[]; onClose: () => void }) {
  const child = useApi<InstanceDetails>(`/api/instances/${childId}`);
  const inst = child.data;
  const definition = useApi<WorkflowDefinition>(inst ? `/api/workflows/${encodeURIComponent(inst.definitionId)}/versions/${inst.version}` : null);
  const graph = useMemo(() => (definition.data ? definitionToGraph(definition.data) : null), [definition.data]);
  const path = useMemo(() => (graph && inst ? pathTaken(inst.journal, inst.bookmarks, inst.incidents, graph.edges) : null), [graph, inst]);
  const edges: Edge[] = useMemo(() => (graph && path ? graph.edges.map((e) => ({
    ...e, type: 'smoothstep', animated: path.takenEdges.has(e.id), className: path.takenEdges.has(e.id) ? 'edge-taken' : 'edge-idle',
  })) : []), [graph, path]);
  const diagram = useMemo(() => ({
    descriptors: new Map(descriptors.map((d) => [d.type, d])), errors: new Map(), runStates: path?.states ?? new Map(), readOnly: true,
  }), [descriptors, path]);
  const title = inst ? `${inst.definitionId} v${inst.version}` : 'child workflow';

  return (
    <section className="panel child-panel" aria-label={`Child workflow ${title}`} data-testid="child-panel">
      <div className="page-header">
        <h2>Child workflow: {title} {inst && <StatusBadge status={inst.status} />}</h2>
        <div className="actions">
          <button type="button" onClick={child.reload}>Refresh</button>
          <Link to={`/instances/${childId}`}>Open its own page</Link>
          <button type="button" onClick={onClose} aria-label="Close the child workflow">✕</button>
        </div>
      </div>
      <ErrorBox error={child.error ?? definition.error} title="Could not load the child workflow" />
      {!graph && !child.error && !definition.error && <Loading what="the child workflow" />}
      {graph && inst && (
        <div className="canvas instance-canvas child-canvas" aria-label={`Diagram of ${title}`} data-testid="child-canvas">
          <ReactFlowProvider>
            <DiagramContext.Provider value={diagram}>
              <ReadOnlyDiagram key={childId} nodes={graph.nodes} edges={edges} unplaced={definition.data!.root.activities.some((a) => !a.position)} focus={focusOn(path?.states)} />
            </DiagramContext.Provider>
          </ReactFlowProvider>
          {inst.bookmarks.length > 0 && <p className="child-waiting small">Waiting for {inst.bookmarks.map((b) => b.activityId).join(', ')}</p>}
        </div>
      )}
    </section>
  );
}
