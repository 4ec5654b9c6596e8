import type { IncomingMessage } from 'node:http';
import type { AppErrorData } from '../../../shared/errors';

/** The body, or 'too-large' as soon as it passes the limit (the rest is not buffered). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) return 'too-large';
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The JSON input of a call, or the error to answer with (an empty body is an empty input). */
export async function readJsonInput(req: IncomingMessage, limit: number): Promise<{ input: unknown } | AppErrorData> {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
    return { code: 'BAD_INPUT', message: '请求内容必须是 JSON。' };
  const body = await readBody(req, limit);
  if (body === 'too-large')
    return { code: 'BAD_INPUT', message: `请求内容超过 ${Math.round(limit / 1048576)} MB 上限。` };
  try {
    return { input: body.length ? JSON.parse(body.toString('utf8')) : {} };
  } catch {
    return { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON。' };
  }
}

/**
 * The rest of the path after `prefix`, percent-decoded; a malformed escape ("%zz") is the client's mistake,
 * answered as bad input rather than thrown as a server error.
 */
export function pathRest(pathname: string, prefix: string): { value: string } | AppErrorData {
  try {
    return { value: decodeURIComponent(pathname.slice(prefix.length)) };
  } catch {
    return { code: 'BAD_INPUT', message: '地址中有无效的 % 转义，请检查地址。', detail: pathname };
  }
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
