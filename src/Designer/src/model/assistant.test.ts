import { describe, expect, it } from 'vitest';
import { assistantEvent, waitWords } from './assistant';

describe('assistant events', () => {
  it('reads deltas, tool calls with their structured result, and errors with the form link', () => {
    expect(assistantEvent('delta', '{"text":" hello"}')).toEqual({ kind: 'delta', text: ' hello' });
    const tool = assistantEvent('tool', '{"messageId":"m1","toolName":"price_quote","status":"complete","arguments":{"quantity":150},"result":{"total":1296.75}}');
    expect(tool?.kind).toBe('tool');
    expect(tool && tool.kind === 'tool' ? tool.message.result : null).toEqual({ total: 1296.75 });
    const error = assistantEvent('error', '{"detail":"Sorry","formUrl":"/quote"}');
    expect(error).toEqual({ kind: 'error', detail: 'Sorry', formUrl: '/quote', message: null });
    expect(assistantEvent('conversation', '{"id":"c1","title":"Hi"}')).toEqual({ kind: 'conversation', id: 'c1' });
    expect(assistantEvent('ping', '{}')).toBeNull();
  });

  it('says how long to wait in words', () => {
    expect(waitWords(30)).toBe('in 1 min');
    expect(waitWords(3 * 3600 + 20 * 60)).toBe('in 3 h 20 min');
  });
});
