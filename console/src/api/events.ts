/** One Server-Sent Event as the platform sends it: an id and JSON data. */
export type ServerEvent = { id?: string; event?: string; data: string };

/**
 * Splits a text/event-stream into events. EventSource cannot send an Authorization header, so the console reads the
 * stream with fetch and parses it here; what is left over after the last blank line waits for the next chunk.
 */
export function eventParser(onEvent: (e: ServerEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: ServerEvent = { data: '' };
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') data.push(value);
        else if (field === 'id') event.id = value;
        else if (field === 'event') event.event = value;
      }
      if (data.length > 0) {
        event.data = data.join('\n');
        onEvent(event);
      }
    }
  };
}
