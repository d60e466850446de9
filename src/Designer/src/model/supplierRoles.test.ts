import { describe, expect, it } from 'vitest';
import { homeOf, screenOf, screensOf } from './roles';

describe('supplier portal navigation', () => {
  it('gives suppliers offers and assigned orders, factories production and QC, ops all', () => {
    expect(screensOf('supplier')).toEqual(['tasks', 'offers', 'production', 'onboarding', 'my-products']);
    expect(screensOf('factory')).toEqual(['tasks', 'factory']);
    expect(screensOf('ops')).toEqual(expect.arrayContaining(['offers', 'production', 'factory']));
    expect(screensOf('buyer')).not.toContain('offers');
  });
  it('sends suppliers and factories home to their portal', () => {
    expect(homeOf('supplier')).toBe('/offers');
    expect(homeOf('factory')).toBe('/factory');
    expect(screenOf('/offers')).toBe('offers');
    expect(screenOf('/factory')).toBe('factory');
  });
});
