import { describe, expect, it } from 'vitest';
import { eventParser, type ServerEvent } from './events';

describe('the alert stream parser', () => {
  it('yields whole events only, across chunks, and skips comments', () => {
    const seen: ServerEvent[] = [];
    const feed = eventParser((e) => seen.push(e));
    feed(': keep-alive\n\nid: 7\nevent: alert\ndata: {"id":');
    expect(seen).toHaveLength(0);
    feed('7}\n\nid: 8\r\ndata: {"id":8}\r\n\r\n');
    expect(seen).toEqual([{ id: '7', event: 'alert', data: '{"id":7}' }, { id: '8', data: '{"id":8}' }]);
  });
});
