import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './returnTo';

const origin = 'https://sleek.example';

describe('safeReturnTo', () => {
  it('keeps a path of this site with its query', () => {
    expect(safeReturnTo('/offers?party=abc', origin)).toBe('/offers?party=abc');
    expect(safeReturnTo('/orders/1f2e', origin)).toBe('/orders/1f2e');
  });
  it('refuses other sites however they are written', () => {
    for (const evil of ['https://evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', '/%0a/evil.example', '/\t/evil.example', 'evil.example/x']) {
      const got = safeReturnTo(evil, origin);
      expect(got === null || new URL(got, origin).origin === origin).toBe(true);
    }
    expect(safeReturnTo('https://evil.example', origin)).toBeNull();
    expect(safeReturnTo('//evil.example', origin)).toBeNull();
    expect(safeReturnTo('/\\evil.example', origin)).toBeNull();
  });
  it('sends nobody back to the start page or the sign-in itself', () => {
    expect(safeReturnTo('/', origin)).toBeNull();
    expect(safeReturnTo('/sign-in?next=/x', origin)).toBeNull();
    expect(safeReturnTo(null, origin)).toBeNull();
  });
});
