import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { day, money, words, type ListPage, type OrderSummary } from '../../model/portal';
import { Link } from '../../router';
import { useListFilters } from './useListFilters';

const statuses = ['', 'quote_sent', 'admin_review', 'awaiting_payment', 'payment_received', 'assigned_to_supplier', 'sample_requested', 'sample_submitted', 'sample_approved', 'bulk_production', 'qc_inspection', 'ready_to_ship', 'shipped', 'delivered', 'completed', 'on_hold', 'cancelled'];

/** "My orders" for a buyer (the API narrows to their own); for ops every order, with status, search and date filters kept in the address. */
export function OrderList({ ops = false }: { ops?: boolean }) {
  const { values, set, page, query, apply, goto } = useListFilters();
  const { data, error, loading } = useApi<ListPage<OrderSummary>>(`/api/orders?${query}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="page">
      <div className="page-header"><h1>{ops ? 'Orders' : 'My orders'}</h1></div>
      {ops && (
        <form className="filters" onSubmit={apply} aria-label="Filter orders">
          <label>Status <select value={values.status} onChange={(e) => set('status', e.target.value)}>{statuses.map((s) => <option key={s} value={s}>{s ? words(s) : 'any'}</option>)}</select></label>
          <label>Number or e-mail <input value={values.search} onChange={(e) => set('search', e.target.value)} maxLength={255} /></label>
          <label>From <input type="date" value={values.from} onChange={(e) => set('from', e.target.value)} /></label>
          <label>To <input type="date" value={values.to} onChange={(e) => set('to', e.target.value)} /></label>
          <button type="submit">Filter</button>
        </form>
      )}
      {loading && !data && <Loading what="orders" />}
      <ErrorBox error={error} title="Could not load the orders" />
      {data && data.items.length === 0 && (
        <Empty>{ops ? 'No order matches these filters.' : <>No orders yet. An order is made when you accept a quote: see <Link to="/my/quotes">My quotes</Link>.</>}</Empty>
      )}
      {data && data.items.length > 0 && (
        <table className="grid" data-testid="order-list">
          <thead><tr><th scope="col">Order</th>{ops && <th scope="col">Buyer</th>}<th scope="col">Product</th><th scope="col">Total</th><th scope="col">Status</th><th scope="col">Ordered</th></tr></thead>
          <tbody>
            {data.items.map((o) => (
              <tr key={o.id}>
                <td><Link to={`/orders/${o.id}`}>{o.number}</Link></td>
                {ops && <td>{o.buyerEmail}</td>}
                <td>{o.quantity.toLocaleString('en-US')} × {words(o.productType)}</td>
                <td>{money(o.total, 'USD')}</td>
                <td><span className={`badge status-${o.status}`}>{words(o.status)}</span></td>
                <td>{day(o.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
