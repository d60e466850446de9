/**
 * Unsaved edits kept in the browser (localStorage, one key per workflow) until the server has them: a closed tab,
 * an expired session or a crash does not lose them. Cleared by a successful save or publish, by Discard, and by
 * signing out (a shared computer keeps no one's work).
 */
import { canonical } from './diff';
import type { WorkflowDefinition } from './types';

const PREFIX = 'sleek.draft.';

export interface LocalDraft { definition: WorkflowDefinition; savedAt: string }

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function store(s?: Store): Store | null {
  if (s) return s;
  try { return window.localStorage; } catch { return null; }
}

export function saveLocalDraft(definitionId: string, definition: WorkflowDefinition, s?: Store, now = new Date()): void {
  const st = store(s);
  if (!st) return;
  try {
    st.setItem(PREFIX + definitionId, JSON.stringify({ definition, savedAt: now.toISOString() } satisfies LocalDraft));
  } catch {
    // Full or disabled storage: the navigation prompt still guards the edit.
  }
}

export function loadLocalDraft(definitionId: string, s?: Store): LocalDraft | null {
  const text = store(s)?.getItem(PREFIX + definitionId);
  if (!text) return null;
  try {
    const draft = JSON.parse(text) as LocalDraft;
    return draft.definition?.root && Array.isArray(draft.definition.root.activities) ? draft : null;
  } catch {
    return null;
  }
}

export function clearLocalDraft(definitionId: string, s?: Store): void {
  store(s)?.removeItem(PREFIX + definitionId);
}

export function clearAllLocalDrafts(s?: Store): void {
  const st = store(s);
  if (!st) return;
  const keys: string[] = [];
  for (let i = 0; i < st.length; i++) {
    const k = st.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  keys.forEach((k) => st.removeItem(k));
}

/** The local draft when it differs from what the server holds (version numbers aside), else null. */
export function unsavedLocalDraft(definitionId: string, server: WorkflowDefinition, s?: Store): LocalDraft | null {
  const local = loadLocalDraft(definitionId, s);
  if (!local) return null;
  const same = canonical({ ...local.definition, version: 0 }) === canonical({ ...server, version: 0 });
  if (same) {
    clearLocalDraft(definitionId, s);
    return null;
  }
  return local;
}
