import { describe, expect, it } from 'vitest';
import { buildStartInput } from './startInput';
import type { WorkflowInputDefinition } from './types';

const inputs: WorkflowInputDefinition[] = [
  { name: 'orderId', type: 'string', required: true },
  { name: 'amount', type: 'number' },
  { name: 'count', type: 'integer' },
  { name: 'rush', type: 'boolean' },
  { name: 'lines', type: 'array' },
  { name: 'extra', type: 'any' },
];

describe('the start-instance form', () => {
  it('turns what was typed into the input, leaving blanks out', () => {
    const r = buildStartInput(inputs, { orderId: ' SO-1 ', amount: '12.5', count: '3', rush: true, lines: '["a"]', extra: 'word' });
    expect(r.problems).toEqual({});
    expect(r.input).toEqual({ orderId: 'SO-1', amount: 12.5, count: 3, rush: true, lines: ['a'], extra: 'word' });
    expect(buildStartInput(inputs, { orderId: 'SO-1', amount: '' }).input).toEqual({ orderId: 'SO-1' });
  });

  it('names each input that is missing or does not fit', () => {
    const r = buildStartInput(inputs, { amount: 'twelve', count: '1.5', lines: '{"a":1}', extra: '{' });
    expect(r.problems).toEqual({
      orderId: 'is required to start this workflow',
      amount: 'must be a number',
      count: 'must be a whole number',
      lines: 'must be a JSON list, like ["a", "b"]',
    });
    expect(r.input.extra).toBe('{');
  });
});
