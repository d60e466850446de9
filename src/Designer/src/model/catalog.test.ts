import { describe, expect, it } from 'vitest';
import { catalogQuery, quoteLinkFor } from './catalog';

describe('catalog', () => {
  it('carries the product, its category and its MOQ (at least the quote minimum) into the quote form', () => {
    expect(quoteLinkFor({ id: 'p1', category: 'hoodie', moq: 300, title: 'Zip & go' })).toBe('/quote?productId=p1&productType=hoodie&quantity=300&product=Zip+%26+go');
    expect(quoteLinkFor({ id: 'p2', category: 'hat', moq: 10, title: 'Cap' })).toBe('/quote?productId=p2&productType=hat&quantity=50&product=Cap');
  });

  it('leaves empty filters out of the search', () => {
    expect(catalogQuery({ search: '  ', category: '', maxMoq: '' })).toBe('pageSize=24');
    expect(catalogQuery({ search: 'organic tee', category: 't_shirt', maxMoq: '500', page: 2 })).toBe('search=organic+tee&category=t_shirt&maxMoq=500&page=2&pageSize=24');
  });
});
