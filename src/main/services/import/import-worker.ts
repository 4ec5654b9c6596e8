// The import worker thread: parses returned workbooks off the main thread, one at a time, so the app
// answers every other call while a large or hostile file is read (see form-reader-pool.ts).
import { parentPort } from 'node:worker_threads';
import { readFormFile } from './form-file';

export interface ReadRequest {
  id: number;
  bytes: Uint8Array;
}

parentPort?.on('message', (request: ReadRequest) => {
  void readFormFile(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength)).then(
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
