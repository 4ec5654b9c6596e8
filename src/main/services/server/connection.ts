import pg from 'pg';
import { AppError } from '../../../shared/errors';

/** Where a URL points, for messages: user@host:port/db, never the password. */
export function describeTarget(url: string): string {
  try {
    const u = new URL(url);
    const db = decodeURIComponent(u.pathname.replace(/^\//, '')) || '(默认数据库)';
    return `${decodeURIComponent(u.username) || '(未指定用户)'}@${u.hostname}:${u.port || '5432'}/${db}`;
  } catch {
    return '(地址格式不对)';
  }
}

/** Checks the URL's shape before anything connects: a clear message beats a driver's parse error. */
export function parseServerUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('BAD_INPUT', '服务器地址格式不对，应为 postgres://用户名:密码@主机:端口/数据库。');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new AppError('BAD_INPUT', `服务器地址应以 postgres:// 开头，而不是 ${u.protocol}//。`);
  if (!u.hostname)
    throw new AppError('BAD_INPUT', '服务器地址中缺少主机名（例如 postgres://张三:密码@192.168.1.10:5432/zhuanban）。');
  if (!u.pathname.replace(/^\//, ''))
    throw new AppError('BAD_INPUT', '服务器地址中缺少数据库名（地址最后的 /数据库名）。');
  return u;
}

interface PgLikeError {
  code?: string;
  message?: string;
  errno?: number;
}

/** Codes of a connection that broke while in use: the transaction was rolled back by the server. */
const CONNECTION_LOST_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE']);

/**
 * The driver's or the server's error as the clerk should read it: refused login, unreachable server,
 * no permission (a read-only role or another district's cells), a connection lost in the middle.
 */
export function toAppError(err: unknown, url: string, doing: string): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as PgLikeError;
  const target = describeTarget(url);
  const text = e.message ?? String(err);
  const code = e.code ?? '';
  if (code === '28P01' || code === '28000')
    return new AppError(
      'UNAUTHORIZED',
      `服务器拒绝登录（${target}）：用户名或密码不对，或该账号不允许从本机登录。请核对后重试，或请专班的管理员重设密码。`,
      text,
    );
  if (code === '3D000')
    return new AppError('NOT_FOUND', `服务器上没有这个数据库（${target}）。请核对地址最后的数据库名。`, text);
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH'].includes(code))
    return new AppError(
      'NOT_FOUND',
      `连接不上服务器（${target}）：${code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? '找不到这个主机名' : '服务器没有响应或拒绝连接'}。请检查网络、地址和端口，或请管理员确认数据库服务已启动。`,
      text,
    );
  if (code === '42501' && /row-level security/.test(text))
    return new AppError(
      'FORBIDDEN',
      `${doing}被服务器拒绝：您的账号只能修改本区县（或本部门指标）在专班已开放期别中的数据。本次未保存任何数据。`,
      text,
    );
  if (code === '42501')
    return new AppError(
      'READ_ONLY',
      `${doing}被服务器拒绝：您的账号没有这项权限（例如领导账号只能查看）。本次未保存任何数据。`,
      text,
    );
  if (
    CONNECTION_LOST_CODES.has(code) ||
    /Connection terminated|connection error|not queryable|connection.*(closed|ended)/i.test(text)
  )
    return new AppError(
      'INTERNAL',
      `${doing}时与服务器的连接中断（${target}）。服务器按“全部或全不”处理每次保存：未收到“已保存”的这次修改不会只存一半。请重新连接后查看数据，确认这次修改是否已保存。`,
      text,
    );
  return new AppError('INTERNAL', `${doing}失败（${target}）：${text}`, text);
}

/** A connection pool with the app's name shown to the server's administrator (pg_stat_activity). */
export function createPool(url: string, options: { max?: number; applicationName?: string } = {}): pg.Pool {
  parseServerUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    application_name: options.applicationName ?? 'zhibiao-jianbao',
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server drops (restart) is discarded by the pool; the next query reconnects.
  pool.on('error', () => undefined);
  // A connection that breaks while checked out rejects its query; its 'error' event must not crash the app.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export async function connectClient(url: string, applicationName = 'zhibiao-jianbao'): Promise<pg.Client> {
  parseServerUrl(url);
  const client = new pg.Client({
    connectionString: url,
    application_name: applicationName,
    connectionTimeoutMillis: 10_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => undefined);
    throw toAppError(err, url, '连接服务器');
  }
  return client;
}
