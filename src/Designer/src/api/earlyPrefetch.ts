import { loadEditor, prefetchEditor } from '../screens/loaders';
import { getToken } from './client';

/**
 * A page opened on a workflow (a reload, a link) asks for the editor's data and chunk before anything else runs:
 * main.tsx imports this module first, so it runs before React and the app's modules are set up and the first render,
 * instead of after them. App asks again on its first render and gets these same requests (api/useApi.ts prefetch).
 */
const opened = /^\/workflows\/([^/]+)\/?$/.exec(window.location.pathname);
if (opened && getToken() !== null) {
  try {
    // The requests the page's early script sent, if it ran (src/earlyEditor.ts): taken, not asked again.
    prefetchEditor(decodeURIComponent(opened[1]), (window as { sleekEarly?: Record<string, Promise<Response>> }).sleekEarly);
    void loadEditor().catch(() => { /* the route shows the error when it needs the chunk */ });
  } catch {
    // A malformed id: the route shows it.
  }
}
