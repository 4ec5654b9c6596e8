import { z } from 'zod';

/**
 * Errors cross every boundary (IPC, HTTP, CLI) as data: a stable code for programs,
 * a Chinese message for the clerk that says what happened and what to do, and detail for the log.
 */
export const ErrorCodeSchema = z.enum([
  'BAD_INPUT',
  'NOT_FOUND',
  'INVALID_FILE',
  'WORKSPACE_LOCKED',
  'READ_ONLY',
  /** The disk is full: the save was taken back and nothing was written. */
  'DISK_FULL',
  'CONFLICT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'UNKNOWN_CALL',
  'CANCELLED',
  'IMPORT_REJECTED',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  detail: z.unknown().optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: unknown;

  constructor(code: ErrorCode, message: string, detail?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Any thrown value as boundary data; unknown failures never leak stack traces to the clerk. */
export function toErrorData(err: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return {
    code: 'INTERNAL',
    message: '程序内部出错，操作未完成，数据未被修改。请重试；如仍出错，请把日志发给技术支持。',
    detail,
  };
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  return AppErrorDataSchema.safeParse(value).success;
}
