import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorBox, Loading } from '../../components/Feedback';
import { SupplierPerformancePanel } from '../../components/SupplierPerformancePanel';
import { SupplierDocuments } from './SupplierDocuments';
import { statusWords, type Supplier } from './suppliers';

interface OpenTask { id: string; title: string; outcomes?: string[] }

/** Ops: one supplier's profile, documents, verification task (approve, reject, ask for more, with a reason) and status. */
export function SupplierPage({ supplierId }: { supplierId: string }) {
  const { data: s, error, loading, reload } = useApi<Supplier>(`/api/suppliers/${supplierId}`);
  const tasks = useApi<{ items: OpenTask[] }>(`/api/tasks?correlationId=${supplierId}`);
  const [reason, setReason] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const task = tasks.data?.items[0];

  const act = async (call: () => Promise<unknown>, what: string) => {
    setActionError(null);
    try {
      await call();
      setDone(what);
      setReason('');
      reload();
      tasks.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  if (loading && !s) return <div className="page"><Loading what="the supplier" /></div>;
  if (!s) return <div className="page"><ErrorBox error={error} title="Could not load the supplier" /></div>;
  return (
    <div className="page">
      <div className="page-header"><h1>{s.name}</h1><span className={`badge status-${s.verificationStatus}`} data-testid="verification-status">{statusWords[s.verificationStatus]}</span></div>
      {s.verificationReason && <p>Latest decision: {s.verificationReason}</p>}
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl className="facts">
          <dt>Contact</dt><dd>{s.contactName ?? '—'} · {s.email}{s.phone ? ` · ${s.phone}` : ''}</dd>
          <dt>Country</dt><dd>{s.country}</dd>
          <dt>Specialties</dt><dd>{s.categories.join(', ')}</dd>
          <dt>Capacity</dt><dd>{s.capacity} orders at once</dd>
          <dt>Order size</dt><dd>{s.moq.toLocaleString('en-US')}{s.maxOrderQuantity ? ` – ${s.maxOrderQuantity.toLocaleString('en-US')}` : '+'} units</dd>
          <dt>Certificates</dt>
          <dd>{s.certificates.length === 0 ? '—' : s.certificates.map((c) => `${c.name}${c.expiresOn ? ` (until ${c.expiresOn})` : ''}${c.expired ? ' — expired' : ''}`).join(', ')}</dd>
        </dl>
      </section>
      {/* Orders, on-time rate and QC from the performance loop: what assignment ranks this supplier by. */}
      <SupplierPerformancePanel supplierId={supplierId} />
      <SupplierDocuments supplierId={supplierId} upload={false} />
      <section className="card" aria-labelledby="verification-heading">
        <h2 id="verification-heading">Verification</h2>
        {tasks.loading && !tasks.data && <Loading what="the verification task" />}
        <ErrorBox error={tasks.error} title="Could not load the verification task" />
        {task ? (
          <form onSubmit={(e) => e.preventDefault()} aria-label="Verification decision">
            <p>{task.title}</p>
            <label>Reason (sent to the supplier) <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} required /></label>
            {([['Approve', 'Approve'], ['Reject', 'Reject'], ['AskForMore', 'Ask for more documents']] as const).map(([outcome, label]) => (
              <button key={outcome} type="button" onClick={() => void act(() => api(`/api/tasks/${task.id}/complete`, { method: 'POST', body: { outcome, reason } }), label)}>{label}</button>
            ))}
          </form>
        ) : (tasks.data && <p>No verification task is open{s.verificationStatus === 'pending' ? ': the supplier has not submitted its documents yet.' : '.'}</p>)}
        {(s.verificationStatus === 'verified' || s.verificationStatus === 'suspended') && (
          <form onSubmit={(e) => e.preventDefault()} aria-label="Suspend or reinstate">
            <label>Reason <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} /></label>
            {s.verificationStatus === 'verified'
              ? <button type="button" onClick={() => void act(() => api(`/api/suppliers/${supplierId}/suspend`, { method: 'POST', body: { reason } }), 'Suspended')}>Suspend</button>
              : <button type="button" onClick={() => void act(() => api(`/api/suppliers/${supplierId}/reinstate`, { method: 'POST', body: { reason } }), 'Reinstated')}>Reinstate</button>}
          </form>
        )}
        <ErrorBox error={actionError} title="That did not work" />
        {done && <p role="status">Done: {done}.</p>}
      </section>
    </div>
  );
}
