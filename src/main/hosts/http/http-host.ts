import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transport, type EventName } from '../../../shared/contract';
import type { AppErrorData, ErrorCode } from '../../../shared/errors';
import { dispatch, type CallContext, type Handlers, type Logger } from '../dispatch';
import type { EventHub } from '../../services/event-hub';
import {
  CONTENT_SECURITY_POLICY,
  cookieToken,
  isAllowedOrigin,
  isLoopbackHost,
  newToken,
  TOKEN_COOKIE,
  tokensEqual,
} from './security';
import { readStaticFile } from './static-files';

/** A file the browser may download, produced by a service (exports in the browser host). */
export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export interface HttpHostOptions {
  handlers: Handlers;
  hub: EventHub;
  /** The built renderer (out/renderer); when absent only the api is served. */
  rendererDir?: string;
  port?: number;
  token?: string;
  maxBodyBytes?: number;
  resolveDownload?: (id: string) => Download | undefined;
  log?: Logger;
}

export interface HttpHost {
  url: string;
  /** The address to open in a browser: it carries the token once, then a cookie takes over. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_CALL: 404,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: AppErrorData): void {
  sendJson(res, STATUS_BY_CODE[error.code] ?? 422, { ok: false, error });
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
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

/**
 * Serves the contract over loopback HTTP so the real renderer can run in a browser against the
 * real services: one POST endpoint per call, a server-sent event stream, and the built renderer.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const token = options.token ?? newToken();
  const maxBody = options.maxBodyBytes ?? 64 * 1024 * 1024;
  const log = options.log ?? (() => {});
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const ctx: CallContext = { host: 'http', emit: (event, payload) => options.hub.emit(event, payload) };
  const unsubscribe = options.hub.subscribe((event: EventName, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`http host: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: '服务出错，请重试。' });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isLoopbackHost(req.headers.host, port)) {
      return sendError(res, { code: 'FORBIDDEN', message: '只接受本机（127.0.0.1）访问。', detail: req.headers.host });
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendError(res, { code: 'FORBIDDEN', message: '拒绝了来自其他网站的请求。', detail: req.headers.origin });
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith('/api/')) {
      if (method !== 'POST') return sendError(res, { code: 'BAD_INPUT', message: '接口只接受 POST 请求。' });
      const given = req.headers[transport.httpTokenHeader];
      if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) {
        return sendError(res, {
          code: 'UNAUTHORIZED',
          message: '缺少或错误的访问令牌，请用启动时打印的地址重新打开。',
        });
      }
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return sendError(res, { code: 'BAD_INPUT', message: '请求内容必须是 JSON。' });
      }
      const body = await readBody(req, maxBody);
      if (body === 'too-large')
        return sendError(res, {
          code: 'BAD_INPUT',
          message: `请求内容超过 ${Math.round(maxBody / 1048576)} MB 上限。`,
        });
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return sendError(res, { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON。' });
      }
      const name = decodeURIComponent(url.pathname.slice('/api/'.length));
      const result = await dispatch(options.handlers, name, input, ctx, log);
      return result.ok ? sendJson(res, 200, result) : sendError(res, result.error);
    }

    const authorised = tokensEqual(url.searchParams.get('token'), token) || tokensEqual(cookieToken(req), token);
    if (method !== 'GET') return sendError(res, { code: 'BAD_INPUT', message: '不支持的请求方法。' });
    if (!authorised) {
      return sendError(res, { code: 'UNAUTHORIZED', message: '缺少或错误的访问令牌，请用启动时打印的地址重新打开。' });
    }

    if (url.pathname === transport.httpEventsPath) {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      req.on('close', () => sseClients.delete(res));
      return;
    }

    if (url.pathname.startsWith('/downloads/') && options.resolveDownload) {
      const file = options.resolveDownload(decodeURIComponent(url.pathname.slice('/downloads/'.length)));
      if (!file) return sendError(res, { code: 'NOT_FOUND', message: '文件已过期或不存在，请重新导出。' });
      res.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'no-store',
      });
      res.end(file.body);
      return;
    }

    if (!options.rendererDir) return sendError(res, { code: 'NOT_FOUND', message: '没有这个地址。' });
    const isIndex = url.pathname === '/' || url.pathname === '/index.html';
    const file = await readStaticFile(options.rendererDir, isIndex ? '/index.html' : url.pathname);
    if (!file) return sendError(res, { code: 'NOT_FOUND', message: '没有这个地址。', detail: url.pathname });
    const headers: Record<string, string> = {
      'content-type': file.contentType,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    };
    let body = file.body;
    if (isIndex) {
      headers['content-security-policy'] = CONTENT_SECURITY_POLICY;
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      body = Buffer.from(
        file.body.toString('utf8').replace('</head>', `<meta name="zjb-api-token" content="${token}"></head>`),
      );
    }
    res.writeHead(200, headers);
    res.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    openUrl: `${base}/?token=${token}`,
    token,
    port,
    close: async () => {
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
