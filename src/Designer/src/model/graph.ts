import type { Edge, Node } from '@xyflow/react';
import type { ActivityDefinition, ConnectionDefinition, WorkflowDefinition } from './types';

/** What a designer node carries: the activity as stored, minus its position (the node has that). */
export interface ActivityNodeData extends Record<string, unknown> {
  activity: Omit<ActivityDefinition, 'position'>;
  /** Validation messages for this activity, by field ('' for the activity itself). */
  errors?: { field: string; message: string }[];
  /** Instance view: how this activity ran. */
  runState?: 'executed' | 'waiting' | 'faulted';
}

export type ActivityNode = Node<ActivityNodeData, 'activity'>;

/** Everything of a definition that is not the diagram. */
export type DefinitionMeta = Omit<WorkflowDefinition, 'root'> & { rootExtra?: Record<string, unknown> };

export interface Graph {
  meta: DefinitionMeta;
  nodes: ActivityNode[];
  edges: Edge[];
}

/** The target handle id of an activity's single input. */
export const INPUT_HANDLE = 'in';

export function edgeId(c: ConnectionDefinition): string {
  return `${c.source.activity}:${c.source.port}->${c.target.activity}${c.target.port ? ':' + c.target.port : ''}`;
}

/** A definition as nodes and edges; activities without a position are laid out on a grid. */
export function definitionToGraph(definition: WorkflowDefinition): Graph {
  const { root, ...rest } = definition;
  const { activities, connections, ...rootExtra } = root ?? { activities: [], connections: [] };
  const nodes: ActivityNode[] = (activities ?? []).map((a, i) => {
    const { position, ...activity } = a;
    return {
      id: a.id,
      type: 'activity',
      position: position ? { x: position.x, y: position.y } : { x: (i % 5) * 240, y: Math.floor(i / 5) * 160 },
      data: { activity },
    };
  });
  const edges: Edge[] = (connections ?? []).map((c) => ({
    id: edgeId(c),
    source: c.source.activity,
    sourceHandle: c.source.port,
    target: c.target.activity,
    targetHandle: c.target.port ?? INPUT_HANDLE,
  }));
  const meta: DefinitionMeta = { ...rest };
  if (Object.keys(rootExtra).length > 0) meta.rootExtra = rootExtra;
  return { meta, nodes, edges };
}

/** Nodes and edges back to a definition: positions rounded to whole pixels, inputs as they are. */
export function graphToDefinition(graph: Graph): WorkflowDefinition {
  const { rootExtra, ...meta } = graph.meta;
  const activities: ActivityDefinition[] = graph.nodes.map((n) => ({
    ...n.data.activity,
    position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
  }));
  const connections: ConnectionDefinition[] = graph.edges.map((e) => {
    const target: ConnectionDefinition['target'] = { activity: e.target };
    if (e.targetHandle && e.targetHandle !== INPUT_HANDLE) target.port = e.targetHandle;
    return { source: { activity: e.source, port: e.sourceHandle ?? 'Done' }, target };
  });
  return { ...meta, root: { ...(rootExtra ?? {}), activities, connections } } as WorkflowDefinition;
}

/** A fresh activity id from its type: "humanTask1", "humanTask2", … not used by any node yet. */
export function newActivityId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = type.charAt(0).toLowerCase() + type.slice(1).replace(/[^A-Za-z0-9]/g, '');
  for (let i = 1; ; i++) {
    const id = `${base}${i}`;
    if (!used.has(id)) return id;
  }
}
