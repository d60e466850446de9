import { useCallback, useEffect, useState } from 'react';
import { api } from './client';

// GETs started before the screen that needs them has loaded (its chunk still on the way): the screen's first load
// takes the answer instead of asking again. Each is used once, and only while fresh.
const prefetched = new Map<string, { at: number; answer: Promise<unknown> }>();
const PREFETCH_FRESH_MS = 10_000;

/**
 * Starts a GET now, for a useApi (or apiOnce) of the same path that mounts soon; returns its answer. `sent`: its
 * request, already sent by the page's early script (api's `sent`).
 */
export function prefetch<T>(path: string, sent?: Promise<Response>): Promise<T> {
  const known = prefetched.get(path);
  if (known && Date.now() - known.at < PREFETCH_FRESH_MS) return known.answer as Promise<T>;
  const answer = api<T>(path, sent ? { sent } : {});
  answer.catch(() => { /* the screen that takes it shows the error */ });
  prefetched.set(path, { at: Date.now(), answer });
  return answer;
}

/** A GET: the prefetched answer when there is a fresh one (taken, so the next call asks the server), else a new request. */
export function apiOnce<T>(path: string): Promise<T> {
  const known = prefetched.get(path);
  prefetched.delete(path);
  return known && Date.now() - known.at < PREFETCH_FRESH_MS ? (known.answer as Promise<T>) : api<T>(path);
}

/** The prefetched answer of a GET when there is a fresh one (taken), else null: for a request worth making only beside another. */
export function takePrefetched<T>(path: string): Promise<T> | null {
  const known = prefetched.get(path);
  prefetched.delete(path);
  return known && Date.now() - known.at < PREFETCH_FRESH_MS ? (known.answer as Promise<T>) : null;
}

/** Loads a GET endpoint; `reload` fetches again. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setLoading(true);
    (tick === 0 ? apiOnce<T>(path) : api<T>(path))
      .then((d) => { if (!cancelled) { setData(d); setError(null); } })
      .catch((e: unknown) => { if (!cancelled) setError(e); })
      .finally(() => { if (!cancelled) setLoading(false); });
    return () => { cancelled = true; };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
