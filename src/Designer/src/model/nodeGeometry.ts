import { Position, type NodeHandle } from '@xyflow/react';
import { INPUT_HANDLE, type ActivityNode } from './graph';
import { hasInput, portsOf } from './ports';
import type { ActivityDescriptor } from './types';

/**
 * An activity node's box, fixed by its ports alone (styles.css draws it so: one line of title, one of type, one row of
 * ports, each port a column of equal width). Given to React Flow up front as the node's `measured` size and `handles`,
 * a diagram draws in one pass: React Flow has nothing to measure before it can draw the edges and fit the view.
 */
export const NODE_MIN_WIDTH = 220;
/** Each port's column is at least this wide: a node with many ports (Switch cases, Fork branches) grows. */
export const PORT_MIN_WIDTH = 56;
/** The top border (the category's colour), the other borders, and the rows (see .activity-node in styles.css). */
export const TOP_BORDER = 4;
// Whole pixels: Chromium draws a 1.5 px border 1 px wide on a 1x screen, and the handles would be off by half a pixel.
export const BORDER = 1;
export const TITLE_ROW = 24;
export const TYPE_ROW = 22;
export const PORTS_ROW = 24;
/** Handles are 10 × 10 (styles.css), centred on the border they sit on. */
export const HANDLE_SIZE = 10;

export interface NodeGeometry {
  width: number;
  height: number;
  handles: NodeHandle[];
}

/** The box and handles of a node with these output ports (left to right), with or without an input on top. */
export function nodeGeometry(ports: string[], input: boolean): NodeGeometry {
  const width = Math.max(NODE_MIN_WIDTH, ports.length * PORT_MIN_WIDTH);
  const height = Math.ceil(TOP_BORDER + TITLE_ROW + TYPE_ROW + (ports.length > 0 ? PORTS_ROW : 0) + BORDER);
  const half = HANDLE_SIZE / 2;
  const handles: NodeHandle[] = [];
  if (input) handles.push({ id: INPUT_HANDLE, type: 'target', position: Position.Top, x: width / 2 - half, y: TOP_BORDER - half, width: HANDLE_SIZE, height: HANDLE_SIZE });
  ports.forEach((p, i) => handles.push({
    id: p, type: 'source', position: Position.Bottom, x: portCentre(i, ports.length, width) - half, y: height - BORDER - half, width: HANDLE_SIZE, height: HANDLE_SIZE,
  }));
  return { width, height, handles };
}

/** The x of port `i`'s handle from the node's left edge: the middle of its column (where the layout puts the port too). */
export function portCentre(i: number, count: number, width: number): number {
  return ((i + 0.5) / count) * width;
}

/** The node's geometry for its activity as it is now. */
export function geometryOf(activity: ActivityNode['data']['activity'], descriptor: ActivityDescriptor | undefined): NodeGeometry {
  return nodeGeometry(portsOf(activity, descriptor), hasInput(activity.type));
}

/**
 * The node with its size and handles set from its activity: React Flow then draws it without measuring it first. A
 * node whose ports are unchanged keeps its object (and React Flow its internals).
 */
export function withGeometry(node: ActivityNode, descriptor: ActivityDescriptor | undefined): ActivityNode {
  const g = geometryOf(node.data.activity, descriptor);
  if (node.measured?.width === g.width && node.measured?.height === g.height && sameHandles(node.handles, g.handles)) return node;
  return { ...node, measured: { width: g.width, height: g.height }, handles: g.handles };
}

function sameHandles(a: NodeHandle[] | undefined, b: NodeHandle[]): boolean {
  return !!a && a.length === b.length && a.every((h, i) => h.id === b[i].id && h.x === b[i].x && h.y === b[i].y && h.type === b[i].type);
}
