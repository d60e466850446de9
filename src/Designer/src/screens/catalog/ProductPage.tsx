import { useApi } from '../../api/useApi';
import { ErrorBox, Loading } from '../../components/Feedback';
import { imageUrl, quoteLinkFor, type ListedProduct } from '../../model/catalog';
import { money, words } from '../../model/portal';
import { Link, useRouter } from '../../router';

/** /catalog/:id: one listed product with its supplier's rating, views and inquiries, and "Ask for a quote" from it. */
export function ProductPage({ productId }: { productId: string }) {
  const { navigate } = useRouter();
  const { data, error, loading } = useApi<ListedProduct>(`/api/catalog/products/${encodeURIComponent(productId)}`);
  return (
    <div className="page narrow product-page">
      <p><Link to="/catalog">← All products</Link></p>
      {loading && !data && <Loading what="the product" />}
      <ErrorBox error={error} title="This product is not available" />
      {data && (
        <article className="card" aria-label={data.title}>
          <h1>{data.title}</h1>
          <p className="muted">{words(data.category)} · by {data.supplierName}</p>
          {data.imageIds.length > 0 && (
            <div className="product-images" data-testid="product-images">
              {data.imageIds.map((imageId, i) => <img key={imageId} src={imageUrl(data.id, imageId)} alt={`${data.title}, picture ${i + 1} of ${data.imageIds.length}`} />)}
            </div>
          )}
          {data.description && <p className="product-description">{data.description}</p>}
          <dl className="facts">
            <dt>Price from</dt><dd>{money(data.basePrice, data.currency)} per piece</dd>
            <dt>Minimum order</dt><dd>{data.moq.toLocaleString('en-US')} pieces</dd>
            <dt>Lead time</dt><dd>{data.leadTimeDays} days</dd>
            <dt>Supplier rating</dt><dd>{data.rating.toFixed(1)} of 5</dd>
            <dt>Views</dt><dd data-testid="product-views">{data.views.toLocaleString('en-US')}</dd>
            <dt>Quotes asked</dt><dd data-testid="product-inquiries">{data.inquiries.toLocaleString('en-US')}</dd>
          </dl>
          <button type="button" className="primary" onClick={() => navigate(quoteLinkFor(data))}>Ask for a quote</button>
        </article>
      )}
    </div>
  );
}
