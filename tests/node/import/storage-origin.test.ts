import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch } from '../../../src/main/hosts/dispatch';
import { createServices } from '../../../src/main/services/container';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { PROJECT_ROOT } from '../../support/project';
import { context, newWorkspace, REGIONAL, tempDir } from '../../support/workspace';

const growth = 'industrial-value-added-growth';

describe('a per-change origin in storage (an imported file and its cell)', () => {
  it('is kept in the journal, the stored figure, cell history and the audit, across compaction and reopening', async () => {
    const { dir, ws } = await newWorkspace({ open: { compactAfterEntries: 2 } });
    const file = { kind: 'import' as const, file: '吴兴.xlsx', sheet: '填报表' };
    await ws.setFigures(
      '2023-09',
      [
        { systemId: REGIONAL, indicatorId: growth, region: '吴兴', value: 6.1, origin: { ...file, cell: 'D7' } },
        {
          systemId: REGIONAL,
          indicatorId: 'manufacturing-investment-growth',
          region: '吴兴',
          value: 11.6,
          origin: { ...file, cell: 'D8' },
        },
      ],
      file,
    );
    await ws.setFigures('2023-09', [{ systemId: REGIONAL, indicatorId: growth, region: '南浔', value: 5 }], {
      kind: 'entry',
    });
    await ws.close();

    const reopened = await Workspace.open(dir, await context());
    try {
      const view = await reopened.figures.get('2023-09');
      expect(view.figures[REGIONAL]?.[growth]?.['吴兴']?.origin).toEqual({ ...file, cell: 'D7' });
      expect(view.figures[REGIONAL]?.['manufacturing-investment-growth']?.['吴兴']?.origin).toEqual({
        ...file,
        cell: 'D8',
      });
      expect(view.figures[REGIONAL]?.[growth]?.['南浔']?.origin).toEqual({ kind: 'entry' });
      expect((await reopened.figures.cellHistory('2023-09', REGIONAL, growth, '吴兴'))[0]?.origin).toEqual({
        ...file,
        cell: 'D7',
      });
      const audit = (await reopened.auditLog({ period: '2023-09' })).find((a) => a.origin?.kind === 'import');
      expect(audit?.summary).toBe('2023-09 导入 吴兴.xlsx 填报表，2 项');
      expect(audit?.changes?.map((c) => c.origin)).toEqual([
        { ...file, cell: 'D7' },
        { ...file, cell: 'D8' },
      ]);
      // A restore is one revision of its own; the figures it brings back say "restore".
      await reopened.restorePeriod('2023-09', 1);
      expect((await reopened.figures.get('2023-09')).figures[REGIONAL]?.[growth]?.['南浔']).toMatchObject({
        v: null,
        origin: { kind: 'restore', revision: 1 },
      });
      expect((await reopened.figures.get('2023-09')).figures[REGIONAL]?.[growth]?.['吴兴']?.origin).toEqual({
        ...file,
        cell: 'D7',
      });
    } finally {
      await reopened.close();
    }
  });

  it('cannot be claimed by the renderer through figures.set', async () => {
    const services = createServices({ appRoot: PROJECT_ROOT, appVersion: 'test', appDataDir: tempDir('zjb-appdata-') });
    const { dir, ws } = await newWorkspace();
    await ws.close();
    await services.session.open(dir);
    const result = await dispatch(
      createHandlers(services),
      'figures.set',
      {
        period: '2023-09',
        changes: [
          {
            systemId: REGIONAL,
            indicatorId: growth,
            region: '吴兴',
            value: 1,
            origin: { kind: 'import', file: 'x.xlsx' },
          },
        ],
      },
      { host: 'http', emit: () => {} },
    );
    await services.session.close();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('有不认识的字段 origin') },
    });
  });
});
