import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { transport } from '../../../shared/contract';
import type { EventHub } from '../../services/event-hub';
import type { CallContext, Handlers, Logger } from '../dispatch';
import { EventStream } from './event-stream';
import { headerValue } from './request-parts';
import { NO_TOKEN, sendError } from './responses';
import { API_PREFIX, DOWNLOADS_PREFIX, serveCall, serveDownload, serveRenderer, type Download } from './routes';
import { foreignRequest, hasPageToken, newToken, tokensEqual } from './security';

export type { Download } from './routes';

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

/** What every request of one running host is answered with. */
interface HostState {
  options: HttpHostOptions;
  token: string;
  port: number;
  ctx: CallContext;
  log: Logger;
  events: EventStream;
}

/**
 * One request: refuse foreign ones, then POST /api/<call> (token header), or a GET with the page token
 * (address or cookie) for the event stream, a download or the renderer.
 */
async function route(req: IncomingMessage, res: ServerResponse, host: HostState): Promise<void> {
  const foreign = foreignRequest(req, host.port);
  if (foreign) return sendError(res, foreign);
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${host.port}`);
  const method = req.method ?? 'GET';
  const { options } = host;

  if (url.pathname.startsWith(API_PREFIX)) {
    if (method !== 'POST') return sendError(res, { code: 'BAD_INPUT', message: '接口只接受 POST 请求。' });
    if (!tokensEqual(headerValue(req, transport.httpTokenHeader), host.token)) return sendError(res, NO_TOKEN);
    return serveCall(req, res, url.pathname, {
      handlers: options.handlers,
      ctx: host.ctx,
      log: host.log,
      maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
    });
  }
  if (method !== 'GET') return sendError(res, { code: 'BAD_INPUT', message: '不支持的请求方法。' });
  if (!hasPageToken(req, url, host.token, host.port)) return sendError(res, NO_TOKEN);
  if (url.pathname === transport.httpEventsPath) return host.events.attach(req, res);
  if (url.pathname.startsWith(DOWNLOADS_PREFIX) && options.resolveDownload)
    return serveDownload(res, url.pathname, options.resolveDownload);
  if (!options.rendererDir) return sendError(res, { code: 'NOT_FOUND', message: '没有这个地址。' });
  return serveRenderer(res, url.pathname, { dir: options.rendererDir, token: host.token, port: host.port });
}

/** An error no route answered: logged with its stack for the developer, a plain message for the clerk. */
function answerUnexpected(res: ServerResponse, err: unknown, log: Logger): void {
  log(`http host: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  if (!res.headersSent) sendError(res, { code: 'INTERNAL', message: '服务出错，请重试。' });
  else res.end();
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Serves the contract over loopback HTTP so the real renderer can run in a browser against the
 * real services: one POST endpoint per call, a server-sent event stream, and the built renderer.
 */
export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const log = options.log ?? (() => {});
  const host: HostState = {
    options,
    token: options.token ?? newToken(),
    port: 0,
    ctx: { host: 'http', emit: (event, payload) => options.hub.emit(event, payload) },
    log,
    events: new EventStream(options.hub),
  };
  const server = createServer((req, res) => {
    route(req, res, host).catch((err: unknown) => answerUnexpected(res, err, log));
  });
  host.port = await listen(server, options.port ?? 0);
  const url = `http://127.0.0.1:${host.port}`;
  return {
    url,
    openUrl: `${url}/?token=${host.token}`,
    token: host.token,
    port: host.port,
    close: async () => {
      host.events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
