import { describe, expect, it } from 'vitest';
import { homeOf, mayWriteRules, roleOfToken, screenOf, screensOf } from './roles';

function token(payload: object): string {
  const b64 = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `eyJhbGciOiJIUzI1NiJ9.${b64}.signature`;
}

describe('roles', () => {
  it('shows each role only what it may open', () => {
    expect(screensOf('ops')).toContain('workflows');
    expect(screensOf('buyer')).toEqual(['my-quotes', 'my-orders', 'tasks']);
    expect(screensOf('ops')).toContain('ops-orders');
    expect(screensOf('buyer')).not.toContain('ops-quotes');
    expect(screensOf('supplier')).not.toContain('workflows');
    expect(screensOf('factory')).not.toContain('instances');
    expect(screensOf('rule_author')).toEqual(['rules', 'tasks']);
    expect(screensOf(null)).toHaveLength(11);
  });
  it('sends each role home to its own work', () => {
    expect(homeOf('rule_author')).toBe('/rules');
    expect(homeOf('buyer')).toBe('/my/quotes');
    expect(homeOf('supplier')).toBe('/offers');
    expect(homeOf('factory')).toBe('/factory');
    expect(homeOf('admin')).toBe('/');
    expect(mayWriteRules('ops')).toBe(false);
    expect(mayWriteRules('rule_author')).toBe(true);
  });
  it('maps paths to screens', () => {
    expect(screenOf('/')).toBe('workflows');
    expect(screenOf('/workflows/x')).toBe('workflows');
    expect(screenOf('/instances/abc')).toBe('instances');
    expect(screenOf('/quote')).toBeNull();
    expect(screenOf('/my/orders')).toBe('my-orders');
    expect(screenOf('/orders/abc')).toBeNull();
  });
  it('reads the role claim of a token', () => {
    expect(roleOfToken(token({ sub: '1', role: 'supplier' }))).toBe('supplier');
    expect(roleOfToken(token({ sub: '1' }))).toBeNull();
    expect(roleOfToken('garbage')).toBeNull();
    expect(roleOfToken(null)).toBeNull();
  });
});
