import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Group } from 'lucide-react';
import { createContext, memo, useContext } from 'react';
import { INPUT_HANDLE } from '../model/graph';
import type { GroupNode } from '../model/groups';

/** What a collapsed group's box can do: expand back into its activities. */
export const GroupActions = createContext<{ expand: (groupId: string) => void }>({ expand: () => undefined });

/** A collapsed group on the canvas: its name, how many activities it holds, and Expand; one input on top, one output below. */
function GroupNodeViewInner({ data }: NodeProps<GroupNode>) {
  const { expand } = useContext(GroupActions);
  const { group, count } = data;
  // An unnamed group is already called "N activities": say the count once.
  const countText = group.name === `${count} activities` ? '' : `${count} activities · `;
  return (
    <div className="group-node" data-testid={`group-${group.id}`} role="group" aria-label={countText ? `Group ${group.name}, ${count} activities` : `Group of ${count} activities`}>
      <Handle type="target" position={Position.Top} id={INPUT_HANDLE} isConnectable={false} />
      <div className="node-title"><Group size={14} aria-hidden="true" className="category-icon" /> <span className="node-name">{group.name}</span></div>
      <div className="node-type">{countText}<button type="button" className="link-button nodrag" onClick={() => expand(group.id)}>Expand</button></div>
      <Handle type="source" position={Position.Bottom} id="out" isConnectable={false} />
    </div>
  );
}

export const GroupNodeView = memo(GroupNodeViewInner);
