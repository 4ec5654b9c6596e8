import { dispatch, type CallContext, type Handlers } from '../../src/main/hosts/dispatch';
import { transport, type CallInput, type CallName, type CallOutput } from '../../src/shared/contract';
import type { AppErrorData } from '../../src/shared/errors';
import { rawRequest } from './http';

/**
 * Contract-typed ways for tests to make a call: the name must be in the contract, the input is the call's
 * input type and the answer is its output type, so a test breaks at compile time when the contract changes.
 */

export type TypedCall = <K extends CallName>(name: K, input: CallInput<K>) => Promise<CallOutput<K>>;

/** Calls through the real dispatcher (schema parsing included), as a host would; a failure throws "CODE: message". */
export function callThrough(handlers: Handlers, ctx: CallContext): TypedCall {
  return async (name, input) => {
    const result = await dispatch(handlers, name, input, ctx);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value as CallOutput<typeof name>;
  };
}

/** An HTTP answer: the status and the envelope, flattened so a test can assert on either side. */
export interface HttpAnswer<T> {
  status: number;
  ok: boolean;
  value: T;
  error?: AppErrorData;
}

/** Calls the loopback HTTP host at its POST /api/<name> path with the session token. */
export function callOverHttp(port: number, token: string) {
  return async <K extends CallName>(name: K, input: CallInput<K>): Promise<HttpAnswer<CallOutput<K>>> => {
    const res = await rawRequest(port, transport.httpPath(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: token },
      body: JSON.stringify(input),
    });
    return { status: res.status, ...(JSON.parse(res.body) as Omit<HttpAnswer<CallOutput<K>>, 'status'>) };
  };
}
