import type { ServerResponse } from 'node:http';
import type { AppErrorData, ErrorCode } from '../../../shared/errors';

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_CALL: 404,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

/** A coded error as the envelope every call returns; codes without their own status answer 422. */
export function sendError(res: ServerResponse, error: AppErrorData): void {
  sendJson(res, STATUS_BY_CODE[error.code] ?? 422, { ok: false, error });
}

export const NO_TOKEN: AppErrorData = {
  code: 'UNAUTHORIZED',
  message: '缺少或错误的访问令牌，请用启动时打印的地址重新打开。',
};
