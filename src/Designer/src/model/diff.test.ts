import { describe, expect, it } from 'vitest';
import { diffDefinitions, isEmptyDiff, nothingToPublish } from './diff';
import type { WorkflowDefinition } from './types';

const v1: WorkflowDefinition = {
  definitionId: 'd', version: 1, name: 'D', variables: [{ name: 'a', type: 'string' }],
  root: {
    activities: [
      { id: 'start', type: 'Start', position: { x: 0, y: 0 } },
      { id: 'log', type: 'Log', inputs: { message: 'hi', level: 'Information' }, position: { x: 200, y: 0 } },
      { id: 'old', type: 'Delay', inputs: { duration: 'PT1M' } },
      { id: 'end', type: 'End' },
    ],
    connections: [
      { source: { activity: 'start', port: 'Done' }, target: { activity: 'log' } },
      { source: { activity: 'log', port: 'Done' }, target: { activity: 'end' } },
    ],
  },
};

describe('version diff', () => {
  it('finds added, removed and changed activities; positions and key order do not count', () => {
    const v2: WorkflowDefinition = {
      ...v1, version: 2, variables: [{ name: 'a', type: 'number' }, { name: 'b', type: 'string' }],
      root: {
        activities: [
          { id: 'start', type: 'Start', position: { x: 50, y: 50 } },
          { id: 'log', type: 'Log', inputs: { level: 'Information', message: { $template: 'hi {{ input.x }}' } }, name: 'Say hi', position: { x: 200, y: 0 } },
          { id: 'task', type: 'HumanTask', inputs: { title: 't', role: 'ops' } },
          { id: 'end', type: 'End' },
        ],
        connections: [
          { source: { activity: 'start', port: 'Done' }, target: { activity: 'log' } },
          { source: { activity: 'log', port: 'Done' }, target: { activity: 'task' } },
          { source: { activity: 'task', port: 'Done' }, target: { activity: 'end' } },
        ],
      },
    };
    const d = diffDefinitions(v1, v2);
    expect(d.added.map((a) => a.id)).toEqual(['task']);
    expect(d.removed.map((a) => a.id)).toEqual(['old']);
    expect(d.changed).toEqual([{ id: 'log', type: 'Log', fields: ['connections', 'inputs.message', 'name'] }]);
    expect(d.connectionsAdded).toEqual(['log:Done->task', 'task:Done->end']);
    expect(d.connectionsRemoved).toEqual(['log:Done->end']);
    expect(d.variables).toEqual({ added: ['b'], removed: [], changed: ['a'] });
  });

  it('is empty between a definition and itself moved around', () => {
    const moved = structuredClone(v1);
    moved.root.activities[0].position = { x: 999, y: 999 };
    moved.root.activities[1].inputs = { level: 'Information', message: 'hi' };
    expect(isEmptyDiff(diffDefinitions(v1, moved))).toBe(true);
  });
});

describe('nothing to publish', () => {
  const v1: WorkflowDefinition = {
    definitionId: 'f', version: 1, name: 'F', variables: [], inputs: [],
    root: { activities: [{ id: 'start', type: 'Start', position: { x: 0, y: 0 } }, { id: 'log', type: 'Log', inputs: { message: 'hi' }, position: { x: 200, y: 0 } }],
      connections: [{ source: { activity: 'start', port: 'Done' }, target: { activity: 'log' } }] },
  };
  it('is true for the same content under the next version number', () => {
    expect(nothingToPublish(v1, { ...structuredClone(v1), version: 2 })).toBe(true);
  });
  it('is false for an input, a name or a moved activity', () => {
    const changed = structuredClone(v1);
    changed.root.activities[1].inputs = { message: 'hello' };
    expect(nothingToPublish(v1, changed)).toBe(false);
    expect(nothingToPublish(v1, { ...structuredClone(v1), name: 'G' })).toBe(false);
    const moved = structuredClone(v1);
    moved.root.activities[1].position = { x: 300, y: 0 };
    expect(nothingToPublish(v1, moved)).toBe(false);
  });
});
