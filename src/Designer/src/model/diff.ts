import type { ActivityDefinition, WorkflowDefinition } from './types';

export interface ActivityChange {
  id: string;
  type: string;
  /** What differs: 'type', 'name', 'inputs.<name>', 'connections', … (positions are ignored). */
  fields: string[];
}

export interface VersionDiff {
  added: ActivityDefinition[];
  removed: ActivityDefinition[];
  changed: ActivityChange[];
  /** Connections as "a:Port->b", only in the newer / only in the older. */
  connectionsAdded: string[];
  connectionsRemoved: string[];
  /** Variables added, removed or changed, by name. */
  variables: { added: string[]; removed: string[]; changed: string[] };
}

/**
 * JSON with object keys sorted, so equal values compare equal. Sorted by code unit, not localeCompare: any fixed order
 * will do, and a collator costs tens of milliseconds when the editor opens a 200-activity workflow.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function connectionKeys(def: WorkflowDefinition): string[] {
  return (def.root?.connections ?? []).map((c) => `${c.source.activity}:${c.source.port}->${c.target.activity}${c.target.port ? ':' + c.target.port : ''}`);
}

/** Differences from `older` to `newer`: activities added, removed, changed (positions do not count). */
export function diffDefinitions(older: WorkflowDefinition, newer: WorkflowDefinition): VersionDiff {
  const before = new Map((older.root?.activities ?? []).map((a) => [a.id, a]));
  const after = new Map((newer.root?.activities ?? []).map((a) => [a.id, a]));
  const added = [...after.values()].filter((a) => !before.has(a.id));
  const removed = [...before.values()].filter((a) => !after.has(a.id));
  const oldConns = connectionKeys(older);
  const newConns = connectionKeys(newer);
  const connectionsAdded = newConns.filter((c) => !oldConns.includes(c));
  const connectionsRemoved = oldConns.filter((c) => !newConns.includes(c));
  const touched = new Set([...connectionsAdded, ...connectionsRemoved].map((c) => c.split(':')[0]));

  const changed: ActivityChange[] = [];
  for (const [id, b] of after) {
    const a = before.get(id);
    if (!a) continue;
    const fields: string[] = [];
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (k === 'position' || k === 'id') continue;
      if (k === 'inputs') {
        const ai = a.inputs ?? {};
        const bi = b.inputs ?? {};
        for (const name of new Set([...Object.keys(ai), ...Object.keys(bi)])) {
          if (canonical(ai[name]) !== canonical(bi[name])) fields.push(`inputs.${name}`);
        }
      } else if (canonical((a as unknown as Record<string, unknown>)[k]) !== canonical((b as unknown as Record<string, unknown>)[k])) {
        fields.push(k);
      }
    }
    if (touched.has(id)) fields.push('connections');
    if (fields.length > 0) changed.push({ id, type: b.type, fields: fields.sort() });
  }

  const oldVars = new Map((older.variables ?? []).map((v) => [v.name, canonical(v)]));
  const newVars = new Map((newer.variables ?? []).map((v) => [v.name, canonical(v)]));
  const variables = {
    added: [...newVars.keys()].filter((n) => !oldVars.has(n)),
    removed: [...oldVars.keys()].filter((n) => !newVars.has(n)),
    changed: [...newVars.keys()].filter((n) => oldVars.has(n) && oldVars.get(n) !== newVars.get(n)),
  };
  return { added, removed, changed, connectionsAdded, connectionsRemoved, variables };
}

export function isEmptyDiff(d: VersionDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.connectionsAdded.length + d.connectionsRemoved.length
    + d.variables.added.length + d.variables.removed.length + d.variables.changed.length === 0;
}

/**
 * True when publishing `current` would make a version equal to `published`: no activity, connection or variable
 * differs, and neither do the name, description, inputs or positions (the server compares the whole definition).
 */
export function nothingToPublish(published: WorkflowDefinition, current: WorkflowDefinition): boolean {
  if (!isEmptyDiff(diffDefinitions(published, current))) return false;
  const meta = (d: WorkflowDefinition) => canonical({ name: d.name, description: d.description ?? null, inputs: d.inputs ?? [] });
  if (meta(published) !== meta(current)) return false;
  const positions = (d: WorkflowDefinition) => canonical(Object.fromEntries((d.root?.activities ?? []).map((a) => [a.id, a.position ?? null])));
  return positions(published) === positions(current);
}
