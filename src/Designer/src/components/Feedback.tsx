import { ApiError } from '../api/client';

/** An error as a person reads it: the problem's detail and each field error. */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const detail = error instanceof Error ? error.message : String(error);
  const fields = error instanceof ApiError ? error.fieldErrors : [];
  return (
    <div className="error-box" role="alert">
      <strong>{title ?? (error instanceof ApiError && error.status ? `Error ${error.status}` : 'Error')}</strong>
      <p>{detail}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => <li key={f}>{f}</li>)}
        </ul>
      )}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="empty" role="status">{children}</div>;
}

export function Loading({ what }: { what: string }) {
  return <div className="loading" role="status" aria-live="polite">Loading {what}…</div>;
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status}</span>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
