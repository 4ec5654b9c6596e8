import { describe, expect, it } from 'vitest';
import { DownloadStore } from '../../../src/main/services/downloads/download-store';
import { applyImport, ImportPreviewStore } from '../../../src/main/services/import';
import { AppError } from '../../../src/shared/errors';
import type { ImportPreview } from '../../../src/shared/import-types';
import { fixedClock, newWorkspace } from '../../support/workspace';

const file = (name: string, size = 10) => ({
  fileName: name,
  contentType: 'application/octet-stream',
  body: Buffer.alloc(size),
});

describe('download store', () => {
  it('serves a file under an unguessable id until it expires', () => {
    const clock = fixedClock();
    const store = new DownloadStore({ ttlMs: 60_000, now: clock.now });
    const { id, expiresAt } = store.put(file('吴兴.xlsx'));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(expiresAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    expect(store.get(id)?.fileName).toBe('吴兴.xlsx');
    expect(store.get(id)?.fileName).toBe('吴兴.xlsx');
    clock.advance(60_001);
    expect(store.get(id)).toBeUndefined();
    expect(store.get('nope')).toBeUndefined();
  });

  it('drops the oldest files when over its memory cap', () => {
    const store = new DownloadStore({ maxBytes: 25 });
    const a = store.put(file('a', 10));
    const b = store.put(file('b', 10));
    const c = store.put(file('c', 10));
    expect(store.get(a.id)).toBeUndefined();
    expect(store.get(b.id)?.fileName).toBe('b');
    expect(store.get(c.id)?.fileName).toBe('c');
  });
});

describe('import preview store', () => {
  it('says when a preview has expired, and apply refuses it in Chinese', async () => {
    const clock = fixedClock();
    const store = new ImportPreviewStore(30 * 60_000, 20, clock.now);
    const { ws } = await newWorkspace();
    const preview: ImportPreview = {
      id: '00000000-0000-4000-8000-000000000000',
      workspaceId: ws.settings.id,
      sample: false,
      createdAt: clock.now().toISOString(),
      expiresAt: store.expiresAt(clock.now()),
      files: [],
      review: [],
      basis: {},
      totals: { files: 0, refusedFiles: 0, unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 },
    };
    store.put(preview);
    expect(store.get(preview.id)).toBe(preview);
    clock.advance(30 * 60_000 + 1);
    const err = await applyImport(ws, preview.id, { store }).then(
      () => null,
      (e: unknown) => e,
    );
    await ws.close();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).message).toBe('导入预览已过期（超过 30 分钟未确认），请重新选择文件预览后再导入。');
    expect(store.get(preview.id)).toBeUndefined();
  });
});
