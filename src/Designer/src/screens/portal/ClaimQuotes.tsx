import { useEffect, useState } from 'react';
import { api, getToken } from '../../api/client';
import { useActionKey } from '../../api/useActionKey';
import { ErrorBox, Loading } from '../../components/Feedback';
import { Link, useRouter } from '../../router';

/**
 * The quote-claim e-mail's link: signed in as the buyer the e-mail went to, it moves the quotes asked for with that
 * address before the account existed into "My quotes". Signed out, it sends the person to sign in and back here.
 */
export function ClaimQuotes() {
  const { search, navigate } = useRouter();
  const token = new URLSearchParams(search).get('token') ?? '';
  const { key } = useActionKey();
  const [result, setResult] = useState<{ quotes: number; orders: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const signedIn = getToken() !== null;
  useEffect(() => {
    if (!signedIn) {
      navigate(`/sign-in?next=${encodeURIComponent('/claim-quotes' + search)}`, { replace: true });
      return;
    }
    let cancelled = false;
    api<{ quotes: number; orders: number }>('/api/portal/claim-quotes', { method: 'POST', body: { token }, idempotencyKey: key() })
      .then((r) => { if (!cancelled) setResult(r); })
      .catch((e: unknown) => { if (!cancelled) setError(e); });
    return () => { cancelled = true; };
  }, [signedIn, token, key, search, navigate]);

  return (
    <div className="page narrow">
      <h1>Add your earlier quotes</h1>
      {!result && !error && <Loading what="your quotes" />}
      <ErrorBox error={error} title="Your quotes were not added" />
      {result && (
        <p role="status" data-testid="claim-result">
          {result.quotes === 0 ? 'There was nothing left to add: your quotes are already in your account.' : `Added ${result.quotes} quote(s)${result.orders ? ` and ${result.orders} order(s)` : ''} to your account.`}{' '}
          <Link to="/my/quotes">See my quotes</Link>
        </p>
      )}
    </div>
  );
}
