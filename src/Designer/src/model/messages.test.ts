import { describe, expect, it } from 'vitest';
import { definitionIdProblem, humanFieldError, titleFor } from './messages';

describe('messages for people', () => {
  it('titles say what happened and what to do, never "Error 400"', () => {
    expect(titleFor(400)).toMatch(/need fixing/);
    expect(titleFor(401)).toMatch(/sign in again/);
    expect(titleFor(500)).toMatch(/try again/);
    for (const s of [0, 400, 401, 403, 404, 409, 500, 502]) expect(titleFor(s)).not.toMatch(/^Error \d+/);
  });
  it('field errors name the activity, not the JSON path', () => {
    expect(humanFieldError("root.activities[2]: activity 'decision1': unreachable: no path leads here"))
      .toBe('decision1: unreachable: no path leads here');
    expect(humanFieldError("root.activities[1].inputs.condition: activity 'decide': takes an expression"))
      .toBe('decide · condition: takes an expression');
    expect(humanFieldError('definitionId: is too long')).toBe('definitionId: is too long');
  });
  it('hints at a definition id while typing', () => {
    expect(definitionIdProblem('order-approval')).toBeNull();
    expect(definitionIdProblem('')).toBeNull();
    expect(definitionIdProblem('Order')).toMatch(/lower-case/);
    expect(definitionIdProblem('order approval')).toMatch(/order-approval/);
    expect(definitionIdProblem('-x')).toMatch(/Start with/);
    expect(definitionIdProblem('a_b')).toMatch(/"_"/);
  });
});
