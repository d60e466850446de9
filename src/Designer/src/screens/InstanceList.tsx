import { useState } from 'react';
import { ApiError, api } from '../api/client';
import { useApi } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBox, Empty, Loading, StatusBadge, formatTime } from '../components/Feedback';
import { CopyableId, DocumentNumbers } from '../components/InstanceIds';
import type { InstanceSummary, Page } from '../model/types';
import { Link, useRouter } from '../router';

const statuses = ['', 'Running', 'Suspended', 'Completed', 'Faulted', 'Cancelled'];

/** Instances, newest first, filtered by status, definition and correlation id (kept in the address). */
export function InstanceList() {
  const { search, navigate } = useRouter();
  const params = new URLSearchParams(search);
  const [status, setStatus] = useState(params.get('status') ?? '');
  const [definitionId, setDefinitionId] = useState(params.get('definitionId') ?? '');
  const [correlationId, setCorrelationId] = useState(params.get('correlationId') ?? '');
  const page = Number(params.get('page') ?? '1') || 1;
  const query = new URLSearchParams();
  if (params.get('status')) query.set('status', params.get('status')!);
  if (params.get('definitionId')) query.set('definitionId', params.get('definitionId')!);
  if (params.get('correlationId')) query.set('correlationId', params.get('correlationId')!);
  query.set('page', String(page));
  query.set('pageSize', '25');
  const { data, error, loading, reload } = useApi<Page<InstanceSummary>>(`/api/instances?${query}`);

  const apply = (e: React.FormEvent) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (status) q.set('status', status);
    if (definitionId) q.set('definitionId', definitionId);
    if (correlationId) q.set('correlationId', correlationId);
    navigate(`/instances${q.toString() ? '?' + q : ''}`);
  };
  const goto = (p: number) => { const q = new URLSearchParams(search); q.set('page', String(p)); navigate(`/instances?${q}`); };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="page">
      <div className="page-header"><h1>Instances</h1><div className="actions"><Link to="/ops/bulk">Bulk operations</Link><button type="button" onClick={reload}>Refresh</button></div></div>
      <form className="filters" onSubmit={apply} aria-label="Filter instances">
        <label>Status
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            {statuses.map((s) => <option key={s} value={s}>{s || 'any'}</option>)}
          </select>
        </label>
        <label>Definition <input value={definitionId} onChange={(e) => setDefinitionId(e.target.value)} placeholder="definition id" /></label>
        <label>Correlation id <input value={correlationId} onChange={(e) => setCorrelationId(e.target.value)} /></label>
        <button type="submit">Apply</button>
      </form>
      {loading && !data && <Loading what="instances" />}
      <ErrorBox error={error} title="Could not load the instances" />
      {data && data.items.length === 0 && <Empty>No instance matches these filters.</Empty>}
      {data && data.items.length > 0 && (
        <>
          <DataTable label="Instances" rows={data.items} columns={instanceColumns} rowId={(i) => i.id} rowName={(i) => `instance ${i.id}`}
            searchPlaceholder="Search this page: workflow, status, quote…"
            bulkActions={(selected, clear) => <CancelSelected selected={selected} onDone={() => { clear(); reload(); }} />} />
          <nav className="pager" aria-label="Pages">
            <button type="button" disabled={page <= 1} onClick={() => goto(page - 1)}>Previous</button>
            <span>Page {page} of {pages} · {data.total} instance(s)</span>
            <button type="button" disabled={page >= pages} onClick={() => goto(page + 1)}>Next</button>
          </nav>
        </>
      )}
    </div>
  );
}

const instanceColumns: Column<InstanceSummary>[] = [
  { id: 'id', header: 'Instance', value: (i) => i.id, cell: (i) => <><Link to={`/instances/${i.id}`} ariaLabel={`Open instance ${i.id}`}>Open</Link> <CopyableId id={i.id} what="instance id" /></> },
  { id: 'workflow', header: 'Workflow', value: (i) => `${i.definitionId} v${i.version}`, cell: (i) => <>{i.definitionId} <span className="muted">v{i.version}</span></> },
  { id: 'status', header: 'Status', value: (i) => i.status, cell: (i) => <StatusBadge status={i.status} /> },
  {
    id: 'reference', header: 'Quote / order', value: (i) => (i.references ?? []).map((r) => r.number).join(' ') || i.correlationId,
    cell: (i) => (i.references && i.references.length > 0 ? <DocumentNumbers references={i.references} /> : i.correlationId ?? <span className="muted">—</span>),
  },
  { id: 'started', header: 'Started', value: (i) => i.createdAt, cell: (i) => formatTime(i.createdAt), className: 'small' },
  { id: 'finished', header: 'Finished', value: (i) => i.finishedAt, cell: (i) => formatTime(i.finishedAt), className: 'small' },
];

const cancellable = new Set(['Running', 'Suspended', 'Faulted']);

/** Cancels each selected instance that still runs (POST /api/instances/{id}/cancel, one call each), after asking. */
function CancelSelected({ selected, onDone }: { selected: InstanceSummary[]; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const open = selected.filter((i) => cancellable.has(i.status));
  const run = async () => {
    if (!window.confirm(`Cancel ${open.length} ${open.length === 1 ? 'instance' : 'instances'}? They will never resume.`)) return;
    setBusy(true);
    const failed: string[] = [];
    for (const i of open) {
      try {
        await api(`/api/instances/${i.id}/cancel`, { method: 'POST', body: { reason: 'cancelled in the designer (bulk)' } });
      } catch (e) {
        failed.push(`${i.id}: ${e instanceof ApiError ? e.problem.detail ?? e.problem.title : (e as Error).message}`);
      }
    }
    setBusy(false);
    const done = open.length - failed.length;
    setNote(failed.length === 0
      ? `Cancelled ${done} ${done === 1 ? 'instance' : 'instances'}.`
      : `Cancelled ${done}; ${failed.length} could not be cancelled: ${failed.join('; ')}`);
    onDone();
  };
  return (
    <>
      <button type="button" className="danger" disabled={busy || open.length === 0} onClick={() => void run()}
        title={selected.length > open.length ? 'Finished instances are left as they are.' : undefined}>
        {busy ? 'Cancelling…' : `Cancel selected${open.length ? ` (${open.length})` : ''}`}
      </button>
      {note && <span className="small" role="status">{note}</span>}
    </>
  );
}
