import { useApi } from '../../api/useApi';
import { getToken } from '../../api/client';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { day, invoiceKind, money, stageDelays, words, type OrderDetail } from '../../model/portal';
import { Link, useRouter } from '../../router';
import { downloadInvoicePdf } from './invoicePdf';
import { useRef, useState } from 'react';
import { useLiveEvents } from '../../api/useLiveEvents';
import { LiveBadge } from '../../components/LiveBadge';
import { OrderRiskPanel } from '../../components/OrderRiskPanel';
import { roleOfToken } from '../../model/roles';

/**
 * One order as its buyer (or ops) sees it: status, timeline, production stages with dates, shipment and the invoices
 * (30 % deposit, 70 % balance) with their status, a pay button for an open one and its PDF. An e-mail's invoice link
 * opens it here with ?invoice=<id> (that invoice is highlighted).
 */
export function OrderPage({ orderId }: { orderId: string }) {
  const { search } = useRouter();
  const highlighted = new URLSearchParams(search).get('invoice');
  const { data, error, loading, reload } = useApi<OrderDetail>(`/api/orders/${encodeURIComponent(orderId)}`);
  const [pdfError, setPdfError] = useState<unknown>(null);
  // The page follows the order's workflow live (status, stage, invoice paid, shipment): a burst of events reloads once.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const live = useLiveEvents(`/api/orders/${encodeURIComponent(orderId)}/events`, () => {
    pending.current ??= setTimeout(() => { pending.current = null; reload(); }, 150);
  });
  if (loading && !data) return <div className="page"><Loading what="the order" /></div>;
  if (!data) {
    return (
      <div className="page">
        <ErrorBox error={error} title="Could not load the order" />
        {getToken() === null && <p>Orders are shown to their buyer: <Link to={`/sign-in?next=${encodeURIComponent(`/orders/${orderId}`)}`}>sign in</Link> first.</p>}
      </div>
    );
  }

  const o = data;
  const delays = stageDelays(o.timeline);
  return (
    <div className="page portal-order">
      <div className="page-header">
        <h1>Order {o.number}</h1>
        <div className="actions"><LiveBadge state={live} /><button type="button" onClick={reload}>Refresh</button></div>
      </div>
      <ErrorBox error={error} title="Could not refresh the order" />
      <section className="card" aria-labelledby="order-summary">
        <h2 id="order-summary">Summary</h2>
        <dl className="facts">
          <dt>Status</dt><dd><span className={`badge status-${o.status}`} data-testid="order-status">{words(o.status)}</span></dd>
          <dt>Product</dt><dd>{o.quantity.toLocaleString('en-US')} × {words(o.productType)} at {money(o.unitPrice, o.currency)}</dd>
          <dt>Total</dt><dd><strong>{money(o.total, o.currency)}</strong></dd>
          <dt>Quote</dt><dd>{o.quoteNumber ? <Link to={`/quotes/${o.quoteId}`}>{o.quoteNumber}</Link> : '—'}</dd>
          <dt>Ordered</dt><dd>{day(o.createdAt)}</dd>
          {o.supplier && <><dt>Made by</dt><dd>{o.supplier.name} ({o.supplier.country})</dd></>}
        </dl>
      </section>

      {/* The quality risk is for ops and the order's supplier, not its buyer. */}
      {roleOfToken(getToken()) !== 'buyer' && <OrderRiskPanel orderId={o.id} />}

      <section className="card" aria-labelledby="order-invoices">
        <h2 id="order-invoices">Invoices</h2>
        {o.invoices.length === 0 ? <Empty>No invoice yet: the 30 % deposit invoice is issued when the order is made.</Empty> : (
          <table className="grid" data-testid="invoices">
            <thead><tr><th scope="col">Invoice</th><th scope="col">For</th><th scope="col">Amount</th><th scope="col">Due</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {o.invoices.map((i) => (
                <tr key={i.id} className={i.id === highlighted ? 'highlighted' : undefined} data-testid={`invoice-${i.kind}`}>
                  <td>{i.number}</td>
                  <td>{invoiceKind(i.kind)}</td>
                  <td>{money(i.amount, i.currency)}</td>
                  <td>{day(i.dueAt)}</td>
                  <td><span className={`badge status-${i.status}`} data-testid="invoice-status">{i.status === 'paid' ? `paid ${day(i.paidAt)}` : words(i.status)}</span></td>
                  <td className="actions">
                    {i.status === 'pending' && <Link to={`/orders/${o.id}/invoices/${i.id}/pay`}>Pay {i.number}</Link>}
                    <button type="button" className="link-button" onClick={() => { setPdfError(null); downloadInvoicePdf(i.id, i.number).catch(setPdfError); }}>Download PDF<span className="sr-only"> of {i.number}</span></button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ErrorBox error={pdfError} title="The PDF could not be downloaded" />
      </section>

      <section className="card" aria-labelledby="order-production">
        <h2 id="order-production">Production</h2>
        {o.stages.length === 0 ? <Empty>Production starts once the deposit is paid and a supplier has taken the order.</Empty> : (
          <table className="grid">
            <thead><tr><th scope="col">Stage</th><th scope="col">Planned</th><th scope="col">Started</th><th scope="col">Done</th></tr></thead>
            <tbody>
              {o.stages.map((s) => (
                <tr key={s.sequence}>
                  <td>{s.name}{s.late && <span className="badge status-late"> {s.daysLate} day(s) late</span>}
                    {delays.get(s.sequence) && <p className="muted small" data-testid={`stage-delay-${s.sequence}`}>
                      Delayed by the supplier to {delays.get(s.sequence)!.newDate}: {delays.get(s.sequence)!.reason}</p>}</td>
                  <td>{day(s.plannedStart)} – {day(s.plannedEnd)}</td>
                  <td>{day(s.actualStart)}</td>
                  <td>{day(s.actualEnd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="order-shipment">
        <h2 id="order-shipment">Shipment</h2>
        {o.shipment?.trackingNumber ? <p>Sent with {o.shipment.carrier ?? 'the carrier'}, tracking number <strong>{o.shipment.trackingNumber}</strong>.</p> : <p className="muted">Not shipped yet.</p>}
      </section>

      <section className="card" aria-labelledby="order-timeline">
        <h2 id="order-timeline">Timeline</h2>
        <ol className="timeline">
          {o.timeline.map((t, n) => (
            <li key={n}><time dateTime={t.at}>{t.at.slice(0, 16).replace('T', ' ')}</time> {t.toStatus ? <>moved to <strong>{words(t.toStatus)}</strong></> : words(t.action)}{t.reason ? ` — ${t.reason}` : ''}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}
