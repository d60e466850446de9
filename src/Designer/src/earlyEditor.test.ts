import { describe, expect, it } from 'vitest';
import { earlyEditorScript } from './earlyEditor';
import { latestVersionPath } from './screens/loaders';

/** Runs the early script on a page at `path`, with or without a token; what it preloaded and asked for. */
function run(path: string, token: string | null) {
  const links: { rel: string; href: string; crossOrigin: string | null }[] = [];
  const fetched: { path: string; headers: Record<string, string> }[] = [];
  const window: { sleekEarly?: Record<string, unknown> } = {};
  const globals = {
    window,
    location: { pathname: path },
    sessionStorage: { getItem: (k: string) => (k === 'sleek.token' ? token : null) },
    document: {
      createElement: () => ({ rel: '', href: '', crossOrigin: null }),
      head: { appendChild: (l: { rel: string; href: string; crossOrigin: string | null }) => links.push(l) },
    },
    fetch: (p: string, init: { headers: Record<string, string> }) => { fetched.push({ path: p, headers: init.headers }); return Promise.resolve(p); },
  };
  // The script's globals as parameters of a function made from its text.
  new Function(...Object.keys(globals), earlyEditorScript(['/assets/Editor-1.js', '/assets/flow-2.js']))(...Object.values(globals));
  return { links, fetched, early: window.sleekEarly };
}

describe('earlyEditorScript', () => {
  it("on a workflow's page, preloads the editor's chunks and asks what prefetchEditor asks, by the same paths", () => {
    const { links, fetched, early } = run('/workflows/order%20flow', 'tok');
    expect(links).toEqual([
      { rel: 'modulepreload', href: '/assets/Editor-1.js', crossOrigin: '' },
      { rel: 'modulepreload', href: '/assets/flow-2.js', crossOrigin: '' },
    ]);
    const paths = ['/api/activities', `/api/workflows/${encodeURIComponent('order flow')}`, latestVersionPath('order flow')];
    expect(fetched.map((f) => f.path)).toEqual(paths);
    expect(fetched[0].headers).toEqual({ accept: 'application/json', authorization: 'Bearer tok' });
    expect(Object.keys(early ?? {})).toEqual(paths);
  });

  it('does nothing without a token, on another page, or on a malformed id', () => {
    for (const [path, token] of [['/workflows/a', null], ['/instances/a', 'tok'], ['/workflows/a/b', 'tok'], ['/workflows/%E0%A4%A', 'tok']] as const) {
      const { links, fetched, early } = run(path, token);
      expect({ path, links, fetched, early }).toEqual({ path, links: [], fetched: [], early: undefined });
    }
  });
});
