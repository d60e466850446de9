import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiOnce, prefetch, takePrefetched } from './useApi';

// The editor's requests asked beside its chunk: the screen takes each prefetched answer once, then asks again.
describe('prefetch and apiOnce', () => {
  let calls: string[];
  beforeEach(() => {
    calls = [];
    const store = new Map<string, string>();
    vi.stubGlobal('sessionStorage', { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => store.set(k, v), removeItem: (k: string) => store.delete(k) });
    vi.stubGlobal('fetch', async (path: string) => {
      calls.push(path);
      return new Response(JSON.stringify({ n: calls.length }), { status: 200 });
    });
  });
  afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); });

  it('answers the first apiOnce from the prefetch, and the next one from the server', async () => {
    const early = prefetch<{ n: number }>('/api/a');
    expect(await apiOnce<{ n: number }>('/api/a')).toEqual(await early);
    expect(calls).toEqual(['/api/a']);
    expect(await apiOnce<{ n: number }>('/api/a')).toEqual({ n: 2 });
    expect(calls).toEqual(['/api/a', '/api/a']);
  });

  it('asks once when the same path is prefetched twice', async () => {
    void prefetch('/api/b');
    void prefetch('/api/b');
    await apiOnce('/api/b');
    expect(calls).toEqual(['/api/b']);
  });

  it('ignores a prefetched answer that is no longer fresh', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    void prefetch('/api/c');
    vi.setSystemTime(Date.now() + 60_000);
    await apiOnce('/api/c');
    expect(calls).toEqual(['/api/c', '/api/c']);
  });

  it('takes a prefetched answer once, and asks nothing when there was none', async () => {
    expect(takePrefetched('/api/d')).toBeNull();
    const early = prefetch<{ n: number }>('/api/d');
    expect(await takePrefetched<{ n: number }>('/api/d')).toEqual(await early);
    expect(takePrefetched('/api/d')).toBeNull();
    expect(calls).toEqual(['/api/d']);
  });

  it("takes a request the page's early script sent instead of sending it again", async () => {
    const sent = Promise.resolve(new Response(JSON.stringify({ early: true }), { status: 200 }));
    void prefetch('/api/e', sent);
    expect(await apiOnce('/api/e')).toEqual({ early: true });
    expect(calls).toEqual([]);
  });

  it('asks again when the early request failed to reach the server', async () => {
    const sent = Promise.reject(new TypeError('network'));
    void prefetch('/api/f', sent);
    expect(await apiOnce('/api/f')).toEqual({ n: 1 });
    expect(calls).toEqual(['/api/f']);
  });
});
