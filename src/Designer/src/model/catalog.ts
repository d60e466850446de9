/** The product catalog's API shapes (issue 15): GET /api/catalog/*, /api/products/*. */

export interface CatalogCategory { key: string; name: string }

/** A listed (approved) product as buyers see it. */
export interface ListedProduct {
  id: string;
  category: string;
  title: string;
  description: string;
  moq: number;
  basePrice: number;
  currency: string;
  leadTimeDays: number;
  views: number;
  inquiries: number;
  rating: number;
  supplierId: string;
  supplierName: string;
  listedAt: string | null;
  /** Images as approved: imageUrl(product.id, imageId). */
  imageIds: string[];
}

/** Where buyers load a listed product's image. */
export const imageUrl = (productId: string, imageId: string) => `/api/catalog/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(imageId)}`;

/** A stored file as the API shows it. */
export interface StoredImage { id: string; name: string; contentType: string; size: number; uploadedAt: string; url: string }

export interface ProductFields { category: string; title: string; description: string; moq: number; basePrice: number; currency: string; leadTimeDays: number }

export interface ProductRevision {
  id: string;
  number: number;
  status: 'pending' | 'approved' | 'rejected';
  fields: ProductFields;
  rejectionReason: string | null;
  instanceId: string | null;
  submittedAt: string;
  decidedAt: string | null;
}

/** A product as its supplier sees it: what buyers see (listed) and the latest revision with its review. */
export interface SupplierProduct {
  id: string;
  supplierId: string;
  isListed: boolean;
  listed: ProductFields | null;
  latest: ProductRevision | null;
  views: number;
  inquiries: number;
  createdAt: string;
  listedAt: string | null;
  /** Every image, at the owner's route (buyers see those uploaded by the last approval). */
  images: StoredImage[];
}

/** The quote form's address for "Ask for a quote" on a product: the form starts with its category and MOQ. */
export function quoteLinkFor(product: Pick<ListedProduct, 'id' | 'category' | 'moq' | 'title'>): string {
  // The title only labels the form (reading the product again there would count a second view); the server checks the id.
  const q = new URLSearchParams({ productId: product.id, productType: product.category, quantity: String(Math.max(product.moq, 50)), product: product.title });
  return `/quote?${q.toString()}`;
}

/** The catalog search's query string from the form's values (empty values left out). */
export function catalogQuery(values: { search: string; category: string; maxMoq: string; page?: number }): string {
  const q = new URLSearchParams();
  if (values.search.trim()) q.set('search', values.search.trim());
  if (values.category) q.set('category', values.category);
  if (values.maxMoq.trim()) q.set('maxMoq', values.maxMoq.trim());
  if (values.page && values.page > 1) q.set('page', String(values.page));
  q.set('pageSize', '24');
  return q.toString();
}
