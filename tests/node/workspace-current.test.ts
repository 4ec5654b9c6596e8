import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createHandlers } from '../../src/main/handlers';
import { dispatch } from '../../src/main/hosts/dispatch';
import { createServices } from '../../src/main/services/container';
import { PROJECT_ROOT } from '../support/project';
import { tempDir } from '../support/workspace';

describe('workspace.current', () => {
  it('answers null while no workspace is open, then the open workspace, then null again after close', async () => {
    const services = createServices({
      appRoot: PROJECT_ROOT,
      appVersion: 'test',
      userName: '测试员',
      appDataDir: tempDir(),
      documentsDir: tempDir(),
    });
    const handlers = createHandlers(services);
    const ctx = { host: 'http' as const, emit: () => {} };
    expect(await dispatch(handlers, 'workspace.current', {}, ctx)).toEqual({ ok: true, value: null });
    const created = await dispatch(
      handlers,
      'workspace.create',
      { name: '测试专班', city: '湖州', systemIds: ['hz-mfg-cluster-regional-2023'] },
      ctx,
    );
    expect(created.ok).toBe(true);
    const current = await dispatch(handlers, 'workspace.current', {}, ctx);
    expect(current).toMatchObject({
      ok: true,
      value: {
        name: '测试专班',
        city: '湖州',
        sample: false,
        readOnly: false,
        dir: join(services.session.defaultParentDir, '测试专班'),
      },
    });
    await dispatch(handlers, 'workspace.close', {}, ctx);
    expect(await dispatch(handlers, 'workspace.current', {}, ctx)).toEqual({ ok: true, value: null });
  });
});
