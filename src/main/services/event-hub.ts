import type { EventName, EventPayload } from '../../shared/contract';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Fan-out of push events from services to whichever hosts are serving the renderer. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
