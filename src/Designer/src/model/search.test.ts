import { describe, expect, it } from 'vitest';
import quoteToDelivery from '../../../../workflows/quote-to-delivery/v3.json';
import { searchActivities } from './search';
import type { WorkflowDefinition } from './types';

const activities = (quoteToDelivery as unknown as WorkflowDefinition).root.activities;

describe('activity search', () => {
  it('finds the deposit payment first for "payment": a word of its name, in the workflow\'s order', () => {
    const hits = searchActivities(activities, 'payment');
    expect(hits[0]).toEqual({ id: 'deposit-intent', title: 'Deposit payment intent', type: 'CreatePaymentIntent' });
    expect(hits.map((h) => h.id)).toContain('balance-intent');
  });

  it('matches ids and is case-insensitive; an exact id comes first', () => {
    expect(searchActivities(activities, 'WAIT-DEPOSIT')[0].id).toBe('wait-deposit');
    expect(searchActivities(activities, 'deposit-intent')[0].id).toBe('deposit-intent');
  });

  it('matches a part of a word after whole words, and the type last', () => {
    const acts = [
      { id: 'a', type: 'Log', name: 'Status: awaiting_payment' },
      { id: 'b', type: 'Log', name: 'Prepayment check' },
      { id: 'c', type: 'CreatePaymentIntent' },
      { id: 'd', type: 'Log', name: 'Payment receipt' },
    ];
    expect(searchActivities(acts, 'payment').map((h) => h.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('finds nothing for blanks or a miss, and stops at the limit', () => {
    expect(searchActivities(activities, '   ')).toEqual([]);
    expect(searchActivities(activities, 'no such thing')).toEqual([]);
    expect(searchActivities(activities, 'e', 5)).toHaveLength(5);
  });
});
