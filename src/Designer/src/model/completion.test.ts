import { describe, expect, it } from 'vitest';
import { completeExpression, scopeOf, upstreamOf } from './completion';
import type { WorkflowDefinition } from './types';

const definition: WorkflowDefinition = {
  definitionId: 'approval',
  name: 'Approval',
  variables: [{ name: 'total', type: 'number' }, { name: 'customer', type: 'string' }],
  inputs: [{ name: 'orderId', type: 'string', required: true }],
  root: {
    activities: [
      { id: 'start', type: 'Start' },
      { id: 'humanTask1', type: 'HumanTask', name: 'Approve the order', inputs: { form: [{ name: 'amount', type: 'number' }, { name: 'reason', type: 'string' }] } },
      { id: 'deposit-intent', type: 'Http', name: 'Deposit payment intent' },
      { id: 'decision1', type: 'Decision' },
      { id: 'later', type: 'Log' },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'humanTask1' } },
      { source: { activity: 'humanTask1', port: 'Done' }, target: { activity: 'deposit-intent' } },
      { source: { activity: 'deposit-intent', port: 'Done' }, target: { activity: 'decision1' } },
      { source: { activity: 'decision1', port: 'True' }, target: { activity: 'later' } },
      // A loop back does not make a later activity "earlier".
      { source: { activity: 'later', port: 'Done' }, target: { activity: 'humanTask1' } },
    ],
  },
};

const at = (text: string) => completeExpression(text, text.length, scopeOf(definition, 'decision1'));

describe('expression completion', () => {
  it('finds the activities that run before one, nearest first', () => {
    expect(upstreamOf('decision1', definition.root.connections)).toEqual(['deposit-intent', 'humanTask1', 'start', 'later']);
    expect(upstreamOf('start', definition.root.connections)).toEqual([]);
  });

  it('offers the earlier activities after outputs., never the Start', () => {
    const answer = completeExpression('outputs.', 8, scopeOf(definition, 'humanTask1'));
    // humanTask1 is reached from start and (looping) from later, decision1, deposit-intent.
    expect(answer?.options.map((o) => o.label)).toEqual(['later', 'decision1', 'deposit-intent']);
    const fromDecision = at('outputs.');
    expect(fromDecision?.options.map((o) => o.label)).toEqual(['deposit-intent', 'humanTask1', 'later']);
  });

  it('writes an id with a dash in brackets, replacing the dot', () => {
    const answer = at('outputs.dep')!;
    expect(answer.options).toHaveLength(1);
    expect(answer.options[0].apply).toBe('["deposit-intent"]');
    expect(answer.from).toBe('outputs'.length);
    // The plain ids in the same list keep their dot.
    expect(at('outputs.')!.options.find((o) => o.label === 'humanTask1')!.apply).toBe('.humanTask1');
  });

  it("offers a human task's form fields and its outcome after outputs.<id>.", () => {
    expect(at('outputs.humanTask1.')!.options.map((o) => o.label)).toEqual(['amount', 'reason', 'outcome']);
    expect(at('outputs.humanTask1.am')!.options.map((o) => o.label)).toEqual(['amount']);
    expect(at('outputs.humanTask1.am')!.from).toBe('outputs.humanTask1.'.length);
    expect(at('outputs["deposit-intent"].')).toBeNull();
  });

  it('offers variables and workflow inputs, filtered by what is typed', () => {
    expect(at('variables.')!.options.map((o) => o.label)).toEqual(['total', 'customer']);
    expect(at('variables.tot > 1000 && variables.cu')!.options.map((o) => o.label)).toEqual(['customer']);
    expect(at('input.')!.options.map((o) => o.label)).toEqual(['orderId']);
  });

  it('offers the roots while a word is typed, and nothing inside other words', () => {
    expect(at('out')!.options.map((o) => o.label)).toEqual(['outputs']);
    expect(at('1 + v')!.options.map((o) => o.label)).toEqual(['variables']);
    expect(at('1 + ')).toBeNull();
    expect(at('Math.ou')).toBeNull();
  });
});
