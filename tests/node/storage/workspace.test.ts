import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { context, fixedClock, newWorkspace, REGIONAL, tempDir, templates } from '../../support/workspace';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});
function track(ws: Workspace): Workspace {
  open.push(ws);
  return ws;
}

const growth = (region: string, value: number | string | null) => ({
  systemId: REGIONAL,
  indicatorId: 'industrial-value-added-growth',
  region,
  value,
});

async function expectAppError(promise: Promise<unknown>, code: string, text: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).message).toContain(text);
  return err as AppError;
}

describe('workspace files on a real folder', () => {
  it('creates the documented layout with its own copy of the systems', async () => {
    const { dir, ws } = await newWorkspace();
    track(ws);
    expect(readdirSync(dir).sort()).toEqual(['.lock', 'audit', 'data', 'keys', 'systems', 'workspace.json']);
    expect(readdirSync(join(dir, 'keys'))).toEqual(['form-signing.json']);
    const file = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8'));
    expect(file).toMatchObject({
      formatVersion: 2,
      name: '测试专班',
      city: '湖州',
      regions: ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'],
      systems: [REGIONAL],
    });
    expect(JSON.parse(readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8')).indicators).toHaveLength(16);
  });

  it('refuses to create a workspace in a folder that already has files', async () => {
    const { dir, ws } = await newWorkspace();
    track(ws);
    await expectAppError(
      Workspace.create(dir, { name: 'x', city: '湖州', systems: [] }, await context()),
      'CONFLICT',
      '不是空的',
    );
  });

  it('saves, reloads from disk and keeps who, when and the value', async () => {
    const clock = fixedClock();
    const { dir, ws } = await newWorkspace({ user: '张三', now: clock.now });
    const saved = await ws.setFigures(
      '2023-09',
      [growth('吴兴', '7.2'), growth('南浔', 6.5), growth('全市', '８．１')],
      { kind: 'entry' },
    );
    expect(saved).toEqual({ period: '2023-09', revision: 1, changed: 3, unchanged: 0 });
    await ws.close();
    const again = track(await Workspace.open(dir, await context('李四')));
    const view = await again.figures.get('2023-09');
    const cells = view.figures[REGIONAL]?.['industrial-value-added-growth'];
    expect(cells?.['吴兴']).toMatchObject({
      v: 7.2,
      by: '张三',
      at: clock.now().toISOString(),
      origin: { kind: 'entry' },
    });
    expect(cells?.['全市']?.v).toBe(8.1);
    expect(view.revision).toBe(1);
    expect(await again.figures.listPeriods()).toEqual(['2023-09']);
  });

  it('stores "/" and clearing a value, and skips unchanged cells', async () => {
    const { ws } = await newWorkspace();
    track(ws);
    await ws.setFigures('2023-09', [growth('吴兴', '/'), growth('南浔', 5)], { kind: 'entry' });
    const second = await ws.setFigures('2023-09', [growth('吴兴', '/'), growth('南浔', '')], { kind: 'entry' });
    expect(second).toMatchObject({ revision: 2, changed: 1, unchanged: 1 });
    const cells = (await ws.figures.get('2023-09')).figures[REGIONAL]?.['industrial-value-added-growth'];
    expect(cells?.['吴兴']?.v).toBe('/');
    expect(cells?.['南浔']?.v).toBeNull();
  });

  it('rejects a whole batch when one value is bad, naming the cell and the reason, and saves nothing', async () => {
    const { ws } = await newWorkspace();
    track(ws);
    const err = await expectAppError(
      ws.setFigures('2023-09', [growth('吴兴', 7), growth('南浔', 'abc')], { kind: 'entry' }),
      'BAD_INPUT',
      '本次未保存任何数据',
    );
    expect(err.message).toContain('南浔“规上工业增加值增长”：“abc”不是数字');
    expect((err.detail as { index: number }[])[0]?.index).toBe(1);
    expect((await ws.figures.get('2023-09')).revision).toBe(0);
    expect(existsSync(join(ws.dir, 'data', '2023', '2023-09.log'))).toBe(false);
  });

  it('checks units, kinds, regions, indicators and the reporting frequency', async () => {
    const { ws } = await newWorkspace();
    track(ws);
    const cases: [unknown[], string][] = [
      [[growth('吴兴', '5亿元')], '单位“亿元”不对'],
      [[growth('吴兴', -150)], '不可能低于-100%'],
      [[growth('西湖', 5)], '“西湖”不是本工作区的区县'],
      [[{ systemId: REGIONAL, indicatorId: 'no-such', region: '吴兴', value: 1 }], '没有指标“no-such”'],
      [
        [{ systemId: REGIONAL, indicatorId: 'inefficient-firms-rectified', region: '吴兴', value: 12 }],
        '按季度报送，请填在 2023Q1～2023Q4',
      ],
      [[{ systemId: REGIONAL, indicatorId: 'inefficient-firms-rectified', region: '吴兴', value: 12.5 }], '按季度报送'],
    ];
    for (const [changes, text] of cases)
      await expectAppError(ws.setFigures('2023-09', changes as never, { kind: 'entry' }), 'BAD_INPUT', text);
    const count = { systemId: REGIONAL, indicatorId: 'inefficient-firms-rectified', region: '吴兴', value: 12.5 };
    await expectAppError(ws.setFigures('2023Q3', [count], { kind: 'entry' }), 'BAD_INPUT', '应为整数');
    await expectAppError(
      ws.setFigures('2023-13', [growth('吴兴', 1)], { kind: 'entry' }),
      'BAD_INPUT',
      '期别“2023-13”格式不对',
    );
  });

  it('keeps every revision: period history, cell history with old → new, and restore as a new revision', async () => {
    const clock = fixedClock();
    const { ws } = await newWorkspace({ now: clock.now });
    track(ws);
    await ws.setFigures('2023-09', [growth('吴兴', 7.2)], { kind: 'entry' });
    clock.advance(60_000);
    await ws.setFigures('2023-09', [growth('吴兴', 7.5), growth('南浔', 6)], {
      kind: 'import',
      file: '吴兴.xlsx',
      sheet: '填报',
      cell: 'D7',
    });
    clock.advance(60_000);
    await ws.setFigures('2023-09', [growth('吴兴', 8)], { kind: 'cli' });
    const revisions = await ws.figures.history('2023-09');
    expect(revisions.map((r) => [r.revision, r.summary])).toEqual([
      [3, '命令行，1 项'],
      [2, '导入 吴兴.xlsx 填报 D7，2 项'],
      [1, '填报，1 项'],
    ]);
    const cell = await ws.figures.cellHistory('2023-09', REGIONAL, 'industrial-value-added-growth', '吴兴');
    expect(cell.map((c) => [c.old, c.new])).toEqual([
      [7.5, 8],
      [7.2, 7.5],
      [null, 7.2],
    ]);
    const restored = await ws.restorePeriod('2023-09', 1);
    expect(restored).toMatchObject({ revision: 4, changed: 2 });
    const cells = (await ws.figures.get('2023-09')).figures[REGIONAL]?.['industrial-value-added-growth'];
    expect(cells?.['吴兴']).toMatchObject({ v: 7.2, origin: { kind: 'restore', revision: 1 } });
    expect(cells?.['南浔']?.v).toBeNull();
    const audit = await ws.auditLog({ period: '2023-09' });
    expect(audit.find((a) => a.action === 'period.restore')?.summary).toBe('2023-09 恢复到第 1 版（2 项变化）');
    const restoreEntry = audit.find((a) => a.origin?.kind === 'restore');
    expect(restoreEntry?.changes).toContainEqual({
      systemId: REGIONAL,
      indicatorId: 'industrial-value-added-growth',
      region: '吴兴',
      old: 8,
      new: 7.2,
    });
    expect(restoreEntry?.by).toBe('测试员');
  });

  it('folds the journal into snapshots and can still restore any earlier revision', async () => {
    const { dir, ws } = await newWorkspace({ open: { compactAfterEntries: 5 } });
    track(ws);
    for (let i = 1; i <= 23; i++) await ws.setFigures('2023-09', [growth('吴兴', i)], { kind: 'entry' });
    const history = readdirSync(join(dir, 'history', '2023', '2023-09')).sort();
    expect(history).toContain('snapshot-5.json');
    expect(history).toContain('journal-1-5.log');
    expect(history).toContain('journal-16-20.log');
    await ws.restorePeriod('2023-09', 7);
    expect((await ws.figures.get('2023-09')).figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.v).toBe(7);
    expect((await ws.figures.history('2023-09')).length).toBe(24);
  });

  it('opens a second time read-only while the first holds the lock, saying who holds it', async () => {
    const { dir, ws } = await newWorkspace({ user: '张三' });
    track(ws);
    const second = track(await Workspace.open(dir, await context('李四')));
    expect(second.readOnly).toBe(true);
    const info = await second.info();
    expect(info.readOnlyReason).toContain('张三');
    expect(info.readOnlyReason).toContain('只读');
    await expectAppError(second.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' }), 'READ_ONLY', '张三');
  });

  it('updates settings with validation, keeps the previous version, and audits it', async () => {
    const { dir, ws } = await newWorkspace();
    track(ws);
    await ws.updateSettings((c) => ({ ...c, documents: { ...c.documents, copies: 80 } }), '印数改为 80 份');
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')).documents.copies).toBe(80);
    expect(readdirSync(join(dir, 'history', 'workspace'))).toHaveLength(1);
    await expectAppError(
      ws.updateSettings((c) => ({ ...c, documents: { ...c.documents, copies: -1 } }), 'bad'),
      'BAD_INPUT',
      'documents.copies',
    );
    expect(ws.settings.documents.copies).toBe(80);
    expect((await ws.auditLog()).some((a) => a.summary === '印数改为 80 份')).toBe(true);
  });

  it('the sample workspace is deterministic per seed and marked 示例数据', async () => {
    const { createSampleWorkspace } = await import('../../../src/main/services/sample/sample-workspace');
    const make = async (seed: number) => {
      const ws = await createSampleWorkspace({
        dir: join(tempDir(), 's'),
        seed,
        systems: await templates.all(),
        registries: await templates.registries(),
        userName: '示例',
      });
      const view = await ws.figures.get('2023-09');
      const info = await ws.info();
      await ws.close();
      return { view, info };
    };
    const a = await make(7);
    const b = await make(7);
    const c = await make(8);
    const values = (v: typeof a.view) =>
      JSON.stringify(
        Object.values(v.figures).map((s) => Object.values(s).map((i) => Object.entries(i).map(([r, f]) => [r, f.v]))),
      );
    expect(values(a.view)).toBe(values(b.view));
    expect(values(a.view)).not.toBe(values(c.view));
    expect(a.info.sample).toBe(true);
    expect(a.info.name).toContain('示例数据');
    const growth2023 = a.view.figures[REGIONAL]?.['industrial-value-added-growth'];
    expect(growth2023?.['德清']?.v).toBe(growth2023?.['长兴']?.v);
    expect(a.view.figures[REGIONAL]?.['manufacturing-investment-growth']?.['安吉']).toBeUndefined();
    expect(a.info.periods).toContain('2022-09');
    const q3 = await Workspace.open(a.info.dir, await context(), { readOnly: true });
    const energy = (await q3.figures.get('2023Q3')).figures[REGIONAL]?.['energy-intensity-reduction'];
    expect(energy?.['南太湖新区']?.v).toBe('/');
  });
});
