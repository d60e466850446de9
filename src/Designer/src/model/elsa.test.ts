import { describe, expect, it } from 'vitest';
import { convertElsa, isElsaDefinition } from './elsa';

/** An Elsa 3.x export (WorkflowDefinitionModel) of a flowchart: Start → WriteLine → FlowDecision → SetVariable / Delay → End. */
const elsa = {
  id: 'a1b2', definitionId: 'OrderFlow', name: 'Order flow', description: 'from Elsa', version: 4,
  variables: [
    { id: 'v-total', name: 'Total', typeName: 'Int32', value: '5' },
    { id: 'v-note', name: 'Note', typeName: 'String', value: null },
  ],
  root: {
    type: 'Elsa.Flowchart', id: 'root', version: 1,
    activities: [
      { id: 'start1', type: 'Elsa.Start', version: 1, metadata: { designer: { position: { x: 10, y: 20 } } } },
      { id: 'write1', type: 'Elsa.WriteLine', name: 'Say hello', version: 1, text: { typeName: 'String', expression: { type: 'Liquid', value: 'Hello {{ Variables.Total }}' } }, metadata: { designer: { position: { x: 200, y: 20 } } } },
      { id: 'decide', type: 'Elsa.FlowDecision', version: 1, condition: { typeName: 'Boolean', expression: { type: 'JavaScript', value: 'getVariable("Total") > 3' } } },
      { id: 'set1', type: 'Elsa.SetVariable', version: 1, variable: { id: 'v-note', name: 'Note' }, value: { typeName: 'Object', expression: { type: 'Literal', value: 'big' } } },
      { id: 'wait1', type: 'Elsa.Delay', version: 1, timeSpan: { typeName: 'TimeSpan', expression: { type: 'Literal', value: '00:05:00' } } },
      { id: 'end1', type: 'Elsa.End', version: 1 },
    ],
    connections: [
      { source: { activity: 'start1', port: 'Done' }, target: { activity: 'write1', port: 'In' } },
      { source: { activity: 'write1', port: 'Done' }, target: { activity: 'decide', port: 'In' } },
      { source: { activity: 'decide', port: 'True' }, target: { activity: 'set1', port: 'In' } },
      { source: { activity: 'decide', port: 'False' }, target: { activity: 'wait1', port: 'In' } },
      { source: 'set1', sourcePort: 'Done', target: 'end1', targetPort: 'In' },
      { source: { activity: 'wait1', port: 'Done' }, target: { activity: 'end1', port: 'In' } },
    ],
  },
};

describe('Elsa 3 import', () => {
  it('recognises an Elsa export and not ours', () => {
    expect(isElsaDefinition(elsa)).toBe(true);
    expect(isElsaDefinition({ definitionId: 'x', root: { activities: [{ id: 's', type: 'Start' }] } })).toBe(false);
  });

  it('maps types, inputs, expressions, variables, positions and connections', () => {
    const r = convertElsa(elsa);
    expect(r.errors).toEqual([]);
    const d = r.definition!;
    expect(d.definitionId).toBe('orderflow');
    expect(d.name).toBe('Order flow');
    expect(d.variables).toEqual([{ name: 'Total', type: 'number', default: 5 }, { name: 'Note', type: 'string' }]);
    const byId = Object.fromEntries(d.root.activities.map((a) => [a.id, a]));
    expect(byId.start1).toEqual({ id: 'start1', type: 'Start', position: { x: 10, y: 20 } });
    expect(byId.write1).toEqual({ id: 'write1', type: 'Log', name: 'Say hello', inputs: { message: { $template: 'Hello {{ Variables.Total }}' } }, position: { x: 200, y: 20 } });
    expect(byId.decide.inputs).toEqual({ condition: { $js: 'getVariable("Total") > 3' } });
    expect(byId.set1.inputs).toEqual({ variable: 'Note', value: 'big' });
    expect(byId.wait1).toMatchObject({ type: 'Delay', inputs: { duration: '00:05:00' } });
    expect(byId.end1.type).toBe('End');
    expect(d.root.connections).toContainEqual({ source: { activity: 'decide', port: 'False' }, target: { activity: 'wait1' } });
    expect(d.root.connections).toContainEqual({ source: { activity: 'set1', port: 'Done' }, target: { activity: 'end1' } });
    expect(d.root.connections).toHaveLength(6);
    expect(r.warnings.some((w) => w.includes('Liquid'))).toBe(true);
  });

  it('names every activity without an equivalent, and unsupported expression languages', () => {
    const bad = structuredClone(elsa) as typeof elsa & { root: { activities: unknown[] } };
    bad.root.activities.push({ id: 'mail', type: 'Elsa.SendEmail', name: 'Mail ops' });
    bad.root.activities.push({ id: 'bulk', type: 'Elsa.BulkDispatchWorkflows' });
    bad.root.activities.push({ id: 'cs', type: 'Elsa.WriteLine', text: { typeName: 'String', expression: { type: 'CSharp', value: '"x"' } } });
    const r = convertElsa(bad);
    expect(r.definition).toBeNull();
    expect(r.errors).toEqual([
      "activity 'mail' (Mail ops): Elsa type 'Elsa.SendEmail' has no equivalent here",
      "activity 'bulk': Elsa type 'Elsa.BulkDispatchWorkflows' has no equivalent here",
      "activity 'cs', input 'text': expression language 'CSharp' is not supported (JavaScript, Liquid, Variable and literals are)",
    ]);
  });
});
