import { prefetch } from '../api/useApi';
import type { WorkflowDefinition, WorkflowDetails } from '../model/types';

let editorModule: typeof import('./Editor') | null = null;

/** The editor's chunk (the editor, React Flow, the properties panel), loaded once; App's lazy route uses the same promise. */
export const loadEditor = () => import('./Editor').then((m) => (editorModule = m));

/** The editor's module once its chunk has loaded, else null: App then renders it directly, not through React.lazy. */
export const loadedEditor = () => editorModule;

/** Starts fetching the editor's chunk before it is needed (the workflow list, when it shows): opening a workflow then waits for no script. */
export function preloadEditor() {
  void loadEditor().catch(() => { /* the route shows the error when it needs the chunk */ });
}

/** The latest published version of a workflow (its export): asked beside the workflow itself, see prefetchEditor. */
export const latestVersionPath = (definitionId: string) => `/api/workflows/${encodeURIComponent(definitionId)}/export`;

/**
 * What the editor asks for on open (the palette, the workflow, its latest published version), asked while its chunk
 * is still loading: the requests run beside the script, not after it. The latest version is asked at once, beside the
 * workflow, not after its answer (which says whether there is a draft and which version is the latest): most workflows
 * open on it, and waiting for that answer made the two requests serial. Editor.tsx takes the answers. `sent`: those of
 * these requests the page's early script has already sent, by path (src/earlyEditor.ts).
 */
export function prefetchEditor(definitionId: string, sent: Record<string, Promise<Response>> = {}) {
  const details = `/api/workflows/${encodeURIComponent(definitionId)}`;
  void prefetch('/api/activities', sent['/api/activities']);
  void prefetch<WorkflowDetails>(details, sent[details]);
  void prefetch<WorkflowDefinition>(latestVersionPath(definitionId), sent[latestVersionPath(definitionId)]);
}
