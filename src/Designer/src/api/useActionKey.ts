import { useCallback, useRef } from 'react';

/**
 * One Idempotency-Key per intended action: every send of the same action (a double click, a retry after a network
 * error) carries the same key, so the server acts once. Call `renew()` after the action succeeded, so the next,
 * deliberate action gets a key of its own.
 */
export function useActionKey(): { key: () => string; renew: () => void } {
  const current = useRef<string | null>(null);
  const key = useCallback(() => {
    if (current.current === null) current.current = randomKey();
    return current.current;
  }, []);
  const renew = useCallback(() => { current.current = null; }, []);
  return { key, renew };
}

/** 128 random bits as hex; getRandomValues works outside secure contexts too, unlike crypto.randomUUID. */
function randomKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
