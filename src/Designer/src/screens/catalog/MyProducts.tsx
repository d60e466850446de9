import { useState } from 'react';
import { api, fieldErrorsOf } from '../../api/client';
import { useActionKey } from '../../api/useActionKey';
import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading, StatusBadge, formatTime } from '../../components/Feedback';
import type { CatalogCategory, ProductFields, SupplierProduct } from '../../model/catalog';
import { money, words } from '../../model/portal';

/**
 * A supplier's products (/my/products): each new product or change goes to our team for review first; buyers see the
 * last approved version until a change is approved. A rejection shows its reason.
 */
export function MyProducts() {
  const products = useApi<SupplierProduct[]>('/api/products/mine');
  const [editing, setEditing] = useState<SupplierProduct | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <div className="page portal">
      <div className="page-header">
        <h1>My products</h1>
        <div className="actions">{editing === null && <button type="button" className="primary" onClick={() => { setMessage(null); setEditing('new'); }}>Add a product</button>}</div>
      </div>
      <p className="muted">Buyers find your products in the catalog once our team has approved them. A change is reviewed too; until then buyers see the approved version.</p>
      {message && <div className="status" role="status" data-testid="product-status">{message}</div>}
      {editing !== null && (
        <ProductForm
          product={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(m) => { setEditing(null); setMessage(m); products.reload(); }}
        />
      )}
      {products.loading && !products.data && <Loading what="your products" />}
      <ErrorBox error={products.error} title="Could not load your products" />
      {products.data && products.data.length === 0 && editing === null && <Empty>You have no products yet. Add one: buyers see it once our team approves it.</Empty>}
      <ul className="portal-list" data-testid="my-products">
        {products.data?.map((p) => (
          <li key={p.id} className="card portal-card" aria-label={`Product ${p.latest?.fields.title ?? p.id}`}>
            <h2>{p.latest?.fields.title ?? p.listed?.title}</h2>
            <p>
              {p.isListed ? <span className="badge status-approved">listed</span> : <span className="badge">not listed</span>}{' '}
              {p.latest && <>Latest version {p.latest.number}: <StatusBadge status={p.latest.status} /></>}
            </p>
            {p.latest?.status === 'rejected' && <p className="error-text" data-testid="rejection-reason">Rejected: {p.latest.rejectionReason}</p>}
            {p.latest?.status === 'pending' && <p className="muted small">Waiting for review since {formatTime(p.latest.submittedAt)}.{p.isListed && ' Buyers see the approved version meanwhile.'}</p>}
            <dl className="facts">
              {p.listed && <><dt>Listed as</dt><dd>{p.listed.title} · {money(p.listed.basePrice, p.listed.currency)} · MOQ {p.listed.moq.toLocaleString('en-US')}</dd></>}
              <dt>Views</dt><dd>{p.views.toLocaleString('en-US')}</dd>
              <dt>Quotes asked</dt><dd>{p.inquiries.toLocaleString('en-US')}</dd>
            </dl>
            <ProductImages product={p} onAdded={products.reload} />
            {editing === null && p.latest?.status !== 'pending' && (
              <button type="button" onClick={() => { setMessage(null); setEditing(p); }}>Change</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A product's images and an upload (PNG, JPEG or WebP; the server reads the type from the bytes). */
function ProductImages({ product, onAdded }: { product: SupplierProduct; onAdded: () => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const inputId = `product-${product.id}-image`;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      await api(`/api/products/${product.id}/images`, { method: 'POST', body: form });
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="product-image-upload">
      <p className="small">
        {product.images.length === 0 ? 'No pictures yet.' : <>Pictures: <span data-testid="product-image-names">{product.images.map((i) => i.name).join(', ')}</span>.</>}
        {' '}Buyers see pictures added before the last approval; a new one shows after the next approved change.
      </p>
      <label htmlFor={inputId}>{busy ? 'Uploading…' : 'Add a picture (PNG, JPEG or WebP)'}</label>{' '}
      <input id={inputId} type="file" accept="image/png,image/jpeg,image/webp" disabled={busy} onChange={(e) => { void upload(e.target.files?.[0]); e.target.value = ''; }} />
      <ErrorBox error={error} title="The picture was not added" />
    </div>
  );
}

function ProductForm({ product, onCancel, onSaved }: { product: SupplierProduct | null; onCancel: () => void; onSaved: (message: string) => void }) {
  const start: ProductFields | null = product?.latest?.fields ?? product?.listed ?? null;
  const categories = useApi<CatalogCategory[]>('/api/catalog/categories');
  const [values, setValues] = useState({
    category: start?.category ?? '',
    title: start?.title ?? '',
    description: start?.description ?? '',
    moq: start ? String(start.moq) : '100',
    basePrice: start ? start.basePrice.toFixed(2) : '',
    leadTimeDays: start ? String(start.leadTimeDays) : '30',
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { key, renew } = useActionKey();
  const fieldErrors = fieldErrorsOf(error);
  const invalid = (field: string) => (fieldErrors[field] ? ' invalid' : '');
  const set = (field: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setValues({ ...values, [field]: e.target.value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body = { ...values, moq: Number(values.moq), basePrice: Number(values.basePrice), leadTimeDays: Number(values.leadTimeDays), currency: 'USD' };
      await api<SupplierProduct>(product ? `/api/products/${product.id}` : '/api/products', { method: product ? 'PUT' : 'POST', body, idempotencyKey: key() });
      renew();
      onSaved(product ? 'Your change was sent for review. Buyers see the approved version until then.' : 'Your product was sent for review. Buyers see it once it is approved.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card product-form" onSubmit={submit} aria-label={product ? 'Change the product' : 'Add a product'}>
      <h2>{product ? 'Change the product' : 'Add a product'}</h2>
      <div className={`input-row${invalid('category')}`}>
        <label htmlFor="product-category">Category</label>
        <select id="product-category" value={values.category} onChange={set('category')} required>
          <option value="">choose…</option>
          {categories.data?.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
        </select>
        <ErrorBox error={categories.error} title="Could not load the categories" />
      </div>
      <div className={`input-row${invalid('title')}`}>
        <label htmlFor="product-title">Title</label>
        <input id="product-title" type="text" minLength={3} maxLength={120} value={values.title} onChange={set('title')} required />
      </div>
      <div className={`input-row${invalid('description')}`}>
        <label htmlFor="product-description">Description</label>
        <textarea id="product-description" rows={4} maxLength={4000} value={values.description} onChange={set('description')} />
      </div>
      <div className={`input-row${invalid('moq')}`}>
        <label htmlFor="product-moq">Minimum order (pieces)</label>
        <input id="product-moq" type="number" min={1} max={100000} step={1} value={values.moq} onChange={set('moq')} required />
      </div>
      <div className={`input-row${invalid('basePrice')}`}>
        <label htmlFor="product-price">Base price per piece (USD)</label>
        <input id="product-price" type="number" min={0.01} max={100000} step={0.01} value={values.basePrice} onChange={set('basePrice')} required />
      </div>
      <div className={`input-row${invalid('leadTimeDays')}`}>
        <label htmlFor="product-lead-time">Lead time (days)</label>
        <input id="product-lead-time" type="number" min={1} max={365} step={1} value={values.leadTimeDays} onChange={set('leadTimeDays')} required />
      </div>
      <ErrorBox error={error} title="The product was not sent" />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Sending…' : 'Send for review'}</button>{' '}
        <button type="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
      {product?.latest?.status === 'rejected' && <p className="muted small">Last time: {words(product.latest.status)} — {product.latest.rejectionReason}</p>}
    </form>
  );
}
