import { describe, expect, it } from 'vitest';
import { SseParser } from './sse';

describe('SseParser', () => {
  it('reads events split across chunks, keeps the last id, skips comments', () => {
    const p = new SseParser();
    expect(p.push('id: 7\nevent: status\ndata: {"a"')).toEqual([]);
    expect(p.push(':1}\n\n: keep-alive\n\nevent: ping\ndata: {}\n\n')).toEqual([
      { id: '7', event: 'status', data: '{"a":1}' },
      { id: '7', event: 'ping', data: '{}' },
    ]);
  });
  it('joins multi-line data and accepts CRLF', () => {
    const p = new SseParser();
    expect(p.push('data: one\r\ndata: two\r\n\r\n')).toEqual([{ id: null, event: 'message', data: 'one\ntwo' }]);
  });
});
