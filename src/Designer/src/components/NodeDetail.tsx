import { useStore } from '@xyflow/react';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * Below this zoom a node's 12 px text is under 5 px on screen: nodes draw their box, title and handles only (a fitted
 * 200-activity diagram is at about 0.2). Its size and handles stay the same, so nothing moves when the detail comes back.
 */
export const DETAIL_ZOOM = 0.4;

const NodeDetailContext = createContext(true);

/** Whether activity nodes draw their details (icon, type, id, port names); true outside a NodeDetail. */
export function useNodeDetail(): boolean {
  return useContext(NodeDetailContext);
}

/**
 * Tells the nodes inside whether to draw their details: not before the first fit (the zoom is not known yet, and a
 * large diagram would be drawn in full only to be drawn again small), then whenever the zoom is readable. One store
 * subscription for all nodes; they draw again only when the zoom crosses DETAIL_ZOOM.
 */
export function NodeDetail({ fitted, children }: { fitted: boolean; children: ReactNode }) {
  const readable = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  return <NodeDetailContext.Provider value={fitted && readable}>{children}</NodeDetailContext.Provider>;
}
