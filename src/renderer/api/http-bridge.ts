import { eventNames, transport, type ApiBridge, type EventName } from '../../shared/contract';
import type { Envelope } from '../../shared/contract-kit';

/** The same bridge as window.api, over the loopback HTTP host (browser preview and e2e tests). */
export function createHttpBridge(token: string, base = ''): ApiBridge {
  let source: EventSource | null = null;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  function ensureEvents(): void {
    if (source || typeof EventSource === 'undefined') return;
    source = new EventSource(base + transport.httpEventsPath);
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent<string>).data) as never;
        listeners.get(name)?.forEach((l) => l(payload));
      });
    }
  }

  return {
    async invoke(name, input) {
      try {
        const res = await fetch(base + transport.httpPath(name), {
          method: 'POST',
          headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: token },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<never>;
      } catch (err) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: '无法连接到本机服务，请确认程序仍在运行后刷新页面。',
            detail: String(err),
          },
        };
      }
    },
    on(event, listener) {
      ensureEvents();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
