import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { Link } from '../../router';
import { statusWords, type Supplier } from './suppliers';

/** Ops: every supplier, searchable by name, e-mail, country, specialty or certification, filtered by status; invite one by e-mail. */
export function SupplierList() {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [query, setQuery] = useState('');
  const { data, error, loading, reload } = useApi<{ items: Supplier[]; total: number }>(`/api/suppliers?pageSize=200${query}`);
  const [invite, setInvite] = useState({ name: '', email: '', country: '' });
  const [inviteError, setInviteError] = useState<unknown>(null);
  const [invited, setInvited] = useState<string | null>(null);

  const search = (e: React.FormEvent) => {
    e.preventDefault();
    setQuery(`${q ? `&q=${encodeURIComponent(q)}` : ''}${status ? `&status=${status}` : ''}`);
  };
  const sendInvite = async (e: React.FormEvent) => {
    e.preventDefault();
    setInviteError(null);
    try {
      await api('/api/suppliers/invitations', { method: 'POST', body: { name: invite.name, email: invite.email, country: invite.country || undefined } });
      setInvited(invite.email);
      setInvite({ name: '', email: '', country: '' });
      reload();
    } catch (err) {
      setInviteError(err);
    }
  };

  return (
    <div className="page">
      <div className="page-header"><h1>Suppliers</h1></div>
      <form className="filters" onSubmit={search} aria-label="Search suppliers">
        <label>Search <input value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} placeholder="name, country, specialty" /></label>
        <label>Status <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">any</option>
          {Object.entries(statusWords).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
        </select></label>
        <button type="submit">Search</button>
      </form>
      {loading && !data && <Loading what="suppliers" />}
      <ErrorBox error={error} title="Could not load the suppliers" />
      {data && data.items.length === 0 && <Empty>No supplier matches this search.</Empty>}
      {data && data.items.length > 0 && (
        <table className="grid" data-testid="supplier-list">
          <thead><tr><th scope="col">Supplier</th><th scope="col">Country</th><th scope="col">Specialties</th><th scope="col">Certifications</th><th scope="col">Status</th></tr></thead>
          <tbody>
            {data.items.map((s) => (
              <tr key={s.id}>
                <td><Link to={`/suppliers/${s.id}`}>{s.name}</Link></td>
                <td>{s.country}</td>
                <td>{s.categories.join(', ')}</td>
                <td>{s.certifications.join(', ') || '—'}</td>
                <td><span className={`badge status-${s.verificationStatus}`}>{statusWords[s.verificationStatus]}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="card">
        <h2>Invite a supplier</h2>
        <form onSubmit={sendInvite} aria-label="Invite a supplier">
          <label>Company <input required value={invite.name} onChange={(e) => setInvite({ ...invite, name: e.target.value })} maxLength={200} /></label>
          <label>E-mail <input required type="email" value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.target.value })} maxLength={255} /></label>
          <label>Country (2 letters) <input value={invite.country} onChange={(e) => setInvite({ ...invite, country: e.target.value })} maxLength={2} /></label>
          <button type="submit">Send invitation</button>
        </form>
        <ErrorBox error={inviteError} title="The invitation was not sent" />
        {invited && <p role="status">Invitation sent to {invited}.</p>}
      </section>
    </div>
  );
}
