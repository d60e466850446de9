import { describe, expect, it } from 'vitest';
import { clearAllLocalDrafts, clearLocalDraft, loadLocalDraft, saveLocalDraft, unsavedLocalDraft } from './localDrafts';
import type { WorkflowDefinition } from './types';

class MemoryStore {
  private items = new Map<string, string>();
  get length() { return this.items.size; }
  key(i: number) { return [...this.items.keys()][i] ?? null; }
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}

const def = (message: string): WorkflowDefinition => ({
  definitionId: 'flow', version: 2, name: 'Flow', variables: [], inputs: [],
  root: { activities: [{ id: 'start', type: 'Start' }, { id: 'log', type: 'Log', inputs: { message } }], connections: [] },
});

describe('local drafts', () => {
  it('keeps an unsaved edit per workflow until cleared', () => {
    const s = new MemoryStore();
    saveLocalDraft('flow', def('edited'), s, new Date('2026-12-05T01:00:00Z'));
    expect(loadLocalDraft('flow', s)?.definition.root.activities[1].inputs?.message).toBe('edited');
    expect(loadLocalDraft('flow', s)?.savedAt).toBe('2026-12-05T01:00:00.000Z');
    expect(loadLocalDraft('other', s)).toBeNull();
    clearLocalDraft('flow', s);
    expect(loadLocalDraft('flow', s)).toBeNull();
  });
  it('offers the local draft only when it differs from the server', () => {
    const s = new MemoryStore();
    saveLocalDraft('flow', def('edited'), s);
    expect(unsavedLocalDraft('flow', def('saved'), s)).not.toBeNull();
    expect(unsavedLocalDraft('flow', { ...def('edited'), version: 7 }, s)).toBeNull();
    expect(loadLocalDraft('flow', s)).toBeNull();
  });
  it('ignores garbage and forgets everything on sign-out', () => {
    const s = new MemoryStore();
    s.setItem('sleek.draft.bad', '{not json');
    expect(loadLocalDraft('bad', s)).toBeNull();
    saveLocalDraft('a', def('x'), s);
    s.setItem('sleek.token', 't');
    clearAllLocalDrafts(s);
    expect(s.length).toBe(1);
  });
});
