import { describe, expect, it } from 'vitest';
import sample from '../../../../workflows/sample-approval/v1.json';
import { definitionToGraph, graphToDefinition, newActivityId, INPUT_HANDLE } from './graph';
import { portsOf } from './ports';
import type { ActivityDescriptor, WorkflowDefinition } from './types';

const humanTask: ActivityDescriptor = { type: 'HumanTask', category: 'Human', displayName: 'Human task', description: '', ports: [], hasDynamicPorts: true, isResumable: true, inputs: [] };
const sw: ActivityDescriptor = { type: 'Switch', category: 'Flow', displayName: 'Switch', description: '', ports: ['Default'], hasDynamicPorts: true, isResumable: false, inputs: [] };
const fork: ActivityDescriptor = { type: 'Fork', category: 'Flow', displayName: 'Fork', description: '', ports: [], hasDynamicPorts: true, isResumable: false, inputs: [] };
const log: ActivityDescriptor = { type: 'Log', category: 'Primitives', displayName: 'Log', description: '', ports: ['Done'], hasDynamicPorts: false, isResumable: false, inputs: [] };

describe('definition ⇄ graph', () => {
  it('round-trips the sample definition exactly: positions, ports, inputs with expression objects', () => {
    const def = sample as unknown as WorkflowDefinition;
    const graph = definitionToGraph(def);
    expect(graph.nodes).toHaveLength(def.root.activities.length);
    expect(graph.edges).toHaveLength(def.root.connections.length);
    const approve = graph.nodes.find((n) => n.id === 'approve')!;
    expect(approve.position).toEqual({ x: 440, y: 0 });
    expect(approve.data.activity.inputs?.title).toEqual({ $template: 'Approve request {{ input.requestId }}' });
    const edge = graph.edges.find((e) => e.source === 'approve' && e.sourceHandle === 'Reject')!;
    expect(edge.target).toBe('mark-rejected');
    expect(edge.targetHandle).toBe(INPUT_HANDLE);
    expect(graphToDefinition(graph)).toEqual(def);
  });

  it('keeps unknown fields (retry), root extras and target ports; rounds moved positions', () => {
    const def: WorkflowDefinition = {
      definitionId: 'x', version: 3, name: 'X', description: null, variables: [{ name: 'n', type: 'number', default: 1 }], inputs: [],
      root: {
        activities: [
          { id: 'a', type: 'HttpRequest', inputs: { url: { $js: "'https://x/' + variables.n" }, body: { $literal: { $js: 'not an expression' } } }, retry: { maxAttempts: 3 }, position: { x: 1, y: 2 } },
          { id: 'b', type: 'Join', inputs: { mode: 'WaitAny' }, position: { x: 300, y: 2 } },
        ],
        connections: [{ source: { activity: 'a', port: 'Success' }, target: { activity: 'b', port: 'Left' } }],
      },
    };
    const graph = definitionToGraph(def);
    graph.nodes[1] = { ...graph.nodes[1], position: { x: 300.4, y: 19.6 } };
    const back = graphToDefinition(graph);
    expect(back.root.activities[0]).toEqual(def.root.activities[0]);
    expect(back.root.activities[1].position).toEqual({ x: 300, y: 20 });
    expect(back.root.connections).toEqual(def.root.connections);
    expect(back.variables).toEqual(def.variables);
  });

  it('gives activities without a position a grid place', () => {
    const graph = definitionToGraph({ definitionId: 'x', name: 'X', root: { activities: [{ id: 'a', type: 'Start' }, { id: 'b', type: 'End' }], connections: [] } });
    expect(graph.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 240, y: 0 }]);
  });

  it('makes fresh ids from the type', () => {
    expect(newActivityId('HumanTask', ['humanTask1'])).toBe('humanTask2');
    expect(newActivityId('Log', [])).toBe('log1');
  });
});

describe('ports', () => {
  it('come from the descriptor, and from outcomes / cases / branches when they are dynamic', () => {
    expect(portsOf({ id: 'h', type: 'HumanTask', inputs: { outcomes: ['Approve', 'Reject'] } }, humanTask)).toEqual(['Approve', 'Reject']);
    expect(portsOf({ id: 'h', type: 'HumanTask' }, humanTask)).toEqual(['Done']);
    expect(portsOf({ id: 's', type: 'Switch', inputs: { cases: [{ port: 'Big', condition: 'true' }] } }, sw)).toEqual(['Big', 'Default']);
    expect(portsOf({ id: 'f', type: 'Fork', inputs: { branches: ['Pay', 'Timeout'] } }, fork)).toEqual(['Pay', 'Timeout']);
    expect(portsOf({ id: 'l', type: 'Log' }, log)).toEqual(['Done']);
  });
});
