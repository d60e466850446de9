import { getViewportForBounds, useNodesInitialized, useReactFlow, useStore, useStoreApi, type FitViewOptions, type InternalNode, type Node, type Rect, type Viewport } from '@xyflow/react';
import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * The smallest zoom: nodes are 180-240 px wide, so at 0.05 each is still a box of ~10 px with its colours, and
 * a 200-activity diagram fits a laptop screen. Titles are readable from about 0.5 (search and the instance view
 * zoom there).
 */
export const MIN_ZOOM = 0.05;
/** The zoom a found or waiting activity is shown at: its 12 px title as 12 px. */
export const READABLE_ZOOM = 1;

/** The performance mark set each time a diagram has been drawn and fitted (bench/DesignerBenchmark.cs reads it). */
export const DIAGRAM_FITTED_MARK = 'sleek:diagram-fitted';

// The MiniMap's corner (200 × 150 at 15 px from the edges) and the room around it.
const MINIMAP_RIGHT = 230;
const MINIMAP_BOTTOM = 180;
const EDGE = 24;

/**
 * Fit options that keep every node clear of the minimap: the diagram gives up either a strip on the right or one
 * at the bottom, whichever leaves it bigger. `top` leaves room for an overlay (the instance view's legend).
 */
export function fitOptions(bounds: { width: number; height: number }, canvas: { width: number; height: number }, minimap: boolean, top = EDGE): FitViewOptions {
  const base = { minZoom: MIN_ZOOM, maxZoom: READABLE_ZOOM, duration: 0 };
  if (!minimap) return { ...base, padding: { top: `${top}px`, left: `${EDGE}px`, right: `${EDGE}px`, bottom: `${EDGE}px` } };
  const w = Math.max(bounds.width, 1);
  const h = Math.max(bounds.height, 1);
  const besideZoom = Math.min((canvas.width - EDGE - MINIMAP_RIGHT) / w, (canvas.height - top - EDGE) / h);
  const aboveZoom = Math.min((canvas.width - 2 * EDGE) / w, (canvas.height - top - MINIMAP_BOTTOM) / h);
  return besideZoom >= aboveZoom
    ? { ...base, padding: { top: `${top}px`, left: `${EDGE}px`, right: `${MINIMAP_RIGHT}px`, bottom: `${EDGE}px` } }
    : { ...base, padding: { top: `${top}px`, left: `${EDGE}px`, right: `${EDGE}px`, bottom: `${MINIMAP_BOTTOM}px` } };
}

/**
 * A fit of the whole diagram (or of `only` nodes) that leaves the minimap's corner free. The viewport is computed and
 * set at once from the sizes React Flow holds (React Flow's own fitView queues a re-render of every node and waits a
 * frame for it); the canvas size is read when it runs, so a fit scheduled before the first measure still fits.
 */
export function useFit(minimap: boolean, top?: number) {
  const { setViewport } = useReactFlow();
  const store = useStoreApi();
  return async (only?: string[]) => {
    const { width, height, nodeLookup } = store.getState();
    const bounds = boundsOf(nodeLookup, only);
    if (bounds === null || width === 0 || height === 0) return false;
    const options = fitOptions(bounds, { width, height }, minimap, top);
    return setViewport(getViewportForBounds(bounds, width, height, options.minZoom ?? MIN_ZOOM, options.maxZoom ?? READABLE_ZOOM, options.padding ?? 0), { duration: 0 });
  };
}

/**
 * The viewport a fit of these nodes gives on a canvas of this size (as useFit's), for React Flow's defaultViewport: a
 * diagram can then be drawn fitted in its first render. null when there is nothing to fit.
 */
export function fittedViewport(nodes: Node[], canvas: { width: number; height: number }, minimap: boolean, top?: number): Viewport | null {
  if (canvas.width === 0 || canvas.height === 0) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    if (n.hidden || n.parentId) continue;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + (n.measured?.width ?? n.width ?? 0));
    y1 = Math.max(y1, n.position.y + (n.measured?.height ?? n.height ?? 0));
  }
  if (x0 === Infinity) return null;
  const bounds = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const options = fitOptions(bounds, canvas, minimap, top);
  return getViewportForBounds(bounds, canvas.width, canvas.height, options.minZoom ?? MIN_ZOOM, options.maxZoom ?? READABLE_ZOOM, options.padding ?? 0);
}

/**
 * The box around the nodes (or the `only` ones) as React Flow holds them, null when there is none: one pass over the
 * store's nodes (React Flow's getNodesBounds looks each user node up again, a cost on the first drawing of 200).
 */
function boundsOf(nodeLookup: Map<string, InternalNode>, only?: string[]): Rect | null {
  const ids = only ? new Set(only) : null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const n of nodeLookup.values()) {
    if (n.hidden || (ids && !ids.has(n.id))) continue;
    const { x, y } = n.internals.positionAbsolute;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + (n.measured.width ?? n.width ?? 0));
    y1 = Math.max(y1, y + (n.measured.height ?? n.height ?? 0));
  }
  return x0 === Infinity ? null : { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * Fits the diagram when its nodes have first been measured (the fitView prop can fit before every custom node has
 * its size), and again whenever `fitKey` changes (a layout done on open, Auto-layout, an import). With `focus`,
 * fits those nodes instead, at a readable zoom (the instance view's waiting and faulted activities). `onFitted`
 * tells the page the first fit is done: only then may it render just the visible nodes (an unrendered node is
 * never measured, so the first fit would wait for ever).
 */
export function FitOnLoad({ minimap = false, top, focus, fitKey = 0, onFitted, drawnFitted = false }: { minimap?: boolean; top?: number; focus?: string[]; fitKey?: number; onFitted?: () => void; drawnFitted?: boolean }) {
  const initialized = useNodesInitialized();
  // The canvas's size is known (React Flow measures it in an effect, after this component's first one).
  const sized = useStore((s) => s.width > 0 && s.height > 0);
  const fit = useFit(minimap, top);
  const fitRef = useRef(fit);
  fitRef.current = fit;
  const fitted = useRef(onFitted);
  fitted.current = onFitted;
  // drawnFitted: the first render drew every node (each with its size given) for React Flow's defaultViewport, the fit
  // (fittedViewport): the next frame shows it fitted. The fit is still made in that frame, from what React Flow holds,
  // so the mark never claims a view React Flow has not applied; it changes nothing when the two agree. If React Flow
  // does not know the canvas's size yet, the effect below fits once it does.
  const done = useRef(drawnFitted ? fitKey : -1);
  useLayoutEffect(() => {
    if (!drawnFitted) return;
    const t = requestAnimationFrame(() => {
      void fitRef.current().then((ok) => {
        if (!ok) { done.current = -1; return; }
        performance.mark(DIAGRAM_FITTED_MARK);
        fitted.current?.();
      });
    });
    return () => cancelAnimationFrame(t);
  }, []); // the first render only
  const focusKey = (focus ?? []).join('|');
  useEffect(() => {
    // The first fit waits for every node's size; later ones (after a layout) use the sizes already known.
    if ((done.current < 0 && !initialized) || !sized || done.current === fitKey) return;
    // Marked done when it runs, not when scheduled: StrictMode runs effects twice, cancelling the first frame.
    // The next frame, not a fixed delay: the sizes are known once `initialized` is true (at once for nodes that come
    // with their size, as the editor's do: then this frame is the first one painted).
    const t = requestAnimationFrame(() => {
      done.current = fitKey;
      void fitRef.current(focusKey ? focusKey.split('|') : undefined).then(() => {
        // Every node is drawn and measured, and the view fitted: bench/'s designer part reads this mark.
        performance.mark(DIAGRAM_FITTED_MARK);
        fitted.current?.();
      });
    });
    return () => cancelAnimationFrame(t);
  }, [initialized, sized, fitKey, focusKey]);
  return null;
}
