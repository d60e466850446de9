import { lazy, Suspense, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useActionKey } from '../../api/useActionKey';
import { useApi } from '../../api/useApi';
import { ErrorBox, Loading } from '../../components/Feedback';
import { day, invoiceKind, money, type OrderDetail, type PaymentIntent } from '../../model/portal';
import { Link } from '../../router';

// Stripe's code only when a card can be taken: the first screen's bundle stays as it was.
const StripeCard = lazy(() => import('./StripeCard'));

/**
 * Pay one invoice. With Stripe configured the page takes (or reuses) the invoice's PaymentIntent and shows the card
 * form for its amount; the payment is booked when Stripe's signed webhook arrives. Without Stripe (409 from the API)
 * it shows bank-transfer instructions with the invoice number as the reference, and ops confirm the payment.
 */
export function PayInvoice({ orderId, invoiceId }: { orderId: string; invoiceId: string }) {
  const order = useApi<OrderDetail>(`/api/orders/${encodeURIComponent(orderId)}`);
  const invoice = order.data?.invoices.find((i) => i.id === invoiceId);
  const { key } = useActionKey();
  const [intent, setIntent] = useState<PaymentIntent | null>(null);
  const [noCard, setNoCard] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [paid, setPaid] = useState(false);
  useEffect(() => {
    if (!invoice || invoice.status !== 'pending') return;
    let cancelled = false;
    api<PaymentIntent>(`/api/invoices/${encodeURIComponent(invoiceId)}/payment-intent`, { method: 'POST', idempotencyKey: key() })
      .then((i) => { if (!cancelled) setIntent(i); })
      .catch((e: unknown) => {
        if (cancelled) return;
        // 409 "Stripe is not configured": no card payments here, bank transfer only.
        if (e instanceof ApiError && e.status === 409 && /not configured/i.test(e.problem.detail ?? e.problem.title ?? '')) setNoCard(true);
        else setError(e);
      });
    return () => { cancelled = true; };
  }, [invoice, invoiceId, key]);

  if (order.loading && !order.data) return <div className="page narrow"><Loading what="the invoice" /></div>;
  if (!order.data) return <div className="page narrow"><ErrorBox error={order.error} title="Could not load the invoice" /></div>;
  if (!invoice) return <div className="page narrow"><h1>Invoice not found</h1><p>This order has no such invoice. <Link to={`/orders/${orderId}`}>Back to the order</Link></p></div>;

  return (
    <div className="page portal-pay">
      <h1>Pay invoice {invoice.number}</h1>
      <div className="card">
        <dl className="facts">
          <dt>For</dt><dd>{invoiceKind(invoice.kind)} of order {order.data.number}</dd>
          <dt>Amount</dt><dd><strong data-testid="pay-amount">{money(intent?.amount ?? invoice.amount, invoice.currency)}</strong></dd>
          <dt>Due</dt><dd>{day(invoice.dueAt)}</dd>
        </dl>
      </div>
      {invoice.status !== 'pending' ? (
        <p role="status">This invoice is {invoice.status}{invoice.paidAt ? ` since ${day(invoice.paidAt)}` : ''}. <Link to={`/orders/${orderId}`}>Back to the order</Link></p>
      ) : paid ? (
        <p role="status" data-testid="pay-done">Thank you: Stripe took the payment. The invoice shows as paid as soon as Stripe confirms it to us. <Link to={`/orders/${orderId}`}>Back to the order</Link></p>
      ) : (
        <>
          <ErrorBox error={error} title="The card payment could not be prepared" />
          {intent && (
            <section aria-labelledby="pay-card" data-testid="card-payment" data-client-secret-received={intent.clientSecret ? 'yes' : 'no'}>
              <h2 id="pay-card">By card</h2>
              {intent.publishableKey ? (
                <Suspense fallback={<div className="loading" role="status">Loading the card form…</div>}>
                  <StripeCard publishableKey={intent.publishableKey} clientSecret={intent.clientSecret} onPaid={() => setPaid(true)} />
                </Suspense>
              ) : (
                <p className="muted">Card payments are being set up (no publishable key is configured); pay by bank transfer meanwhile.</p>
              )}
            </section>
          )}
          {!intent && !noCard && !error && <Loading what="the card form" />}
          <section aria-labelledby="pay-bank" data-testid="bank-transfer">
            <h2 id="pay-bank">{noCard ? 'By bank transfer' : 'Or by bank transfer'}</h2>
            <p>Transfer {money(invoice.amount, invoice.currency)} quoting <strong data-testid="bank-reference">{invoice.number}</strong> as the reference; reply to the invoice e-mail for our bank details. Our team confirms the payment once it arrives, and this invoice then shows as paid.</p>
          </section>
        </>
      )}
    </div>
  );
}
