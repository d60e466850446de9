import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type { ActivityNode } from '../model/graph';
import { INPUT_HANDLE } from '../model/graph';
import { BORDER, nodeGeometry, portCentre } from '../model/nodeGeometry';
import { hasInput, portsOf } from '../model/ports';
import { SpriteIcon } from './CategoryIcon';
import { useDiagram } from './DiagramContext';
import { GroupNodeView } from './GroupNodeView';
import { useNodeDetail } from './NodeDetail';

/**
 * One activity on the canvas: title, type (both only when zoomed in enough to read them), an input handle on top and one output handle per port along the bottom
 * (diagrams read top to bottom). Its box and handles are where model/nodeGeometry.ts says, whatever the text: the
 * editor gives React Flow those sizes up front, so nothing is measured before the diagram draws.
 */
function ActivityNodeViewInner({ id, data, selected }: NodeProps<ActivityNode>) {
  const { descriptors, errors, runStates } = useDiagram();
  const activity = data.activity;
  const descriptor = descriptors.get(activity.type);
  const ports = portsOf(activity, descriptor);
  const nodeErrors = errors.get(id) ?? [];
  const runState = runStates.get(id);
  const updateInternals = useUpdateNodeInternals();
  // Zoomed out (a large diagram fitted): the box, title, badges and handles only (NodeDetail).
  const detailed = useNodeDetail();
  const portKey = ports.join('|');
  // Handles changed (outcomes, cases, branches edited): React Flow must measure them again. Not on mount:
  // React Flow measures new nodes itself, and an early update per node would fit the view to the first one alone.
  const measuredPorts = useRef(portKey);
  useEffect(() => {
    if (measuredPorts.current === portKey) return;
    measuredPorts.current = portKey;
    updateInternals(id);
  }, [id, portKey, updateInternals]);

  const classes = ['activity-node', `category-${(descriptor?.category ?? 'unknown').toLowerCase()}`];
  if (selected) classes.push('selected');
  if (nodeErrors.length > 0) classes.push('has-errors');
  if (runState) classes.push(`run-${runState}`);
  const title = activity.name || descriptor?.displayName || activity.type;
  const input = hasInput(activity.type);
  const { width, height } = nodeGeometry(ports, input);
  return (
    <div className={classes.join(' ')} style={{ width, height }} data-testid={`node-${id}`} role="group" aria-label={`${title} (${activity.type})${nodeErrors.length ? `, ${nodeErrors.length} error(s)` : ''}${runState ? `, ${runState}` : ''}`}>
      {input && <Handle type="target" position={Position.Top} id={INPUT_HANDLE} title={`Input of ${id}`} />}
      <div className="node-title">
        {detailed && <SpriteIcon category={descriptor?.category} size={14} />}
        <span className="node-name" title={title}>{title}</span>
        {nodeErrors.length > 0 && <span className="error-badge" title={nodeErrors.map((e) => e.message).join('\n')}>{nodeErrors.length} {nodeErrors.length === 1 ? 'problem' : 'problems'}</span>}
        {runState && <span className={`run-badge run-${runState}`}>{runState}</span>}
      </div>
      {detailed && <div className="node-type">{activity.type} · <code>{id}</code>{!descriptor && <span className="unknown-type"> (unknown type)</span>}</div>}
      {detailed && ports.length > 0 && (
        // One column per port; each port's handle is a child of the node, at the bottom of its column's middle.
        <div className="node-ports ports-below" style={{ gridTemplateColumns: `repeat(${ports.length}, minmax(0, 1fr))` }}>
          {ports.map((p) => <span key={p} className="node-port" title={p}>{p}</span>)}
        </div>
      )}
      {ports.map((p, i) => (
        <Handle key={p} type="source" position={Position.Bottom} id={p} title={`Port ${p} of ${id}`} style={{ left: portCentre(i, ports.length, width) - BORDER }} />
      ))}
      {/* The messages float below the node (shown when it is selected or hovered): an error never changes its size. */}
      {nodeErrors.length > 0 && (
        <ul className="node-errors" data-testid={`errors-${id}`}>
          {nodeErrors.slice(0, 3).map((e, i) => <li key={i} title={e.field}>{e.message}</li>)}
          {nodeErrors.length > 3 && <li>… {nodeErrors.length - 3} more</li>}
        </ul>
      )}
    </div>
  );
}

export const ActivityNodeView = memo(ActivityNodeViewInner);
export const nodeTypes = { activity: ActivityNodeView, collapsed: GroupNodeView };
