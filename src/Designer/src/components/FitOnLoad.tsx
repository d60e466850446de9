import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** Fits the diagram once, when its nodes have first been measured (the fitView prop can fit before every custom node has its size). */
export function FitOnLoad() {
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const done = useRef(false);
  useEffect(() => {
    if (!initialized || done.current) return;
    // Marked done when it runs, not when scheduled: StrictMode runs effects twice, clearing the first timer.
    const t = setTimeout(() => { done.current = true; void fitView({ padding: 0.1, maxZoom: 1, minZoom: 0.1 }); }, 50);
    return () => clearTimeout(t);
  }, [initialized, fitView]);
  return null;
}
