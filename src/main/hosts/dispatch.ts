import {
  calls,
  isCallName,
  type CallName,
  type CallOutput,
  type CallParsedInput,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import type { Envelope } from '../../shared/contract-kit';
import { AppError, toErrorData } from '../../shared/errors';
import { zodErrorToChinese } from '../../shared/zod-chinese';

/** What a handler knows about the call besides its input. */
export interface CallContext {
  host: 'electron' | 'http';
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export type Handler<K extends CallName> = (
  input: CallParsedInput<K>,
  ctx: CallContext,
) => Promise<CallOutput<K>> | CallOutput<K>;

/** The handler table: one function per contract call, shared by the IPC and HTTP hosts. */
export type Handlers = { [K in CallName]: Handler<K> };

/** A contract namespace: the part of a call name before the dot ('figures' of 'figures.get'). */
export type Namespace = CallName extends `${infer N}.${string}` ? N : never;

/** The handlers of exactly one namespace's calls: what each file in src/main/handlers/ returns. */
export type NamespaceHandlers<N extends Namespace> = {
  [K in CallName as K extends `${N}.${string}` ? K : never]: Handler<K>;
};

export type Logger = (line: string) => void;

/**
 * Runs one call: the name must be in the contract, the input must parse, and every failure
 * comes back as coded data. Nothing runs when the name or the input is wrong.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  ctx: CallContext,
  log: Logger = () => {},
): Promise<Envelope<unknown>> {
  if (!isCallName(name)) {
    return { ok: false, error: { code: 'UNKNOWN_CALL', message: `没有名为“${name}”的操作。`, detail: name } };
  }
  const parsed = calls[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const reasons = zodErrorToChinese(parsed.error, rawInput);
    return {
      ok: false,
      error: { code: 'BAD_INPUT', message: `请求参数有误：${reasons.join('；')}`, detail: parsed.error.issues },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown, ctx: CallContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    const data = toErrorData(err);
    if (!(err instanceof AppError)) log(`[${name}] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return { ok: false, error: data };
  }
}
