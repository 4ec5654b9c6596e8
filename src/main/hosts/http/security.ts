import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppErrorData } from '../../../shared/errors';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only loopback names are accepted, which defeats DNS rebinding from a web page. */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

/** Browsers send Origin on cross-site and on POST requests; when present it must be us. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The token cookie's name, per port: cookies are shared by every port of 127.0.0.1, so one name would let a
 * second running instance replace the first one's cookie and lock its open page out.
 */
export function tokenCookie(port: number): string {
  return `zjb_token_${port}`;
}

export function cookieToken(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const name = tokenCookie(port);
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/** Why a request is refused before anything else is looked at: not addressed to loopback, or from another site. */
export function foreignRequest(req: IncomingMessage, port: number): AppErrorData | null {
  if (!isLoopbackHost(req.headers.host, port))
    return { code: 'FORBIDDEN', message: '只接受本机（127.0.0.1）访问。', detail: req.headers.host };
  if (!isAllowedOrigin(req.headers.origin, port))
    return { code: 'FORBIDDEN', message: '拒绝了来自其他网站的请求。', detail: req.headers.origin };
  return null;
}

/** A page request (GET) carries the token in the address once, then in the cookie. */
export function hasPageToken(req: IncomingMessage, url: URL, token: string, port: number): boolean {
  return tokensEqual(url.searchParams.get('token'), token) || tokensEqual(cookieToken(req, port), token);
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
