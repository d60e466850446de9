import { describe, expect, it } from 'vitest';
import { checkExpression, convertValue, defaultKind, kindOf, kindsFor, makeLiteral } from './expressions';
import { History } from './history';

describe('input values', () => {
  it('starts conditions and lists to iterate as JavaScript, never as text', () => {
    expect(defaultKind({ type: 'any', uiHint: 'javascript', expressionOnly: true })).toBe('js');
    expect(defaultKind({ type: 'array', uiHint: 'javascript' })).toBe('js');
    expect(defaultKind({ type: 'string', uiHint: 'multiline' })).toBe('literal');
    expect(defaultKind({ type: 'array', uiHint: 'cases', literalOnly: true })).toBe('literal');
    expect(kindsFor({ expressionOnly: true }, 'js').map((k) => k.kind)).toEqual(['js', 'var', 'template']);
    // A literal already stored stays visible (the server's error says what to change).
    expect(kindsFor({ expressionOnly: true }, 'literal').map((k) => k.kind)).toContain('literal');
  });
  it('tells expressions from literals', () => {
    expect(kindOf({ $js: '1' })).toBe('js');
    expect(kindOf({ $var: 'x' })).toBe('var');
    expect(kindOf({ $template: 'a' })).toBe('template');
    expect(kindOf({ $literal: { $js: 'x' } })).toBe('literal');
    expect(kindOf({ $js: '1', other: 2 })).toBe('literal');
    expect(kindOf('text')).toBe('literal');
  });
  it('converts between kinds keeping the text', () => {
    expect(convertValue('hello', 'template')).toEqual({ $template: 'hello' });
    expect(convertValue({ $js: 'a + 1' }, 'literal')).toBe('a + 1');
    expect(convertValue(42, 'js')).toEqual({ $js: '42' });
    expect(makeLiteral({ $js: 'x' })).toEqual({ $literal: { $js: 'x' } });
  });
  it('checks as you type', () => {
    expect(checkExpression('js', '1 +', [])).toMatch(/does not parse/);
    expect(checkExpression('js', 'variables.total * 0.3', [])).toBeNull();
    expect(checkExpression('var', 'order.total', ['order'])).toBeNull();
    expect(checkExpression('var', 'nope', ['order'])).toBe("variable 'nope' is not declared");
    expect(checkExpression('template', 'Hi {{ input.x', [])).toMatch(/unclosed/);
  });
});

describe('undo history', () => {
  it('undoes and redoes, and coalesces typing into one step', () => {
    const h = new History<number>();
    h.record(0, undefined, 0);
    h.record(1, 'name', 10);
    h.record(2, 'name', 20); // same field within the window: one step
    expect(h.undo(3)).toBe(1);
    expect(h.undo(1)).toBe(0);
    expect(h.undo(0)).toBeUndefined();
    expect(h.redo(0)).toBe(1);
    expect(h.redo(1)).toBe(3);
  });
});
