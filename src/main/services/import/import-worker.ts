// The import worker thread: decodes and parses returned workbooks off the main thread, one at a time,
// so the app answers every other call while a large or hostile file is read (see form-reader-pool.ts).
import { parentPort } from 'node:worker_threads';
import { readFormFile, type FormFileRead } from './form-file';

export type ReadRequest = { id: number; bytes: Uint8Array } | { id: number; base64: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

async function read(request: ReadRequest): Promise<FormFileRead> {
  if ('bytes' in request)
    return readFormFile(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
  if (request.base64.length % 4 !== 0 || !BASE64.test(request.base64))
    return { ok: false, message: '的内容没有正确传送（不是有效的 base64 编码），请重新选择文件' };
  return readFormFile(Buffer.from(request.base64, 'base64'));
}

parentPort?.on('message', (request: ReadRequest) => {
  void read(request).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: request.id,
        result: {
          ok: false,
          message: `读取时程序内部出错（${err instanceof Error ? err.message : String(err)}），请把该文件发给技术支持`,
        },
      }),
  );
});
