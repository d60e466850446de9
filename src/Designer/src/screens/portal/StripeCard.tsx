import { useEffect, useState } from 'react';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Stripe } from '@stripe/stripe-js';

/**
 * The card form (Stripe Elements), in its own chunk: the pay page imports it lazily, so no other screen carries
 * Stripe's code. Stripe.js itself comes from js.stripe.com; when it cannot be loaded (offline, blocked) the page
 * says so in words and leaves the bank transfer.
 */
export default function StripeCard({ publishableKey, clientSecret, onPaid }: { publishableKey: string; clientSecret: string; onPaid: () => void }) {
  const [stripe, setStripe] = useState<Stripe | null | 'failed'>(null);
  useEffect(() => {
    let cancelled = false;
    loadStripe(publishableKey)
      .then((s) => { if (!cancelled) setStripe(s ?? 'failed'); })
      .catch(() => { if (!cancelled) setStripe('failed'); });
    return () => { cancelled = true; };
  }, [publishableKey]);
  if (stripe === 'failed') {
    return (
      <div className="error-box" role="alert" data-testid="stripe-unavailable">
        <strong>The card form could not be loaded.</strong>
        <p>Your browser could not reach Stripe, our card processor. Check your connection or any blocker and reload the page, or pay by bank transfer below.</p>
      </div>
    );
  }

  if (stripe === null) return <div className="loading" role="status">Loading the card form…</div>;
  return (
    <Elements stripe={stripe} options={{ clientSecret }}>
      <CardForm onPaid={onPaid} />
    </Elements>
  );
}

function CardForm({ onPaid }: { onPaid: () => void }) {
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const pay = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setMessage(null);
    const result = await stripe.confirmPayment({ elements, redirect: 'if_required', confirmParams: { return_url: window.location.href } });
    setBusy(false);
    if (result.error) setMessage(result.error.message ?? 'The card was not charged. Check the details and try again.');
    else onPaid();
  };
  return (
    <form onSubmit={(e) => void pay(e)} aria-label="Card payment">
      <PaymentElement />
      {message && <div className="error-box" role="alert"><strong>The payment did not go through.</strong><p>{message}</p></div>}
      <button type="submit" className="primary" disabled={busy || !stripe}>{busy ? 'Paying…' : 'Pay now'}</button>
    </form>
  );
}
