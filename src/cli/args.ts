import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './command';

type Options = NonNullable<ParseArgsConfig['options']>;
export type ParsedArgs<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>
>;

/** parseArgs with errors turned into Chinese usage errors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O): ParsedArgs<O> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const unknown = /Unknown option '([^']+)'/.exec(msg);
    if (unknown) throw new UsageError(`不认识的选项 ${unknown[1]}`);
    const missing = /Option '([^']+)[^']*' argument missing/.exec(msg);
    if (missing) throw new UsageError(`选项 ${missing[1]} 后面需要一个值`);
    throw new UsageError(`参数有误：${msg}`);
  }
}

export function requireOption(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new UsageError(`缺少必填选项 ${flag}`);
  return value;
}
