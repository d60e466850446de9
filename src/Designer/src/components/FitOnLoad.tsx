import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Fits the diagram once, when its nodes have first been measured (the fitView prop can run before custom nodes have their size). */
export function FitOnLoad() {
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(false);
  useEffect(() => {
    if (!initialized || done.current) return;
    done.current = true;
    const t = setTimeout(() => void fitView({ padding: 0.15, maxZoom: 1 }), 30);
    return () => clearTimeout(t);
  }, [initialized, fitView]);
  return null;
}
