import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import type { Handlers } from '../../src/main/hosts/dispatch';
import { EventHub } from '../../src/main/services/event-hub';
import { startHttpHost, type HttpHost } from '../../src/main/hosts/http/http-host';
import { createServices } from '../../src/main/services/container';
import { transport } from '../../src/shared/contract';
import { rawRequest } from '../support/http';
import { PROJECT_ROOT } from '../support/project';

let host: HttpHost;
let handlerRuns = 0;

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'zjb-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const real = createHandlers(createServices({ appRoot: PROJECT_ROOT, appVersion: 'test' }));
  // Count handler runs so the tests can prove that refused requests run nothing.
  const counted = Object.fromEntries(
    Object.entries(real).map(([name, fn]) => [
      name,
      (input: never, ctx: never) => (handlerRuns++, (fn as (i: never, c: never) => unknown)(input, ctx)),
    ]),
  ) as unknown as Handlers;
  host = await startHttpHost({ handlers: counted, hub: new EventHub(), rendererDir });
});

afterAll(() => host.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(host.port, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('loopback HTTP host', () => {
  it('binds 127.0.0.1 and serves a contract call from a real service', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await post(transport.httpPath('app.info'), {});
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(true);
    expect(body.value.host).toBe('http');
    expect(body.value.appName).toBe('指标简报助手');
  });

  it('refuses a call without the token, and runs nothing', async () => {
    const before = handlerRuns;
    const res = await rawRequest(host.port, transport.httpPath('app.info'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('UNAUTHORIZED');
    expect(JSON.parse(res.body).error.message).toContain('令牌');
    expect(handlerRuns).toBe(before);
  });

  it('refuses a wrong token', async () => {
    const res = await post(transport.httpPath('app.info'), {}, { [transport.httpTokenHeader]: 'x'.repeat(32) });
    expect(res.status).toBe(401);
  });

  it('refuses a non-loopback Host header (DNS rebinding), and runs nothing', async () => {
    const before = handlerRuns;
    const res = await post(transport.httpPath('app.info'), {}, { host: `evil.example:${host.port}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('FORBIDDEN');
    expect(handlerRuns).toBe(before);
  });

  it('refuses a foreign Origin, and runs nothing', async () => {
    const before = handlerRuns;
    const res = await post(transport.httpPath('app.info'), {}, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(handlerRuns).toBe(before);
  });

  it('refuses invalid payloads with a coded Chinese error, and runs nothing', async () => {
    const before = handlerRuns;
    const wrongType = await post(transport.httpPath('templates.get'), { id: 42 });
    expect(wrongType.status).toBe(400);
    const err = JSON.parse(wrongType.body).error;
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toContain('id');
    expect(err.message).toContain('应为文本');
    const extraKey = await post(transport.httpPath('app.info'), { path: '/etc/passwd' });
    expect(extraKey.status).toBe(400);
    const notJson = await post(transport.httpPath('app.info'), '{not json');
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.code).toBe('BAD_INPUT');
    expect(handlerRuns).toBe(before);
  });

  it('answers unknown calls and unknown paths with coded errors', async () => {
    const unknownCall = await post('/api/fs.readFile', {});
    expect(unknownCall.status).toBe(404);
    expect(JSON.parse(unknownCall.body).error.code).toBe('UNKNOWN_CALL');
    const getApi = await rawRequest(host.port, transport.httpPath('app.info'));
    expect(getApi.status).toBe(400);
    const traversal = await rawRequest(host.port, `/..%2f..%2f..%2fetc%2fpasswd?token=${host.token}`);
    expect(traversal.status).toBe(404);
    expect(traversal.body).not.toContain('root:');
  });

  it('serves the renderer only with the token, then by cookie, with a CSP and the token injected', async () => {
    const noToken = await rawRequest(host.port, '/');
    expect(noToken.status).toBe(401);
    const index = await rawRequest(host.port, `/?token=${host.token}`);
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    expect(index.body).toContain(`<meta name="zjb-api-token" content="${host.token}">`);
    const cookie = String(index.headers['set-cookie']).split(';')[0] ?? '';
    const asset = await rawRequest(host.port, '/assets/app.js', { headers: { cookie } });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const assetNoCookie = await rawRequest(host.port, '/assets/app.js');
    expect(assetNoCookie.status).toBe(401);
  });
});

describe('loopback HTTP host: malformed addresses and a second instance', () => {
  const logged: string[] = [];
  let logging: HttpHost;
  let second: HttpHost;

  beforeAll(async () => {
    const handlers = createHandlers(createServices({ appRoot: PROJECT_ROOT, appVersion: 'test' }));
    const file = { fileName: '表.xlsx', contentType: 'application/octet-stream', body: Buffer.from('PK') };
    const rendererDir = mkdtempSync(join(tmpdir(), 'zjb-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<html><head></head><body></body></html>');
    const options = {
      handlers,
      rendererDir,
      hub: new EventHub(),
      resolveDownload: (id: string) => (id === 'known' ? file : undefined),
      log: (line: string) => logged.push(line),
    };
    logging = await startHttpHost(options);
    second = await startHttpHost(options);
  });
  afterAll(async () => {
    await logging.close();
    await second.close();
  });

  it('answers a bad percent-escape in a call name or a download id with 400, and logs no stack', async () => {
    const call = await rawRequest(logging.port, '/api/%zz', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: logging.token },
      body: '{}',
    });
    expect(call.status).toBe(400);
    expect(JSON.parse(call.body).error).toMatchObject({ code: 'BAD_INPUT' });
    const download = await rawRequest(logging.port, `/downloads/%zz?token=${logging.token}`);
    expect(download.status).toBe(400);
    expect(JSON.parse(download.body).error.code).toBe('BAD_INPUT');
    expect(JSON.parse(download.body).error.message).toContain('地址');
    expect(logged).toEqual([]);
    const known = await rawRequest(logging.port, `/downloads/known?token=${logging.token}`);
    expect(known.status).toBe(200);
  });

  it('names its cookie by port, so a second instance does not log the first one out', async () => {
    // A browser keeps one cookie per name for 127.0.0.1 whatever the port: a shared name would be replaced.
    const jar = new Map<string, string>();
    for (const h of [logging, second]) {
      const index = await rawRequest(h.port, `/?token=${h.token}`);
      expect(index.status).toBe(200);
      const [name = '', ...value] = (String(index.headers['set-cookie']).split(';')[0] ?? '').split('=');
      jar.set(name, value.join('='));
    }
    expect(jar.size).toBe(2);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    for (const h of [logging, second]) {
      const res = await rawRequest(h.port, '/downloads/known', { headers: { cookie } });
      expect(res.status).toBe(200);
    }
  });
});
