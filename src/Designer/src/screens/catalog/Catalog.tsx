import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { catalogQuery, imageUrl, type CatalogCategory, type ListedProduct } from '../../model/catalog';
import { money, words, type ListPage } from '../../model/portal';
import { Link } from '../../router';

/**
 * The buyers' catalog (GET /api/catalog/products, open to anyone): approved products only, searched by words, category
 * and the largest minimum order the buyer accepts.
 */
export function Catalog() {
  const [form, setForm] = useState({ search: '', category: '', maxMoq: '' });
  const [applied, setApplied] = useState({ ...form, page: 1 });
  const categories = useApi<CatalogCategory[]>('/api/catalog/categories');
  const { data, error, loading } = useApi<ListPage<ListedProduct>>(`/api/catalog/products?${catalogQuery(applied)}`);
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const filtered = applied.search.trim() !== '' || applied.category !== '' || applied.maxMoq.trim() !== '';

  return (
    <div className="page">
      <div className="page-header"><h1>Products</h1><div className="actions"><Link to="/quote">Ask for a custom quote</Link></div></div>
      <p className="muted">Products our suppliers make, checked by our team. Open one to see its details and ask for a quote.</p>
      <form className="filters" aria-label="Search products" onSubmit={(e) => { e.preventDefault(); setApplied({ ...form, page: 1 }); }}>
        <label>Search <input type="search" value={form.search} maxLength={200} placeholder="e.g. organic cotton" onChange={(e) => setForm({ ...form, search: e.target.value })} /></label>
        <label htmlFor="catalog-category">Category</label>
        <select id="catalog-category" value={form.category} onChange={(e) => setForm({ ...form, category: e.target.value })}>
            <option value="">any</option>
            {categories.data?.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
        </select>
        <label>Minimum order at most <input type="number" min={1} step={1} value={form.maxMoq} onChange={(e) => setForm({ ...form, maxMoq: e.target.value })} /></label>
        <button type="submit" className="primary">Search</button>
      </form>
      {loading && !data && <Loading what="products" />}
      <ErrorBox error={error} title="Could not load the products" />
      {data && data.items.length === 0 && (
        <Empty>{filtered ? 'No product matches. Try fewer words, another category or a larger minimum order.' : 'No products are listed yet.'} You can always <Link to="/quote">ask for a custom quote</Link>.</Empty>
      )}
      {data && data.items.length > 0 && (
        <ul className="product-grid" data-testid="product-list">
          {data.items.map((p) => (
            <li key={p.id} className="card product-card">
              {p.imageIds.length > 0 && <img className="product-thumb" src={imageUrl(p.id, p.imageIds[0])} alt="" loading="lazy" />}
              <h2><Link to={`/catalog/${p.id}`}>{p.title}</Link></h2>
              <p className="muted small">{words(p.category)} · by {p.supplierName}</p>
              <dl className="facts">
                <dt>From</dt><dd>{money(p.basePrice, p.currency)} per piece</dd>
                <dt>Minimum order</dt><dd>{p.moq.toLocaleString('en-US')} pieces</dd>
                <dt>Lead time</dt><dd>{p.leadTimeDays} days</dd>
              </dl>
            </li>
          ))}
        </ul>
      )}
      {data && pages > 1 && (
        <nav className="pager" aria-label="Pages">
          <button type="button" disabled={applied.page <= 1} onClick={() => setApplied({ ...applied, page: applied.page - 1 })}>Previous</button>
          <span>Page {applied.page} of {pages}</span>
          <button type="button" disabled={applied.page >= pages} onClick={() => setApplied({ ...applied, page: applied.page + 1 })}>Next</button>
        </nav>
      )}
    </div>
  );
}
