import { describe, expect, it } from 'vitest';
import { passwordAcceptable, passwordRules, setupTokenFrom } from './credentials';

describe('password rules', () => {
  it('asks for 12 to 128 characters and the same confirmation', () => {
    expect(passwordRules('short', '').map((r) => r.ok)).toEqual([false, true, false]);
    expect(passwordRules('twelve-chars', 'twelve-chars').map((r) => r.ok)).toEqual([true, true, true]);
    expect(passwordRules('x'.repeat(129), 'x'.repeat(129)).map((r) => r.ok)).toEqual([true, false, true]);
    expect(passwordAcceptable('twelve-chars', 'twelve-charz')).toBe(false);
  });

  it('counts as the server does (UTF-16 code units), so both agree on every password', () => {
    expect(passwordRules('🙂'.repeat(6), '')[0].ok).toBe(true);
    expect(passwordRules('🙂'.repeat(5), '')[0].ok).toBe(false);
  });

  it('says how long the password is now', () => {
    expect(passwordRules('abc', '')[0].label).toBe('At least 12 characters (now 3)');
  });
});

describe('setup token', () => {
  it('is the part after # of a pasted link, or the bare token', () => {
    expect(setupTokenFrom(' http://localhost:5080/setup#abc_DEF-123 ')).toBe('abc_DEF-123');
    expect(setupTokenFrom('abc_DEF-123')).toBe('abc_DEF-123');
    expect(setupTokenFrom('#abc')).toBe('abc');
  });
});
