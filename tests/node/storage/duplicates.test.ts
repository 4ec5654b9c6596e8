import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHandlers } from '../../../src/main/handlers';
import { createServices } from '../../../src/main/services/container';
import { AppError } from '../../../src/shared/errors';
import { PROJECT_ROOT } from '../../support/project';
import { growth, newWorkspace, tempDir } from '../../support/workspace';

describe('one save never changes a cell twice', () => {
  it('three changes to 吴兴 in one batch are refused, naming the cell; nothing is written', async () => {
    const { dir, ws } = await newWorkspace();
    await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' });
    const journal = join(dir, 'data', '2023', '2023-09.log');
    const before = readFileSync(journal);
    const err = await ws
      .setFigures('2023-09', [growth('吴兴', 2), growth('南浔', 5), growth('吴兴', 3), growth('吴兴', 4)], {
        kind: 'entry',
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_INPUT');
    expect((err as AppError).message).toContain('吴兴“规上工业增加值增长”出现了 3 次（第 1、3、4 项）');
    expect((err as AppError).message).toContain('本次未保存任何数据');
    expect((err as AppError).detail).toHaveLength(3);
    expect(readFileSync(journal).equals(before)).toBe(true);
    expect((await ws.figures.get('2023-09')).revision).toBe(1);
    await ws.close();
  });

  it('through the contract call figures.set as well', async () => {
    const services = createServices({
      appRoot: PROJECT_ROOT,
      appVersion: 'test',
      appDataDir: tempDir(),
      documentsDir: tempDir(),
    });
    const handlers = createHandlers(services);
    await services.session.openSample();
    const ctx = { emit: () => {} } as never;
    const err = await Promise.resolve()
      .then(() => handlers['figures.set']({ period: '2023-09', changes: [growth('德清', 1), growth('德清', 2)] }, ctx))
      .catch((e: unknown) => e);
    expect((err as AppError).message).toContain('德清“规上工业增加值增长”出现了 2 次');
    await services.dispose();
  });
});
