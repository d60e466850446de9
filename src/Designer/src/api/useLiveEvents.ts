import { useEffect, useRef, useState } from 'react';
import { getToken, refreshTokens } from './client';
import { SseParser } from '../model/sse';

/** An event of a live stream (src/Host/Endpoints/Live/LiveEvent.cs). */
export interface LiveEvent {
  kind: string;
  sequence: number;
  at: string;
  activityId: string;
  data: Record<string, unknown>;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

/**
 * Follows a live stream (GET /api/orders/{id}/events, /api/instances/{id}/events) and calls `onEvent` for each event.
 * EventSource cannot send the bearer token, so this reads the stream with fetch and does what EventSource does: it
 * reconnects after a drop (1 s, then up to 15 s apart) with the standard Last-Event-ID header, so no event is lost or
 * seen twice. A 404 (not yours, or gone) stops it: `unavailable`. Pass null to follow nothing.
 */
export function useLiveEvents<T = LiveEvent>(path: string | null, onEvent: (event: T, type: string) => void): LiveState {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [state, setState] = useState<LiveState>('connecting');

  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    let lastId: string | null = null;
    let delay = 1000;
    const run = async () => {
      while (!abort.signal.aborted) {
        try {
          const headers: Record<string, string> = { accept: 'text/event-stream' };
          const token = getToken();
          if (token) headers.authorization = `Bearer ${token}`;
          if (lastId !== null) headers['last-event-id'] = lastId;
          const response = await fetch(path, { headers, signal: abort.signal, cache: 'no-store' });
          if (response.status === 401 && (await refreshTokens())) continue;
          if (response.status === 404 || response.status === 403 || response.status === 401) {
            setState('unavailable');
            return;
          }
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          setState('live');
          delay = 1000;
          const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
          const parser = new SseParser();
          for (;;) {
            const { value, done } = await reader.read();
            if (done) {
              // The server ends a stream when the sign-in token expires: reconnect at once, checked again.
              delay = 250;
              break;
            }
            for (const message of parser.push(value)) {
              if (message.id !== null) lastId = message.id;
              if (message.event === 'ping') continue;
              try {
                handler.current(JSON.parse(message.data) as T, message.event);
              } catch {
                // A malformed event is skipped; the page still refreshes on the next one.
              }
            }
          }
        } catch {
          if (abort.signal.aborted) return;
        }
        if (delay > 250) setState('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(Math.max(delay * 2, 1000), 15000);
      }
    };
    setState('connecting');
    void run();
    return () => abort.abort();
  }, [path]);

  return path === null ? 'unavailable' : state;
}
