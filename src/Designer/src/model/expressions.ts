import { parse, parseExpressionAt } from 'acorn';
import type { Expression } from './types';

/** How an input's value is given. */
export type ValueKind = 'literal' | 'js' | 'var' | 'template';

export const valueKinds: { kind: ValueKind; label: string }[] = [
  { kind: 'literal', label: 'Literal' },
  { kind: 'js', label: 'JavaScript' },
  { kind: 'var', label: 'Variable' },
  { kind: 'template', label: 'Template' },
];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * How a new (empty) input starts: conditions and lists to iterate are JavaScript, so typing
 * `variables.total > 1000` never ends up stored as text (a non-empty text is always true).
 */
export function defaultKind(descriptor: { type: string; uiHint?: string | null; expressionOnly?: boolean; literalOnly?: boolean }): ValueKind {
  if (descriptor.literalOnly) return 'literal';
  if (descriptor.expressionOnly || descriptor.uiHint === 'javascript') return 'js';
  return 'literal';
}

/** The kinds offered for an input: no Literal where the server takes only an expression (unless one is stored). */
export function kindsFor(descriptor: { expressionOnly?: boolean }, current: ValueKind): { kind: ValueKind; label: string }[] {
  return descriptor.expressionOnly && current !== 'literal' ? valueKinds.filter((k) => k.kind !== 'literal') : valueKinds;
}

/** The kind of a stored input value: an expression object with exactly one $-key, else a literal. */
export function kindOf(value: unknown): ValueKind {
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      if (keys[0] === '$js') return 'js';
      if (keys[0] === '$var') return 'var';
      if (keys[0] === '$template') return 'template';
    }
  }
  return 'literal';
}

/** The text of an expression, or undefined for literals. */
export function expressionText(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const k = kindOf(value);
  if (k === 'literal') return undefined;
  const v = value[`$${k}`];
  return typeof v === 'string' ? v : String(v ?? '');
}

/** The literal a stored value stands for ($literal unwrapped). */
export function literalOf(value: unknown): unknown {
  if (isPlainObject(value) && Object.keys(value).length === 1 && '$literal' in value) return value.$literal;
  return value;
}

/** Stores a literal, wrapping it in $literal when it would otherwise read as an expression. */
export function makeLiteral(value: unknown): unknown {
  if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) return { $literal: value };
  return value;
}

export function makeExpression(kind: Exclude<ValueKind, 'literal'>, text: string): Expression {
  switch (kind) {
    case 'js': return { $js: text };
    case 'var': return { $var: text };
    case 'template': return { $template: text };
  }
}

/** Converts a value to another kind, keeping what can be kept. */
export function convertValue(value: unknown, to: ValueKind): unknown {
  const from = kindOf(value);
  if (from === to) return value;
  const text = from === 'literal'
    ? (typeof literalOf(value) === 'string' ? (literalOf(value) as string) : literalOf(value) === undefined ? '' : JSON.stringify(literalOf(value)))
    : expressionText(value) ?? '';
  if (to === 'literal') return text;
  return makeExpression(to, text);
}

/**
 * Quick client-side checks while typing; the server's validation is the authority.
 * Returns a message or null.
 */
export function checkExpression(kind: ValueKind, text: string, variables: string[]): string | null {
  if (kind === 'js') {
    if (text.trim() === '') return 'JavaScript is empty';
    // Parsed, never run (acorn: the page's Content-Security-Policy forbids eval and new Function).
    // An expression first (the usual case), else a script whose last statement gives the value.
    try {
      const end = parseExpressionAt(text, 0, { ecmaVersion: 2022 }).end;
      if (text.slice(end).trim() === '') return null;
    } catch {
      // fall through to the script form
    }
    try {
      parse(text, { ecmaVersion: 2022, sourceType: 'script', allowReturnOutsideFunction: true });
      return null;
    } catch (e) {
      return `JavaScript does not parse: ${(e as Error).message}`;
    }
  }
  if (kind === 'var') {
    const root = text.split('.')[0];
    if (!root) return 'name a variable';
    if (!variables.includes(root)) return `variable '${root}' is not declared`;
    return null;
  }
  if (kind === 'template') {
    const open = (text.match(/\{\{/g) ?? []).length;
    const close = (text.match(/\}\}/g) ?? []).length;
    if (open !== close) return 'template has an unclosed {{ }}';
    return null;
  }
  return null;
}
