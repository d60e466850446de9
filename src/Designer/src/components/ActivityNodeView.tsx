import { Handle, Position, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import type { ActivityNode } from '../model/graph';
import { INPUT_HANDLE } from '../model/graph';
import { hasInput, portsOf } from '../model/ports';
import { CategoryIcon } from './CategoryIcon';
import { useDiagram } from './DiagramContext';
import { GroupNodeView } from './GroupNodeView';

/** One activity on the canvas: title, type, an input handle on top and one output handle per port along the bottom (diagrams read top to bottom). */
function ActivityNodeViewInner({ id, data, selected }: NodeProps<ActivityNode>) {
  const { descriptors, errors, runStates } = useDiagram();
  const activity = data.activity;
  const descriptor = descriptors.get(activity.type);
  const ports = portsOf(activity, descriptor);
  const nodeErrors = errors.get(id) ?? [];
  const runState = runStates.get(id);
  const updateInternals = useUpdateNodeInternals();
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
  return (
    <div className={classes.join(' ')} data-testid={`node-${id}`} role="group" aria-label={`${title} (${activity.type})${nodeErrors.length ? `, ${nodeErrors.length} error(s)` : ''}${runState ? `, ${runState}` : ''}`}>
      {hasInput(activity.type) && <Handle type="target" position={Position.Top} id={INPUT_HANDLE} title={`Input of ${id}`} />}
      <div className="node-title">
        <CategoryIcon category={descriptor?.category} size={14} />
        <span className="node-name">{title}</span>
        {nodeErrors.length > 0 && <span className="error-badge" title={nodeErrors.map((e) => e.message).join('\n')}>{nodeErrors.length} {nodeErrors.length === 1 ? 'problem' : 'problems'}</span>}
        {runState && <span className={`run-badge run-${runState}`}>{runState}</span>}
      </div>
      <div className="node-type">{activity.type} · <code>{id}</code>{!descriptor && <span className="unknown-type"> (unknown type)</span>}</div>
      {ports.length > 0 && (
        <div className="node-ports ports-below">
          {ports.map((p) => (
            <div key={p} className="node-port">
              <span>{p}</span>
              <Handle type="source" position={Position.Bottom} id={p} title={`Port ${p} of ${id}`} />
            </div>
          ))}
        </div>
      )}
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
