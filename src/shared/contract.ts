import { z } from 'zod';
import { call, type CallSpec, type Envelope } from './contract-kit';
import type { AppInfo, SystemSummary } from './api-types';
import type { IndicatorSystem } from './schemas/indicator-system';

/**
 * THE api between the renderer and main. Every call the renderer can make is declared here once,
 * with its input schema (parsed in main before any handler runs) and its output type.
 * IPC channels, HTTP paths and the preload bridge are all derived from these names.
 */
const systemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '体系编号格式不对');

export const calls = {
  'app.info': call<AppInfo>()(z.strictObject({})),
  'templates.list': call<SystemSummary[]>()(z.strictObject({})),
  'templates.get': call<IndicatorSystem>()(z.strictObject({ id: systemId })),
} as const satisfies Record<string, CallSpec<z.ZodType, unknown>>;

/** Push events from main to the renderer, with their payload schemas. */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    message: z.string().optional(),
  }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Calls[K]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

/** The only place transport names are made. */
export const transport = {
  ipcChannel: (name: CallName): string => `api:${name}`,
  eventChannel: (name: EventName): string => `event:${name}`,
  httpPath: (name: CallName): string => `/api/${name}`,
  httpEventsPath: '/api-events',
  httpTokenHeader: 'x-api-token',
} as const;

/** The shape preload exposes as window.api and the HTTP client implements. */
export interface ApiBridge {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<Envelope<CallOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
