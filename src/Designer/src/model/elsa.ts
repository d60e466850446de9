import type { ActivityDefinition, ConnectionDefinition, VariableDefinition, WorkflowDefinition } from './types';

/** The result of converting an Elsa 3 workflow export: a definition, or the reasons it cannot be imported. */
export interface ElsaImport {
  definition: WorkflowDefinition | null;
  errors: string[];
  /** Things converted approximately (e.g. Liquid read as a Scriban template). */
  warnings: string[];
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a parsed JSON document is an Elsa 3 workflow definition (root is an Elsa flowchart, or its activity types start with "Elsa."). */
export function isElsaDefinition(json: unknown): boolean {
  if (!isObject(json) || !isObject(json.root)) return false;
  const root = json.root;
  if (typeof root.type === 'string' && root.type.startsWith('Elsa.')) return true;
  const activities = Array.isArray(root.activities) ? root.activities : [];
  return activities.some((a) => isObject(a) && typeof a.type === 'string' && a.type.startsWith('Elsa.'));
}

/** Elsa type → ours, with input renames and port renames. */
interface Mapping {
  type: string;
  inputs: Record<string, string>;
  ports?: Record<string, string>;
}

const mappings: Record<string, Mapping> = {
  'Elsa.Start': { type: 'Start', inputs: {} },
  'Elsa.End': { type: 'End', inputs: {} },
  'Elsa.Finish': { type: 'End', inputs: {} },
  'Elsa.WriteLine': { type: 'Log', inputs: { text: 'message' } },
  'Elsa.Log': { type: 'Log', inputs: { message: 'message', level: 'level' } },
  'Elsa.SetVariable': { type: 'SetVariable', inputs: { variable: 'variable', value: 'value' } },
  'Elsa.FlowDecision': { type: 'Decision', inputs: { condition: 'condition' } },
  'Elsa.If': { type: 'Decision', inputs: { condition: 'condition' } },
  'Elsa.FlowSwitch': { type: 'Switch', inputs: { cases: 'cases', mode: 'matchAll' } },
  'Elsa.FlowFork': { type: 'Fork', inputs: { branches: 'branches' } },
  'Elsa.FlowJoin': { type: 'Join', inputs: { mode: 'mode' } },
  'Elsa.Delay': { type: 'Delay', inputs: { timeSpan: 'duration' } },
  'Elsa.Cron': { type: 'Timer', inputs: { cronExpression: 'cron' } },
  'Elsa.Event': { type: 'WaitForEvent', inputs: { eventName: 'eventName' } },
  'Elsa.SendHttpRequest': { type: 'HttpRequest', inputs: { url: 'url', method: 'method', content: 'body', requestHeaders: 'headers' }, ports: { Done: 'Success' } },
  'Elsa.FlowSendHttpRequest': { type: 'HttpRequest', inputs: { url: 'url', method: 'method', content: 'body', requestHeaders: 'headers' }, ports: { Done: 'Success', 'Failed to connect': 'Failure', Timeout: 'Failure', 'Unmatched status code': 'Failure' } },
  'Elsa.Fault': { type: 'Fault', inputs: { message: 'message' } },
};

/** Elsa activity types this designer can convert. */
export const supportedElsaTypes = Object.keys(mappings);

/** Properties of an Elsa activity that are not inputs. */
const structural = new Set(['id', 'nodeId', 'name', 'type', 'version', 'customProperties', 'metadata', 'canStartWorkflow', 'runAsynchronously', 'source', 'result', 'output']);

function variableType(typeName: unknown): VariableDefinition['type'] {
  const t = String(typeName ?? '').toLowerCase().replace(/^system\./, '');
  if (['string', 'char', 'guid'].includes(t)) return 'string';
  if (['int32', 'int64', 'int16', 'double', 'single', 'decimal', 'number', 'float'].includes(t)) return 'number';
  if (t === 'boolean' || t === 'bool') return 'boolean';
  if (t.endsWith('[]') || t.includes('list') || t === 'array') return 'array';
  if (t === 'object' || t.includes('dictionary') || t === 'expandoobject' || t === 'jsonobject') return 'object';
  return 'any';
}

function sanitizeId(raw: string, fallback: string): string {
  const id = raw.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
  return id === '' ? fallback : id;
}

function definitionIdOf(json: Json): string {
  const raw = String(json.definitionId ?? json.name ?? 'imported');
  const id = raw.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 100);
  return id === '' ? 'imported-workflow' : id;
}

function parseLiteral(value: unknown, typeName: unknown): unknown {
  if (typeof value !== 'string') return value;
  const t = String(typeName ?? '').toLowerCase();
  if (['int32', 'int64', 'double', 'decimal', 'single', 'number'].includes(t)) {
    const n = Number(value);
    return Number.isNaN(n) ? value : n;
  }
  if (t === 'boolean') return value.toLowerCase() === 'true';
  if (t === 'object' || t.endsWith('[]') || t.includes('list') || t.includes('dictionary')) {
    try { return JSON.parse(value); } catch { return value; }
  }
  return value;
}

/**
 * Converts an Elsa 3 flowchart export (WorkflowDefinitionModel JSON) to our definition. Every activity
 * type without an equivalent here, and every expression language we cannot run (C#, Python), is named in
 * `errors`; the definition is null when there are any.
 */
export function convertElsa(json: unknown): ElsaImport {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isObject(json) || !isObject(json.root)) {
    return { definition: null, errors: ['not an Elsa 3 workflow definition: it has no root flowchart'], warnings };
  }
  const root = json.root;
  if (typeof root.type === 'string' && root.type !== 'Elsa.Flowchart') {
    errors.push(`root activity '${root.type}' is not supported: only an Elsa.Flowchart root can be imported`);
  }

  const variableNames = new Map<string, string>();
  const variables: VariableDefinition[] = [];
  for (const v of Array.isArray(json.variables) ? json.variables : []) {
    if (!isObject(v) || typeof v.name !== 'string') continue;
    if (typeof v.id === 'string') variableNames.set(v.id, v.name);
    const variable: VariableDefinition = { name: v.name, type: variableType(v.typeName) };
    if (v.value !== undefined && v.value !== null) variable.default = parseLiteral(v.value, v.typeName);
    variables.push(variable);
  }

  const ids = new Map<string, string>();
  const activities: ActivityDefinition[] = [];
  const portMaps = new Map<string, Record<string, string>>();
  const rawActivities = Array.isArray(root.activities) ? root.activities : [];
  rawActivities.forEach((raw, index) => {
    if (!isObject(raw)) return;
    const elsaType = String(raw.type ?? '');
    const elsaId = String(raw.id ?? `activity${index + 1}`);
    const label = `activity '${elsaId}'${typeof raw.name === 'string' && raw.name !== elsaId ? ` (${raw.name})` : ''}`;
    const mapping = mappings[elsaType];
    if (!mapping) {
      errors.push(`${label}: Elsa type '${elsaType}' has no equivalent here`);
      return;
    }
    const id = sanitizeId(elsaId, `activity${index + 1}`);
    ids.set(elsaId, id);
    if (mapping.ports) portMaps.set(id, mapping.ports);

    const inputs: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raw)) {
      if (structural.has(key)) continue;
      const target = mapping.inputs[key];
      if (!target) {
        if (isObject(value) && isObject(value.expression) && value.expression.value != null && value.expression.value !== '') {
          warnings.push(`${label}: input '${key}' has no equivalent on ${mapping.type} and was left out`);
        }
        continue;
      }
      const converted = convertInput(value, `${label}, input '${key}'`, variableNames, errors, warnings);
      if (converted !== undefined) inputs[target] = converted;
    }
    finishInputs(mapping.type, inputs, raw);

    const activity: ActivityDefinition = { id, type: mapping.type };
    if (typeof raw.name === 'string' && raw.name !== '' && raw.name !== elsaId) activity.name = raw.name.slice(0, 200);
    if (Object.keys(inputs).length > 0) activity.inputs = inputs;
    const position = isObject(raw.metadata) && isObject(raw.metadata.designer) && isObject(raw.metadata.designer.position) ? raw.metadata.designer.position : null;
    if (position && typeof position.x === 'number' && typeof position.y === 'number') activity.position = { x: position.x, y: position.y };
    activities.push(activity);
  });

  const connections: ConnectionDefinition[] = [];
  for (const raw of Array.isArray(root.connections) ? root.connections : []) {
    if (!isObject(raw)) continue;
    // Elsa 3.1+: {source: {activity, port}, target: {activity, port}}; 3.0: {source, sourcePort, target, targetPort}.
    const sourceId = isObject(raw.source) ? String(raw.source.activity) : String(raw.source);
    const sourcePort = isObject(raw.source) ? String(raw.source.port ?? 'Done') : String(raw.sourcePort ?? 'Done');
    const targetId = isObject(raw.target) ? String(raw.target.activity) : String(raw.target);
    const source = ids.get(sourceId);
    const target = ids.get(targetId);
    if (!source || !target) continue; // an unsupported end was reported above
    const port = portMaps.get(source)?.[sourcePort] ?? sourcePort;
    if (!connections.some((c) => c.source.activity === source && c.source.port === port && c.target.activity === target)) {
      connections.push({ source: { activity: source, port }, target: { activity: target } });
    }
  }

  if (errors.length > 0) return { definition: null, errors, warnings };
  const definition: WorkflowDefinition = {
    definitionId: definitionIdOf(json),
    version: 1,
    name: String(json.name ?? 'Imported workflow').slice(0, 200) || 'Imported workflow',
    variables,
    inputs: [],
    root: { activities, connections },
  };
  if (typeof json.description === 'string' && json.description !== '') definition.description = json.description;
  return { definition, errors, warnings };
}

function convertInput(value: unknown, where: string, variableNames: Map<string, string>, errors: string[], warnings: string[]): unknown {
  if (!isObject(value)) return value;
  // SetVariable's variable: {id, name} or a reference.
  if (!isObject(value.expression)) {
    if (typeof value.name === 'string') return value.name;
    if (typeof value.id === 'string') return variableNames.get(value.id) ?? value.id;
    return value;
  }
  const expression = value.expression;
  const kind = String(expression.type ?? 'Literal');
  const v = expression.value;
  switch (kind) {
    case 'Literal':
      return parseLiteral(v, value.typeName);
    case 'Object':
    case 'Json':
      return typeof v === 'string' ? parseLiteral(v, 'object') : v;
    case 'JavaScript':
      return { $js: String(v ?? '') };
    case 'Liquid':
      warnings.push(`${where}: Liquid read as a Scriban template (same {{ }} syntax for simple values)`);
      return { $template: String(v ?? '') };
    case 'Variable': {
      const ref = isObject(v) ? String(v.name ?? variableNames.get(String(v.id)) ?? v.id) : String(v ?? '');
      return { $var: variableNames.get(ref) ?? ref };
    }
    default:
      errors.push(`${where}: expression language '${kind}' is not supported (JavaScript, Liquid, Variable and literals are)`);
      return undefined;
  }
}

/** Shapes inputs whose form differs between Elsa and here. */
function finishInputs(type: string, inputs: Record<string, unknown>, raw: Json): void {
  if (type === 'Switch') {
    const cases = Array.isArray(raw.cases) ? raw.cases : Array.isArray(inputs.cases) ? inputs.cases : [];
    inputs.cases = cases.filter(isObject).map((c) => {
      const condition = isObject(c.condition) ? c.condition.value : c.condition;
      return { port: String(c.label ?? ''), condition: String(condition ?? 'false') };
    });
    if ('matchAll' in inputs) inputs.matchAll = String(inputs.matchAll).toLowerCase().includes('matchany');
  }
  if (type === 'Fork' && typeof inputs.branches === 'string') {
    inputs.branches = inputs.branches.split(',').map((b) => b.trim()).filter((b) => b !== '');
  }
  if (type === 'Join' && typeof inputs.mode === 'string') {
    inputs.mode = inputs.mode.toLowerCase().includes('any') ? 'WaitAny' : 'WaitAll';
  }
}
