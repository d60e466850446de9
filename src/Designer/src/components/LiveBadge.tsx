import type { LiveState } from '../api/useLiveEvents';

const words: Record<LiveState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  unavailable: 'Not live: refresh to update',
};

/** Says whether the page updates by itself (a live stream), in words, for everyone (role=status is announced). */
export function LiveBadge({ state }: { state: LiveState }) {
  return <span className={`live-badge live-${state}`} role="status" data-testid="live-state">{words[state]}</span>;
}
