import { prefetch } from '../api/useApi';
import type { WorkflowDetails } from '../model/types';

/** The editor's chunk (the editor, React Flow, the properties panel), loaded once; App's lazy route uses the same promise. */
export const loadEditor = () => import('./Editor');

/** Starts fetching the editor's chunk before it is needed (the workflow list, when it shows): opening a workflow then waits for no script. */
export function preloadEditor() {
  void loadEditor().catch(() => { /* the route shows the error when it needs the chunk */ });
}

/**
 * What the editor asks for on open (the palette, the workflow, its latest version when there is no draft), asked
 * while its chunk is still loading: the requests run beside the script, not after it. Editor.tsx takes the answers.
 */
export function prefetchEditor(definitionId: string) {
  const id = encodeURIComponent(definitionId);
  void prefetch('/api/activities');
  prefetch<WorkflowDetails>(`/api/workflows/${id}`).then((d) => {
    if (!d.draft && d.latestVersion > 0) void prefetch(`/api/workflows/${id}/versions/${d.latestVersion}`);
  }, () => { /* the editor shows the error */ });
}
