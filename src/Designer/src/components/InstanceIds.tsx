import { useState } from 'react';
import type { InstanceReference } from '../model/types';
import { Link } from '../router';

/** A full id (ids share a time prefix, so a shortened one reads the same as its neighbours) with a copy button. */
export function CopyableId({ id, what }: { id: string; what: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(id);
      setCopied('Copied');
    } catch {
      setCopied('Select the id to copy it');
    }
    setTimeout(() => setCopied(null), 2000);
  };
  return (
    <span className="copyable-id">
      <code>{id}</code>
      <button type="button" className="copy" onClick={() => void copy()} aria-label={`Copy ${what} ${id}`}>Copy</button>
      <span className="small muted" role="status">{copied}</span>
    </span>
  );
}

/** The quote and order an instance works for, by number (a quote links to its page). */
export function DocumentNumbers({ references }: { references?: InstanceReference[] | null }) {
  if (!references || references.length === 0) return null;
  return (
    <span className="document-numbers" data-testid="document-numbers">
      {references.map((r) => (
        <span key={`${r.kind}-${r.id}`} className="document-number">
          {r.kind === 'quote' ? <Link to={`/quotes/${r.id}`}>Quote {r.number}</Link> : <>{r.kind === 'order' ? 'Order' : r.kind} <strong>{r.number}</strong></>}
        </span>
      ))}
    </span>
  );
}
