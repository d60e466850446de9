import { useState } from 'react';
import { useApi } from '../api/useApi';
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
          <table className="grid" aria-label="Instances">
            <thead><tr><th>Instance</th><th>Workflow</th><th>Status</th><th>Quote / order</th><th>Started</th><th>Finished</th></tr></thead>
            <tbody>
              {data.items.map((i) => (
                <tr key={i.id}>
                  <td><Link to={`/instances/${i.id}`} ariaLabel={`Open instance ${i.id}`}>Open</Link> <CopyableId id={i.id} what="instance id" /></td>
                  <td>{i.definitionId} <span className="muted">v{i.version}</span></td>
                  <td><StatusBadge status={i.status} /></td>
                  <td>{i.references && i.references.length > 0 ? <DocumentNumbers references={i.references} /> : i.correlationId ?? <span className="muted">—</span>}</td>
                  <td className="small">{formatTime(i.createdAt)}</td>
                  <td className="small">{formatTime(i.finishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
