import { useState } from 'react';
import { api } from '../../api/client';
import { useActionKey } from '../../api/useActionKey';
import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { day, money, words, type ListPage, type QuoteSummary } from '../../model/portal';
import { Link } from '../../router';
import { useListFilters } from './useListFilters';

const statuses = ['', 'quote_requested', 'quote_sent', 'accepted', 'expired', 'cancelled'];

/**
 * "My quotes" for a buyer (the API narrows to their own); for ops every quote, with filters kept in the address:
 * status, search (number or e-mail) and the days it was asked for.
 */
export function QuoteList({ ops = false }: { ops?: boolean }) {
  const { values, set, page, query, apply, goto } = useListFilters();
  const { data, error, loading } = useApi<ListPage<QuoteSummary>>(`/api/quotes?${query}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="page">
      <div className="page-header"><h1>{ops ? 'Quotes' : 'My quotes'}</h1><div className="actions"><Link to="/quote">Ask for a quote</Link></div></div>
      {ops && (
        <form className="filters" onSubmit={apply} aria-label="Filter quotes">
          <label>Status <select value={values.status} onChange={(e) => set('status', e.target.value)}>{statuses.map((s) => <option key={s} value={s}>{s ? words(s) : 'any'}</option>)}</select></label>
          <label>Number or e-mail <input value={values.search} onChange={(e) => set('search', e.target.value)} maxLength={255} /></label>
          <label>From <input type="date" value={values.from} onChange={(e) => set('from', e.target.value)} /></label>
          <label>To <input type="date" value={values.to} onChange={(e) => set('to', e.target.value)} /></label>
          <button type="submit">Filter</button>
        </form>
      )}
      {loading && !data && <Loading what="quotes" />}
      <ErrorBox error={error} title="Could not load the quotes" />
      {data && data.items.length === 0 && (
        <Empty>{ops ? 'No quote matches these filters.' : <>You have no quotes yet. <Link to="/quote">Ask for one</Link>; quotes you asked for before registering appear here once you open the link we e-mailed you.</>}</Empty>
      )}
      {data && data.items.length > 0 && (
        <table className="grid" data-testid="quote-list">
          <thead><tr><th scope="col">Quote</th>{ops && <th scope="col">Buyer</th>}<th scope="col">Product</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Asked</th><th scope="col">Order</th></tr></thead>
          <tbody>
            {data.items.map((q) => (
              <tr key={q.id}>
                <td><Link to={`/quotes/${q.id}`}>{q.number}</Link></td>
                {ops && <td>{q.email}</td>}
                <td>{q.quantity.toLocaleString('en-US')} × {words(q.productType)}</td>
                <td>{money(q.total, q.currency)}{q.discountPercent > 0 && q.discountedTotal !== null && <span className="muted small"> ({q.discountPercent} % off: {money(q.discountedTotal, q.currency)})</span>}</td>
                <td><span className={`badge status-${q.status}`}>{words(q.status)}</span></td>
                <td>{day(q.createdAt)}</td>
                <td>{q.orderId ? <Link to={`/orders/${q.orderId}`}>Open order</Link> : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!ops && <ClaimAgain />}
      {data && pages > 1 && (
        <nav className="pager" aria-label="Pages">
          <button type="button" disabled={page <= 1} onClick={() => goto(page - 1)}>Previous</button>
          <span>Page {page} of {pages}</span>
          <button type="button" disabled={page >= pages} onClick={() => goto(page + 1)}>Next</button>
        </nav>
      )}
    </div>
  );
}

/** For a buyer whose claim link expired or got lost: the link again, to the account's address (only when there is something to claim). */
function ClaimAgain() {
  const { key, renew } = useActionKey();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ quotes: number }>('/api/portal/claim-quotes/send', { method: 'POST', idempotencyKey: key() });
      renew();
      setAnswer(result.quotes === 0 ? 'No quotes without an account were asked for with your e-mail address: nothing to add.' : `We e-mailed you a link to add ${result.quotes} quote(s); open it while signed in.`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="claim-again">
      <p className="muted">Asked for quotes before you registered? <button type="button" className="link-button" disabled={busy} onClick={() => void send()}>E-mail me the link that adds them</button></p>
      {answer && <p role="status">{answer}</p>}
      <ErrorBox error={error} title="The link was not sent" />
    </div>
  );
}
