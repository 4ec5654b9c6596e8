import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../../../shared/contract';
import type { EventHub } from '../../services/event-hub';

/** The server-sent event stream: every hub event goes to every connected page as one frame. */
export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;

  constructor(hub: EventHub) {
    this.unsubscribe = hub.subscribe((event: EventName, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of this.clients) client.write(frame);
    });
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
  }

  close(): void {
    this.unsubscribe();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }
}
