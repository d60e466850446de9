import { describe, expect, it } from 'vitest';
import type { Edge } from '@xyflow/react';
import { edgeLayerPath } from './EdgeLayer';
import { fittedViewport } from './FitOnLoad';
import { withGeometry } from '../model/nodeGeometry';
import type { ActivityNode } from '../model/graph';
import type { ActivityDescriptor } from '../model/types';

const setVariable = { type: 'SetVariable', ports: ['Done'] } as unknown as ActivityDescriptor;
const node = (id: string, x: number, y: number): ActivityNode =>
  withGeometry({ id, type: 'activity', position: { x, y }, data: { activity: { id, type: 'SetVariable' } } }, setVariable);
const edge = (source: string, target: string): Edge => ({ id: `${source}->${target}`, source, target, sourceHandle: 'Done', targetHandle: 'in' });

describe('edgeLayerPath', () => {
  it('joins the same handle points React Flow joins: the Done port on the bottom border to the input on the top one', () => {
    const a = node('a', 0, 0);
    const b = node('b', 0, 140);
    const height = a.measured!.height!;
    // The middle of the 220 px box; the outer sides of the 10 px handles centred on the borders (1 px, 4 px on top).
    expect(edgeLayerPath([a, b], [edge('a', 'b')])).toBe(`M110 ${height + 4}L110 139`);
  });

  it('draws every edge in one path, and nothing without edges', () => {
    const nodes = [node('a', 0, 0), node('b', 0, 140), node('c', 320, 0)];
    expect(edgeLayerPath(nodes, [edge('a', 'b'), edge('b', 'c')])!.match(/M/g)).toHaveLength(2);
    expect(edgeLayerPath(nodes, [])).toBe('');
  });

  it('gives up (React Flow draws the edges) when an end has no handle given up front, as a collapsed group', () => {
    const group = { id: 'g', type: 'collapsed', position: { x: 0, y: 300 }, data: {} };
    expect(edgeLayerPath([node('a', 0, 0), group], [{ id: 'e', source: 'a', target: 'g', sourceHandle: 'Done', targetHandle: 'in' }])).toBeNull();
  });
});

describe('fittedViewport', () => {
  it('fits every node inside the canvas, clear of the minimap and the room on top', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => node(`n${i}`, Math.floor(i / 20) * 320, (i % 20) * 140));
    const canvas = { width: 860, height: 760 };
    const v = fittedViewport(nodes, canvas, true, 56)!;
    expect(v.zoom).toBeLessThan(1);
    for (const n of nodes) {
      const left = v.x + n.position.x * v.zoom;
      const top = v.y + n.position.y * v.zoom;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(top).toBeGreaterThanOrEqual(56 - 0.001);
      expect(left + n.measured!.width! * v.zoom).toBeLessThanOrEqual(canvas.width);
      expect(top + n.measured!.height! * v.zoom).toBeLessThanOrEqual(canvas.height);
    }
  });

  it('has nothing to fit on a canvas without a size or without nodes', () => {
    expect(fittedViewport([node('a', 0, 0)], { width: 0, height: 500 }, true)).toBeNull();
    expect(fittedViewport([], { width: 800, height: 500 }, true)).toBeNull();
  });
});
