import type { IncomingMessage, ServerResponse } from 'node:http';
import { dispatch, type CallContext, type Handlers, type Logger } from '../dispatch';
import { pathRest, readJsonInput } from './request-parts';
import { sendError, sendJson } from './responses';
import { CONTENT_SECURITY_POLICY, tokenCookie } from './security';
import { readStaticFile } from './static-files';

/** A file the browser may download, produced by a service (exports in the browser host). */
export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const API_PREFIX = '/api/';
export const DOWNLOADS_PREFIX = '/downloads/';

/** POST /api/<call>: the body is the call's input; the answer is its envelope. */
export async function serveCall(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  call: { handlers: Handlers; ctx: CallContext; log: Logger; maxBodyBytes: number },
): Promise<void> {
  const name = pathRest(pathname, API_PREFIX);
  if (!('value' in name)) return sendError(res, name);
  const body = await readJsonInput(req, call.maxBodyBytes);
  if (!('input' in body)) return sendError(res, body);
  const result = await dispatch(call.handlers, name.value, body.input, call.ctx, call.log);
  return result.ok ? sendJson(res, 200, result) : sendError(res, result.error);
}

/** GET /downloads/<id>: a generated file, as an attachment under its Chinese name. */
export function serveDownload(
  res: ServerResponse,
  pathname: string,
  resolveDownload: (id: string) => Download | undefined,
): void {
  const id = pathRest(pathname, DOWNLOADS_PREFIX);
  if (!('value' in id)) return sendError(res, id);
  const file = resolveDownload(id.value);
  if (!file) return sendError(res, { code: 'NOT_FOUND', message: '文件已过期或不存在，请重新导出。' });
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'cache-control': 'no-store',
  });
  res.end(file.body);
}

/**
 * The built renderer. The index page gets the CSP, the token as a meta tag (for the api calls) and the
 * token cookie (for assets, events and downloads, which cannot send a header).
 */
export async function serveRenderer(
  res: ServerResponse,
  pathname: string,
  renderer: { dir: string; token: string; port: number },
): Promise<void> {
  const isIndex = pathname === '/' || pathname === '/index.html';
  const file = await readStaticFile(renderer.dir, isIndex ? '/index.html' : pathname);
  if (!file) return sendError(res, { code: 'NOT_FOUND', message: '没有这个地址。', detail: pathname });
  const headers: Record<string, string> = {
    'content-type': file.contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  let body = file.body;
  if (isIndex) {
    headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
    headers['set-cookie'] = `${tokenCookie(renderer.port)}=${renderer.token}; HttpOnly; SameSite=Strict; Path=/`;
    const meta = `<meta name="zjb-api-token" content="${renderer.token}">`;
    body = Buffer.from(file.body.toString('utf8').replace('</head>', `${meta}</head>`));
  }
  res.writeHead(200, headers);
  res.end(body);
}
