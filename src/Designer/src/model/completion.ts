import type { ConnectionDefinition, FormField, WorkflowDefinition } from './types';

/** What an expression may read: `variables.`, `input.` and the outputs of activities that run before this one. */
export interface CompletionScope {
  variables: string[];
  inputs: string[];
  /** Earlier activities (upstream of the one edited), with what their output holds when the designer knows it. */
  outputs: { id: string; label: string; fields: string[] }[];
}

export interface CompletionOption { label: string; apply: string; detail: string; type: 'variable' | 'property' }

/** Where the suggestions replace text from, and what they are; null when nothing applies at the cursor. */
export interface CompletionAnswer { from: number; options: CompletionOption[] }

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const roots = [
  { label: 'variables', detail: 'workflow variables' },
  { label: 'input', detail: 'the instance input' },
  { label: 'outputs', detail: 'outputs of earlier activities' },
];

function matches(name: string, typed: string): boolean {
  return name.toLowerCase().includes(typed.toLowerCase());
}

function matching(names: string[], typed: string): string[] {
  return names.filter((n) => matches(n, typed));
}

/** The activities from which `activityId` can be reached through connections (what has run before it). */
export function upstreamOf(activityId: string, connections: ConnectionDefinition[]): string[] {
  const into = new Map<string, string[]>();
  for (const c of connections) into.set(c.target.activity, [...(into.get(c.target.activity) ?? []), c.source.activity]);
  const seen = new Set<string>();
  const order: string[] = [];
  const queue = [...(into.get(activityId) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id) || id === activityId) continue;
    seen.add(id);
    order.push(id);
    queue.push(...(into.get(id) ?? []));
  }
  return order;
}

/** The scope of an expression on `activityId`: nearest earlier activities first. */
export function scopeOf(definition: WorkflowDefinition, activityId: string): CompletionScope {
  const byId = new Map(definition.root.activities.map((a) => [a.id, a]));
  const outputs = upstreamOf(activityId, definition.root.connections)
    .map((id) => byId.get(id))
    .filter((a) => a !== undefined && a.type !== 'Start')
    .map((a) => ({ id: a!.id, label: a!.name || a!.type, fields: outputFields(a!.type, a!.inputs ?? {}) }));
  return {
    variables: (definition.variables ?? []).map((v) => v.name).filter(Boolean),
    inputs: (definition.inputs ?? []).map((i) => i.name).filter(Boolean),
    outputs,
  };
}

/** What the designer knows of an activity's output: a human task answers with its form's fields and the outcome. */
function outputFields(type: string, inputs: Record<string, unknown>): string[] {
  if (type !== 'HumanTask') return [];
  const form = Array.isArray(inputs.form) ? (inputs.form as FormField[]) : [];
  return [...form.map((f) => f.name).filter((n) => typeof n === 'string' && n !== ''), 'outcome'];
}

/**
 * Suggestions for the text before the cursor: the roots while a word is typed, then the names after `variables.`,
 * `input.`, `outputs.` and `outputs.<id>.`. An id that is no identifier ("deposit-intent") is written `outputs["deposit-intent"]`.
 */
export function completeExpression(text: string, pos: number, scope: CompletionScope): CompletionAnswer | null {
  const before = text.slice(0, pos);
  // outputs.<id>.<field> or outputs["<id>"].<field>
  const field = /outputs(?:\.([A-Za-z_$][A-Za-z0-9_$]*)|\[["']([^"'\]]+)["']\])\.([A-Za-z0-9_$]*)$/.exec(before);
  if (field) {
    const id = field[1] ?? field[2];
    const out = scope.outputs.find((o) => o.id === id);
    if (!out || out.fields.length === 0) return null;
    return { from: pos - field[3].length, options: matching(out.fields, field[3]).map((f) => ({ label: f, apply: f, detail: `${out.label} answers`, type: 'property' })) };
  }
  const member = /\b(variables|input|outputs)\.([A-Za-z0-9_$-]*)$/.exec(before);
  if (member) {
    const [, root, typed] = member;
    const from = pos - typed.length;
    if (root === 'outputs') {
      // A dashed id replaces the dot too: outputs["deposit-intent"].
      const options = scope.outputs.filter((o) => matches(o.id, typed) || matches(o.label, typed)).map((o): CompletionOption => identifier.test(o.id)
        ? { label: o.id, apply: o.id, detail: o.label, type: 'property' }
        : { label: o.id, apply: `["${o.id}"]`, detail: o.label, type: 'property' });
      if (options.some((o) => o.apply.startsWith('['))) {
        return { from: from - 1, options: options.map((o) => (o.apply.startsWith('[') ? o : { ...o, apply: `.${o.apply}` })) };
      }
      return { from, options };
    }
    const names = root === 'variables' ? scope.variables : scope.inputs;
    return { from, options: matching(names, typed).map((n) => ({ label: n, apply: n, detail: root === 'variables' ? 'variable' : 'workflow input', type: 'property' })) };
  }
  const word = /(?:^|[^A-Za-z0-9_$.])([A-Za-z_$][A-Za-z0-9_$]*)$/.exec(before);
  if (word) {
    const typed = word[1];
    const options = roots.filter((r) => r.label.startsWith(typed) && r.label !== typed).map((r): CompletionOption => ({ label: r.label, apply: r.label, detail: r.detail, type: 'variable' }));
    return options.length > 0 ? { from: pos - typed.length, options } : null;
  }
  return null;
}
