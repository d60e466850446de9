import { Fragment, useState } from 'react';
import { api, getToken, fieldErrorsOf } from '../api/client';
import { useApi } from '../api/useApi';
import { ErrorBox, Loading } from '../components/Feedback';
import { Link, useRouter } from '../router';
import { useActionKey } from '../api/useActionKey';
import { money, requirementLines, type QuoteSummary } from '../model/portal';

/** A quote as POST /api/quotes (and GET /api/quotes/{id}) answers it. */
type QuoteAnswer = QuoteSummary;

/**
 * Ask for a quote (POST /api/quotes, open to anyone): a priced quote at once, e-mailed as well. Signed in as a buyer,
 * the quote is theirs and can be accepted here, which makes the order.
 */
export function Quote() {
  // "Ask for a quote" on a catalog product (issue 15): ?productId=&productType=&quantity= prefill the form, and the quote references the product.
  const prefill = new URLSearchParams(useRouter().search);
  const productId = prefill.get('productId');
  const productTitle = prefill.get('product') ?? 'from the catalog';
  const [productType, setProductType] = useState(prefill.get('productType') ?? '');
  const [quantity, setQuantity] = useState(prefill.get('quantity') ?? '150');
  const [complexity, setComplexity] = useState('medium');
  const [fabric, setFabric] = useState('');
  const [requirements, setRequirements] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const [certifications, setCertifications] = useState('');
  const [allowedCountries, setAllowedCountries] = useState('');
  const [blockedCountries, setBlockedCountries] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [quote, setQuote] = useState<QuoteAnswer | null>(null);
  const fieldErrors = fieldErrorsOf(error);
  const invalid = (field: string) => (fieldErrors[field] ? ' invalid' : '');

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setQuote(await api<QuoteAnswer>('/api/quotes', {
        method: 'POST',
        body: {
          productType, quantity: Number(quantity), complexity, fabric: fabric || undefined, requirements: requirements || undefined, email, name: name || undefined, productId: productId || undefined,
          neededBy: neededBy || undefined, requiredCertifications: list(certifications), allowedCountries: list(allowedCountries), blockedCountries: list(blockedCountries),
        },
      }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (quote) return <QuoteResult quote={quote} onAnother={() => setQuote(null)} />;

  return (
    <div className="page narrow">
      <h1>Ask for a quote</h1>
      <p className="muted">No account needed: the price and lead time come at once and by e-mail. <Link to="/register">Register as a buyer</Link> to accept quotes yourself.</p>
      {productId && (
        <p className="status" role="status" data-testid="quote-product">
          For the product <Link to={`/catalog/${productId}`}>{productTitle}</Link>: the category and minimum order are filled in.
        </p>
      )}
      <form className="card" onSubmit={submit} aria-label="Ask for a quote">
        <div className={`input-row${invalid('productType')}`}>
          <label htmlFor="quote-product">Product</label>
          <input id="quote-product" type="text" placeholder="e.g. T-shirt, hoodie, polo shirt" maxLength={100} value={productType} onChange={(e) => setProductType(e.target.value)} required />
        </div>
        <div className={`input-row${invalid('quantity')}`}>
          <label htmlFor="quote-quantity">Quantity (50 to 100,000 pieces)</label>
          <input id="quote-quantity" type="number" min={50} max={100000} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
        </div>
        <div className={`input-row${invalid('complexity')}`}>
          <label htmlFor="quote-complexity">Complexity</label>
          <select id="quote-complexity" value={complexity} onChange={(e) => setComplexity(e.target.value)}>
            <option value="simple">Simple</option>
            <option value="medium">Medium</option>
            <option value="complex">Complex</option>
          </select>
        </div>
        <div className={`input-row${invalid('fabric')}`}>
          <label htmlFor="quote-fabric">Fabric (optional)</label>
          <input id="quote-fabric" type="text" maxLength={100} value={fabric} onChange={(e) => setFabric(e.target.value)} />
        </div>
        <div className={`input-row${invalid('requirements')}`}>
          <label htmlFor="quote-requirements">Requirements (optional)</label>
          <textarea id="quote-requirements" rows={3} maxLength={2000} value={requirements} onChange={(e) => setRequirements(e.target.value)} />
        </div>
        <fieldset className="requirements">
          <legend>Supplier requirements (optional)</legend>
          <div className={`input-row${invalid('neededBy')}`}>
            <label htmlFor="quote-needed-by">Needed by</label>
            <input id="quote-needed-by" type="date" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} />
          </div>
          <div className={`input-row${invalid('requiredCertifications')}`}>
            <label htmlFor="quote-certifications">Required certifications, separated by commas</label>
            <input id="quote-certifications" type="text" placeholder="e.g. GOTS, OEKO-TEX" maxLength={600} value={certifications} onChange={(e) => setCertifications(e.target.value)} />
          </div>
          <div className={`input-row${invalid('allowedCountries')}`}>
            <label htmlFor="quote-allowed-countries">Made only in (country codes)</label>
            <input id="quote-allowed-countries" type="text" placeholder="e.g. PT, ES" maxLength={300} value={allowedCountries} onChange={(e) => setAllowedCountries(e.target.value)} />
          </div>
          <div className={`input-row${invalid('blockedCountries')}`}>
            <label htmlFor="quote-blocked-countries">Never made in (country codes)</label>
            <input id="quote-blocked-countries" type="text" placeholder="e.g. CN" maxLength={300} value={blockedCountries} onChange={(e) => setBlockedCountries(e.target.value)} />
          </div>
        </fieldset>
        <div className={`input-row${invalid('email')}`}>
          <label htmlFor="quote-email">Your email</label>
          <input id="quote-email" type="email" autoComplete="email" maxLength={255} value={email} onChange={(e) => setEmail(e.target.value)} required />
        </div>
        <div className={`input-row${invalid('name')}`}>
          <label htmlFor="quote-name">Your name (optional)</label>
          <input id="quote-name" type="text" autoComplete="name" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <ErrorBox error={error} title="The quote could not be made" />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Pricing…' : 'Get a quote'}</button>
      </form>
    </div>
  );
}

/** /quotes/:id, where the quote e-mail links to: the quote, and Accept for its buyer (sign-in first). */
export function QuoteView({ quoteId }: { quoteId: string }) {
  // The e-mail's link of a quote asked for without an account carries ?token=: it opens (and accepts) this quote only.
  const linkToken = new URLSearchParams(useRouter().search).get('token');
  const path = linkToken ? `/api/quotes/${encodeURIComponent(quoteId)}/link?token=${encodeURIComponent(linkToken)}` : `/api/quotes/${encodeURIComponent(quoteId)}`;
  const { data, error, loading } = useApi<QuoteAnswer>(path);
  return (
    <>
      {loading && !data && <div className="page narrow"><Loading what="the quote" /></div>}
      {error !== null && (
        <div className="page narrow">
          <ErrorBox error={error} title={linkToken ? 'This quote link does not work' : 'Could not load the quote'} />
          {linkToken && <p>The link may have expired (links work for 30 days) or been cut short by your e-mail program. Reply to the quote e-mail and we send a new one, or <Link to="/register">register</Link> with the same e-mail address to see all your quotes.</p>}
          {!linkToken && getToken() === null && <p>Quotes are shown to their buyer: <Link to={`/sign-in?next=${encodeURIComponent(`/quotes/${quoteId}`)}`}>sign in</Link> first.</p>}
        </div>
      )}
      {data && <QuoteResult quote={data} linkToken={linkToken} />}
    </>
  );
}

/** A discount promised before acceptance, still to be had (an accepted quote's order already carries it). */
const promised = (quote: QuoteAnswer) => quote.discountPercent > 0 && quote.discountedTotal !== null && ['quote_requested', 'quote_sent'].includes(quote.status);

function QuoteResult({ quote, onAnother, linkToken }: { quote: QuoteAnswer; onAnother?: () => void; linkToken?: string | null }) {
  const [accepted, setAccepted] = useState<QuoteAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { key } = useActionKey();
  const signedIn = getToken() !== null;
  const mayAccept = signedIn || !!linkToken;
  const accept = async () => {
    setError(null);
    setBusy(true);
    try {
      // One key per intended acceptance: a double click or a retry is answered with the first result.
      const path = linkToken && !signedIn ? `/api/quotes/${quote.id}/link/accept?token=${encodeURIComponent(linkToken)}` : `/api/quotes/${quote.id}/accept`;
      setAccepted(await api<QuoteAnswer>(path, { method: 'POST', idempotencyKey: key() }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="page narrow">
      <h1>Your quote {quote.number}</h1>
      <div className="card quote-result" role="status">
        <dl>
          <dt>Product</dt><dd>{quote.quantity.toLocaleString()} × {quote.productType.replace(/_/g, ' ')} ({quote.complexity})</dd>
          <dt>Price per piece</dt><dd>{money(quote.unitPrice, quote.currency)}</dd>
          {promised(quote) ? (
            <>
              <dt>Total</dt><dd><s data-testid="quote-full-total">{money(quote.total, quote.currency)}</s></dd>
              <dt>With your {quote.discountPercent} % discount</dt><dd><strong data-testid="quote-discounted-total">{money(quote.discountedTotal!, quote.currency)}</strong></dd>
            </>
          ) : (
            <><dt>Total</dt><dd><strong>{money(quote.total, quote.currency)}</strong></dd></>
          )}
          <dt>Lead time</dt><dd>{quote.leadTimeDays} days</dd>
          {requirementLines(quote.orderRequirements).map(([label, value]) => (
            <Fragment key={label}><dt>{label}</dt><dd data-testid="quote-requirement">{value}</dd></Fragment>
          ))}
        </dl>
        {promised(quote) && <p data-testid="quote-discount">We promised you {quote.discountPercent} % off: accept it and your order and both invoices use the discounted total.</p>}
        <p>We e-mailed it to {quote.email} as well.</p>
      </div>
      {accepted ? (
        <div className="status" role="status" data-testid="quote-accepted">
          Accepted: your order is made, and its deposit invoice is on its way to {quote.email}.{' '}
          {signedIn && accepted.orderId ? <Link to={`/orders/${accepted.orderId}`}>Open the order</Link> : <>To follow the order and pay online, <Link to="/register">register with {quote.email}</Link>.</>}
        </div>
      ) : ['accepted', 'expired', 'cancelled'].includes(quote.status) ? (
        <p className="muted">This quote is {quote.status.replace(/_/g, ' ')}.{quote.orderId && signedIn && <> <Link to={`/orders/${quote.orderId}`}>Open its order</Link></>}</p>
      ) : mayAccept ? (
        <button type="button" className="primary" onClick={() => void accept()} disabled={busy}>{busy ? 'Accepting…' : 'Accept this quote'}</button>
      ) : (
        <p className="muted">We follow up by e-mail. To accept quotes yourself, <Link to="/register">register as a buyer</Link> and ask while signed in.</p>
      )}
      <ErrorBox error={error} title="The quote was not accepted" />
      {onAnother && <p><button type="button" className="link-button" onClick={onAnother}>Ask for another quote</button></p>}
    </div>
  );
}

/** "GOTS, oeko-tex" → ["GOTS", "oeko-tex"]; nothing → undefined (the field is left out). */
function list(text: string): string[] | undefined {
  const items = text.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  return items.length > 0 ? items : undefined;
}
