import { ApiError } from '../api/client';
import { humanFieldError, titleFor } from '../model/messages';

/**
 * An error as a person reads it: a title that says what happened and what to do, the server's explanation,
 * each field problem in words; the technical detail (status, field paths) behind a toggle.
 */
export function ErrorBox({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const detail = error instanceof Error ? error.message : String(error);
  const api = error instanceof ApiError ? error : null;
  const fields = api ? api.fieldErrors : [];
  const heading = title ?? titleFor(api?.status);
  return (
    <div className="error-box" role="alert">
      <strong>{heading}</strong>
      {title && api && <p className="what-to-do">{titleFor(api.status)}</p>}
      {detail !== heading && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => <li key={f}>{humanFieldError(f)}</li>)}
        </ul>
      )}
      {api && (
        <details className="technical">
          <summary>Technical details</summary>
          <p className="small">HTTP {api.status || '(no answer)'}{api.problem.type ? ` · ${api.problem.type}` : ''}{api.problem.title && api.problem.title !== detail ? ` · ${api.problem.title}` : ''}</p>
          {fields.length > 0 && <ul className="small code">{fields.map((f) => <li key={f}>{f}</li>)}</ul>}
        </details>
      )}
    </div>
  );
}

/** How serious a message is: its colour follows (green only for success). */
export type Severity = 'success' | 'warning' | 'info';

export interface Toast { text: string; severity: Severity }

/**
 * Messages that float over the canvas instead of pushing it down: each closes with ✕.
 * The newest status keeps data-testid="editor-status" (or the given test id).
 */
export function Toasts({ status, onClose, testId = 'editor-status', children }: { status: Toast | null; onClose: () => void; testId?: string; children?: React.ReactNode }) {
  if (!status && !children) return null;
  return (
    <div className="toasts">
      {status && (
        <div className={`toast toast-${status.severity}`} role="status" data-severity={status.severity}>
          <span data-testid={testId}>{status.text}</span>
          <button type="button" className="close" aria-label="Close message" onClick={onClose}>✕</button>
        </div>
      )}
      {children}
    </div>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <div className="empty" role="status">{children}</div>;
}

export function Loading({ what }: { what: string }) {
  return <div className="loading" role="status" aria-live="polite">Loading {what}…</div>;
}

/** A status as words ("ready_to_ship" → "ready to ship"); the class keeps the raw value for its colour. */
export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status.toLowerCase()}`}>{status.replace(/_/g, ' ')}</span>;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}
