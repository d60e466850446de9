import type { Edge } from '@xyflow/react';
import type { ActivityNode } from './graph';
import { layoutWith, type ElkLike, type LayoutOptionsIn } from './layout';

let elk: Promise<ElkLike> | null = null;

/**
 * elkjs, loaded on first use (it is ~1.5 MB, so not in the main bundle), running in a web worker served from this
 * origin (the CSP's script-src 'self' covers it; elkjs needs no eval).
 */
function loadElk(): Promise<ElkLike> {
  elk ??= Promise.all([import('elkjs/lib/elk-api'), import('elkjs/lib/elk-worker.min.js?url')])
    .then(([api, worker]) => new api.default({ workerUrl: worker.default }));
  return elk;
}

/** The layered top-to-bottom layout (see layout.ts), computed off the main thread. */
export async function autoLayout(nodes: ActivityNode[], edges: Edge[], options: LayoutOptionsIn = {}): Promise<ActivityNode[]> {
  return layoutWith(await loadElk(), nodes, edges, options);
}
