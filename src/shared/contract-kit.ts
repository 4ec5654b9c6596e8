import type { z } from 'zod';
import type { AppErrorData } from './errors';

/**
 * Building blocks of the contract: a call is a zod input schema plus a phantom output type.
 * The output is not parsed at runtime (main produces it), only typed.
 */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the output type (boxed, so null outputs survive); always undefined at runtime. */
  readonly output?: [O];
}

export function call<O>() {
  return <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
}

/** What every call returns across a process boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
