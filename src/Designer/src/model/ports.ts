import { literalOf } from './expressions';
import type { ActivityDefinition, ActivityDescriptor } from './types';

function stringList(value: unknown): string[] {
  const v = literalOf(value);
  if (!Array.isArray(v)) return [];
  return v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'port' in x ? String((x as { port: unknown }).port) : '')).filter((x) => x !== '');
}

/**
 * The output ports of an activity: its descriptor's fixed ports, plus ports named by its inputs when the
 * type has dynamic ports (HumanTask outcomes — none means one Done port —, Switch cases, Fork branches).
 */
export function portsOf(activity: ActivityDefinition, descriptor: ActivityDescriptor | undefined): string[] {
  const fixed = descriptor?.ports ?? [];
  if (!descriptor?.hasDynamicPorts) return [...fixed];
  const inputs = activity.inputs ?? {};
  let dynamic: string[] = [];
  if ('outcomes' in inputs || activity.type === 'HumanTask') {
    dynamic = stringList(inputs.outcomes);
    if (dynamic.length === 0 && activity.type === 'HumanTask') dynamic = ['Done'];
  } else if ('cases' in inputs || activity.type === 'Switch') {
    dynamic = stringList(inputs.cases);
  } else if ('branches' in inputs || activity.type === 'Fork') {
    dynamic = stringList(inputs.branches);
  }
  const all = [...dynamic];
  for (const p of fixed) if (!all.includes(p)) all.push(p);
  return all;
}

/** Whether the activity accepts incoming connections (Start does not). */
export function hasInput(type: string): boolean {
  return type !== 'Start';
}
