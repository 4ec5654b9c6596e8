import type { ApiBridge, CallInput, CallName, CallOutput, EventName, EventPayload } from '../../shared/contract';
import type { AppErrorData } from '../../shared/errors';
import { createHttpBridge } from './http-bridge';

/** A failed call, with the Chinese message main wrote for the clerk. */
export class ApiError extends Error {
  readonly code: AppErrorData['code'];
  readonly detail: unknown;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.detail = data.detail;
  }
}

export interface ApiClient {
  host: 'electron' | 'http';
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(bridge: ApiBridge, host: ApiClient['host']): ApiClient {
  return {
    host,
    async call(name, input) {
      const envelope = await bridge.invoke(name, input);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.value;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

/** Electron's preload bridge when present, the loopback HTTP host otherwise. */
export function detectApiClient(): ApiClient {
  if (window.api) return createApiClient(window.api, 'electron');
  const token = document.querySelector<HTMLMetaElement>('meta[name="zjb-api-token"]')?.content ?? '';
  return createApiClient(createHttpBridge(token), 'http');
}

let current: ApiClient | null = null;

export function useApi(): ApiClient {
  current ??= detectApiClient();
  return current;
}

/** Tests install a client built on a real bridge of their own. */
export function setApiClient(client: ApiClient): void {
  current = client;
}
