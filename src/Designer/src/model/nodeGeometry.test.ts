import { describe, expect, it } from 'vitest';
import { BORDER, HANDLE_SIZE, NODE_MIN_WIDTH, PORT_MIN_WIDTH, TOP_BORDER, nodeGeometry, withGeometry } from './nodeGeometry';
import type { ActivityNode } from './graph';
import type { ActivityDescriptor } from './types';

describe('nodeGeometry', () => {
  it('puts the input on the top border and each port in the middle of its column on the bottom border', () => {
    const g = nodeGeometry(['Approve', 'Reject'], true);
    expect(g.width).toBe(NODE_MIN_WIDTH);
    const half = HANDLE_SIZE / 2;
    expect(g.handles).toEqual([
      expect.objectContaining({ id: 'in', type: 'target', x: g.width / 2 - half, y: TOP_BORDER - half }),
      expect.objectContaining({ id: 'Approve', type: 'source', x: g.width / 4 - half, y: g.height - BORDER - half }),
      expect.objectContaining({ id: 'Reject', type: 'source', x: (3 * g.width) / 4 - half, y: g.height - BORDER - half }),
    ]);
  });

  it('has no input for Start, a lower box without ports, and grows with many ports', () => {
    expect(nodeGeometry(['Done'], false).handles.map((h) => h.id)).toEqual(['Done']);
    expect(nodeGeometry([], true).height).toBeLessThan(nodeGeometry(['Done'], true).height);
    expect(nodeGeometry(['a', 'b', 'c', 'd', 'e', 'f'], true).width).toBe(6 * PORT_MIN_WIDTH);
    expect(Number.isInteger(nodeGeometry(['Done'], true).height)).toBe(true);
  });

  it('follows the activity: a new outcome gives a new handle, an unchanged node keeps its object', () => {
    const descriptor = { type: 'HumanTask', hasDynamicPorts: true, ports: [] } as unknown as ActivityDescriptor;
    const node: ActivityNode = { id: 'a', type: 'activity', position: { x: 0, y: 0 }, data: { activity: { id: 'a', type: 'HumanTask', inputs: { outcomes: ['Yes'] } } } };
    const sized = withGeometry(node, descriptor);
    expect(sized.measured).toEqual({ width: NODE_MIN_WIDTH, height: nodeGeometry(['Yes'], true).height });
    expect(withGeometry(sized, descriptor)).toBe(sized);
    const edited = withGeometry({ ...sized, data: { activity: { ...sized.data.activity, inputs: { outcomes: ['Yes', 'No'] } } } }, descriptor);
    expect(edited.handles?.map((h) => h.id)).toEqual(['in', 'Yes', 'No']);
  });
});
