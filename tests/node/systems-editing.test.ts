import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkspaceReport, computeWorkspace } from '../../src/main/services/reports/report-service';
import { Workspace } from '../../src/main/services/storage/workspace';
import { editRegions } from '../../src/main/services/systems/regions-service';
import { editSystem } from '../../src/main/services/systems/system-editor';
import {
  addSystemToWorkspace,
  restoreSystemVersion,
  rolloverWorkspaceSystem,
  systemFileText,
  systemHistory,
} from '../../src/main/services/systems/workspace-systems';
import { parsePeriod } from '../../src/shared/domain/periods';
import { AppError } from '../../src/shared/errors';
import type { SystemEditInput } from '../../src/shared/schemas/system-edit';
import { SystemEditSchema } from '../../src/shared/schemas/system-edit';
import { milestonesOf, regionTargetOf } from '../../src/shared/systems/accessors';
import { context, fixedClock, newWorkspace, REGIONAL, templates } from '../support/workspace';

const GROWTH = 'industrial-value-added-growth';
const LAND = 'inefficient-rectification-land-freed';

const open: Workspace[] = [];
afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close();
});

async function workspace(start = '2026-01-10T09:00:00+08:00') {
  const clock = fixedClock(start);
  const { dir, ws } = await newWorkspace({ now: clock.now });
  open.push(ws);
  return { dir, ws, clock };
}

async function edit(ws: Workspace, systemId: string, change: SystemEditInput) {
  return editSystem(ws, await templates.registries(), systemId, SystemEditSchema.parse(change));
}

async function refused(promise: Promise<unknown>, text: string): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).message).toContain(text);
  return err as AppError;
}

const newIndicator = {
  name: '新型储能装机容量',
  unit: '万千瓦',
  kind: 'level',
  direction: 'higher',
  decimals: 1,
  frequency: 'quarterly',
  ytd: true,
} as const;

describe('editing a workspace system', () => {
  it('sets 2026 targets for 全市 and districts, text kept verbatim, years follow the targets', async () => {
    const { ws } = await workspace();
    const result = await edit(ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [
        { indicatorId: GROWTH, region: '全市', value: 7 },
        { indicatorId: GROWTH, region: '长兴', value: '增长6%左右' },
        { indicatorId: GROWTH, region: '安吉', value: '/' },
      ],
    });
    expect(result.system.years).toEqual(['2023', '2026']);
    const ind = ws.system(REGIONAL).indicators.find((i) => i.id === GROWTH)!;
    expect(regionTargetOf(ind, '长兴', '2026')).toBe('增长6%左右');
    expect(regionTargetOf(ind, '长兴', '2023')).toBe(8.5);
    expect(result.changes).toEqual([
      { what: '指标“规上工业增加值增长” 2026年目标', old: null, new: '7' },
      { what: '指标“规上工业增加值增长” 2026年分解目标 安吉', old: null, new: '/' },
      { what: '指标“规上工业增加值增长” 2026年分解目标 长兴', old: null, new: '增长6%左右' },
    ]);
  });

  it('refuses a district the system does not have, and contradictory milestones, writing nothing', async () => {
    const { dir, ws } = await workspace();
    const before = readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8');
    await refused(
      edit(ws, REGIONAL, {
        op: 'setTargets',
        year: '2026',
        cells: [{ indicatorId: GROWTH, region: '拱墅', value: 7 }],
      }),
      '“拱墅”不是本体系的区县',
    );
    const err = await refused(
      edit(ws, REGIONAL, {
        op: 'setMilestones',
        indicatorId: GROWTH,
        year: '2026',
        milestones: [
          { period: 'Q2', percent: 50 },
          { period: 'H1', percent: 60 },
        ],
      }),
      '进度节点矛盾：二季度末为50%，上半年末为60%',
    );
    expect(err.code).toBe('BAD_INPUT');
    expect(readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'history', 'systems'))).toBe(false);
  });

  it('sets milestones per year with a district override', async () => {
    const { ws } = await workspace();
    await edit(ws, REGIONAL, {
      op: 'setMilestones',
      indicatorId: LAND,
      year: '2026',
      milestones: [
        { period: 'Q3', percent: 85 },
        { period: 'Q1', percent: 30 },
      ],
    });
    await edit(ws, REGIONAL, {
      op: 'setMilestones',
      indicatorId: LAND,
      year: '2026',
      region: '德清',
      milestones: [{ period: 'Q3', percent: 70 }],
    });
    const ind = ws.system(REGIONAL).indicators.find((i) => i.id === LAND)!;
    expect(milestonesOf(ind, '2026', '吴兴').map((m) => m.period)).toEqual(['Q1', 'Q3']);
    expect(milestonesOf(ind, '2026', '德清')).toEqual([{ period: 'Q3', percent: 70 }]);
    expect(milestonesOf(ind, '2027', '德清')).toEqual([]);
  });

  it('adds an indicator, a 其中 row under it, and moves rows among their siblings', async () => {
    const { ws } = await workspace();
    const added = await edit(ws, REGIONAL, { op: 'addIndicator', indicator: newIndicator });
    const id = added.system.indicators.at(-1)!.id;
    expect(id).toBe('added-1');
    const child = await edit(ws, REGIONAL, {
      op: 'addIndicator',
      indicator: { ...newIndicator, name: '其中：用户侧储能', parent: id },
    });
    expect(child.system.indicators.at(-1)).toMatchObject({ id: 'added-2', parent: id });
    await refused(edit(ws, REGIONAL, { op: 'addIndicator', indicator: newIndicator }), '已有名为“新型储能装机容量”');
    const moved = await edit(ws, REGIONAL, { op: 'moveIndicator', indicatorId: id, offset: -1 });
    const order = moved.system.indicators.map((i) => i.id);
    // The parent moved above its neighbour and took its 其中 row along.
    expect(order.slice(-3)).toEqual([id, 'added-2', order.at(-1)]);
    expect(order.indexOf('added-2')).toBe(order.indexOf(id) + 1);
    await refused(edit(ws, REGIONAL, { op: 'moveIndicator', indicatorId: 'added-2', offset: 1 }), '已经是最后一项');
  });

  it('deletes an indicator without figures, archives one with figures (kept, restorable)', async () => {
    const { ws } = await workspace();
    const added = await edit(ws, REGIONAL, { op: 'addIndicator', indicator: newIndicator });
    const id = added.system.indicators.at(-1)!.id;
    const removed = await edit(ws, REGIONAL, { op: 'removeIndicator', indicatorId: id });
    expect(removed.archived).toBeUndefined();
    expect(ws.system(REGIONAL).indicators.some((i) => i.id === id)).toBe(false);

    await ws.setFigures('2026-09', [{ systemId: REGIONAL, indicatorId: GROWTH, region: '吴兴', value: 6.5 }], {
      kind: 'entry',
    });
    const archived = await edit(ws, REGIONAL, { op: 'removeIndicator', indicatorId: GROWTH, reason: '新方案不再考核' });
    expect(archived.archived).toBe(true);
    const ind = ws.system(REGIONAL).indicators.find((i) => i.id === GROWTH)!;
    expect(ind.archived).toMatchObject({ by: '测试员', reason: '新方案不再考核' });
    expect((await ws.figures.get('2026-09')).figures[REGIONAL]?.[GROWTH]?.['吴兴']?.v).toBe(6.5);
    const computed = await computeWorkspace(ws, parsePeriod('2026-09'));
    expect(computed.some((r) => r.indicator.id === GROWTH)).toBe(false);

    await edit(ws, REGIONAL, { op: 'restoreIndicator', indicatorId: GROWTH });
    const again = await computeWorkspace(ws, parsePeriod('2026-09'));
    expect(again.find((r) => r.indicator.id === GROWTH)?.rows.find((r) => r.region === '吴兴')?.value).toBe(6.5);
  });

  it('edits categories, refusing to drop one that still has indicators', async () => {
    const { ws } = await workspace();
    const cluster = await templates.get('hz-mfg-cluster-targets-2023');
    await addSystemToWorkspace(ws, await templates.registries(), { template: cluster });
    const categories = ws.system(cluster.id).categories;
    await refused(
      edit(ws, cluster.id, { op: 'setCategories', categories: categories.slice(1) }),
      `类别“${categories[0]!.name}”下还有`,
    );
    const renamed = await edit(ws, cluster.id, {
      op: 'setCategories',
      categories: [...categories.map((c, i) => (i === 0 ? { ...c, name: '产业规模' } : c)), { name: '新增类别' }],
    });
    expect(renamed.system.categories.at(-1)).toEqual({ id: 'cat-1', name: '新增类别' });
    expect(renamed.system.categories[0]?.name).toBe('产业规模');
  });

  it('keeps every change in the history with old → new, and restores the version before a change', async () => {
    const { ws, clock } = await workspace();
    await edit(ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [{ indicatorId: GROWTH, region: '全市', value: 7 }],
    });
    clock.advance(60_000);
    await edit(ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [{ indicatorId: GROWTH, region: '全市', value: 7.5 }],
    });
    const history = await systemHistory(ws, REGIONAL);
    expect(history.map((h) => h.changes[0])).toEqual([
      { what: '指标“规上工业增加值增长” 2026年目标', old: '7', new: '7.5' },
      { what: '指标“规上工业增加值增长” 2026年目标', old: null, new: '7' },
    ]);
    expect(history[0]).toMatchObject({ by: '测试员', at: '2026-01-10T01:01:00.000Z' });
    const restored = await restoreSystemVersion(ws, await templates.registries(), REGIONAL, history[1]!.historyFile!);
    expect(restored.indicators.find((i) => i.id === GROWTH)?.targets).toEqual({ '2023': 7 });
    const after = await systemHistory(ws, REGIONAL);
    expect(after[0]).toMatchObject({ action: 'system.restore' });
    expect(after[0]?.changes).toEqual([{ what: '指标“规上工业增加值增长” 2026年目标', old: '7.5', new: null }]);
    await refused(restoreSystemVersion(ws, await templates.registries(), REGIONAL, '../workspace.json'), '不是体系');
  });
});

describe('the workspace districts', () => {
  it('renames a district: old figures read under the new name, targets follow, history kept', async () => {
    const { dir, ws } = await workspace();
    await ws.setFigures(
      '2023-09',
      [
        { systemId: REGIONAL, indicatorId: GROWTH, region: '南太湖新区', value: 12.3 },
        { systemId: REGIONAL, indicatorId: GROWTH, region: '全市', value: 7.1 },
      ],
      { kind: 'entry' },
    );
    await editRegions(ws, await templates.registries(), { op: 'rename', from: '南太湖新区', to: '南太湖' });
    expect(ws.settings.regions.at(-1)).toBe('南太湖');
    expect(ws.settings.regionFormerNames).toEqual({ 南太湖: ['南太湖新区'] });
    const view = await ws.figures.get('2023-09');
    expect(view.figures[REGIONAL]?.[GROWTH]?.['南太湖']?.v).toBe(12.3);
    expect(view.figures[REGIONAL]?.[GROWTH]?.['南太湖新区']).toBeUndefined();
    const ind = ws.system(REGIONAL).indicators.find((i) => i.id === GROWTH)!;
    expect(regionTargetOf(ind, '南太湖', '2023')).toBe(12);
    const rows = (await computeWorkspace(ws, parsePeriod('2023-09'))).find((r) => r.indicator.id === GROWTH)!.rows;
    expect(rows.find((r) => r.region === '南太湖')).toMatchObject({ value: 12.3, target: 12 });
    expect((await ws.figures.cellHistory('2023-09', REGIONAL, GROWTH, '南太湖')).map((h) => h.new)).toEqual([12.3]);
    // A new figure goes under the new name and wins over the old one.
    await ws.setFigures('2023-09', [{ systemId: REGIONAL, indicatorId: GROWTH, region: '南太湖', value: 12.6 }], {
      kind: 'entry',
    });
    expect((await ws.figures.get('2023-09')).figures[REGIONAL]?.[GROWTH]?.['南太湖']?.v).toBe(12.6);
    // The stored file still says 南太湖新区 for the first figure: nothing was rewritten.
    await ws.close();
    open.length = 0;
    const reopened = await Workspace.open(dir, await context());
    open.push(reopened);
    expect((await reopened.figures.get('2023-09')).figures[REGIONAL]?.[GROWTH]?.['南太湖']?.v).toBe(12.6);
    await refused(
      editRegions(reopened, await templates.registries(), { op: 'add', name: '南太湖新区' }),
      '是“南太湖”以前的名称',
    );
  });

  it('completes a rename that stopped before it reached the system files', async () => {
    const { dir, ws } = await workspace();
    // workspace.json says renamed, the system file still names the old district.
    await ws.updateSettings(
      (f) => ({
        ...f,
        regions: f.regions.map((r) => (r === '吴兴' ? '吴兴区' : r)),
        regionFormerNames: { 吴兴区: ['吴兴'] },
      }),
      'test',
      'regions.update',
    );
    await ws.close();
    open.length = 0;
    const reopened = await Workspace.open(dir, await context());
    open.push(reopened);
    expect((await reopened.info()).problems).toEqual([]);
    const ind = reopened.system(REGIONAL).indicators.find((i) => i.id === GROWTH)!;
    expect(regionTargetOf(ind, '吴兴区', '2023')).toBe(7);
    expect(reopened.system(REGIONAL).regions[0]).toBe('吴兴区');
  });

  it('adds a district to the workspace and its systems, and orders them', async () => {
    const { ws } = await workspace();
    await editRegions(ws, await templates.registries(), { op: 'add', name: '长合区', after: '安吉' });
    expect(ws.settings.regions).toEqual(['吴兴', '南浔', '德清', '长兴', '安吉', '长合区', '南太湖新区']);
    expect(ws.system(REGIONAL).regions).toEqual(ws.settings.regions);
    await edit(ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [{ indicatorId: GROWTH, region: '长合区', value: 9 }],
    });
    await ws.setFigures('2026-03', [{ systemId: REGIONAL, indicatorId: GROWTH, region: '长合区', value: 9.4 }], {
      kind: 'entry',
    });
    const order = ['南太湖新区', '吴兴', '南浔', '德清', '长兴', '安吉', '长合区'];
    await editRegions(ws, await templates.registries(), { op: 'order', regions: order });
    expect(ws.system(REGIONAL).regions).toEqual(order);
    const rows = (await computeWorkspace(ws, parsePeriod('2026-03'))).find((r) => r.indicator.id === GROWTH)!.rows;
    expect(rows.map((r) => r.region)).toEqual(['全市', ...order]);
    expect(rows.find((r) => r.region === '长合区')).toMatchObject({ value: 9.4, target: 9 });
    await refused(
      editRegions(ws, await templates.registries(), { op: 'order', regions: order.slice(1) }),
      '应列出全部 7 个区县',
    );
    await refused(editRegions(ws, await templates.registries(), { op: 'add', name: '全市' }), '全市合计行');
  });
});

describe('新建下一年度 and systems from elsewhere', () => {
  it('rolls a system over to 2027: targets to fill, milestones kept, linked for last year and 同比', async () => {
    const { dir, ws } = await workspace('2026-12-20T09:00:00+08:00');
    const registries = await templates.registries();
    await edit(ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [
        { indicatorId: LAND, region: '全市', value: 12000 },
        { indicatorId: LAND, region: '吴兴', value: 2000 },
      ],
    });
    await edit(ws, REGIONAL, {
      op: 'setMilestones',
      indicatorId: LAND,
      year: '2026',
      milestones: [{ period: 'Q3', percent: 80 }],
    });
    await ws.setFigures('2026Q3', [{ systemId: REGIONAL, indicatorId: LAND, region: '吴兴', value: 1700 }], {
      kind: 'entry',
    });
    const next = await rolloverWorkspaceSystem(ws, registries, REGIONAL, '2027');
    expect(next).toMatchObject({ id: 'hz-mfg-cluster-regional-2027', year: '2027', previous: { systemId: REGIONAL } });
    expect(ws.system(REGIONAL).year).toBe('2026');
    const land = next.indicators.find((i) => i.id === LAND)!;
    expect(land.targets).toEqual({});
    expect(land.regionTargets).toEqual({});
    expect(land.milestones).toEqual({ '2027': [{ period: 'Q3', percent: 80 }] });
    expect(ws.settings.systems).toEqual([REGIONAL, next.id]);
    expect(existsSync(join(dir, 'systems', `${next.id}.json`))).toBe(true);

    // 2027 periods use the 2027 system: no target yet, last year's figure from the 2026 system.
    await ws.setFigures('2027Q3', [{ systemId: next.id, indicatorId: LAND, region: '吴兴', value: 1800 }], {
      kind: 'entry',
    });
    const y2027 = await computeWorkspace(ws, parsePeriod('2027Q3'));
    expect(new Set(y2027.map((r) => r.systemId))).toEqual(new Set([next.id]));
    const wuxing = y2027.find((r) => r.indicator.id === LAND)!.rows.find((r) => r.region === '吴兴')!;
    expect(wuxing).toMatchObject({ value: 1800, lastYear: 1700, target: null, completion: { ok: false } });
    expect(wuxing.yoy).toMatchObject({ ok: true, value: expect.closeTo((1800 / 1700 - 1) * 100, 6) });
    expect(y2027.find((r) => r.indicator.id === LAND)!.timeProgress?.percent).toBe(80);

    // 2026 periods still use the 2026 system and its 2026 targets.
    const y2026 = await computeWorkspace(ws, parsePeriod('2026Q3'));
    expect(new Set(y2026.map((r) => r.systemId))).toEqual(new Set([REGIONAL]));
    const w2026 = y2026.find((r) => r.indicator.id === LAND)!.rows.find((r) => r.region === '吴兴')!;
    expect(w2026).toMatchObject({ value: 1700, target: 2000, completion: { ok: true, rate: 85 } });

    // The key indicators named in the 2026 system are computed in the 2027 one for 2027.
    await ws.updateSettings(
      (f) => ({ ...f, ranking: { ...f.ranking, keyIndicators: [{ systemId: REGIONAL, indicatorId: LAND }] } }),
      'test',
    );
    const { results: keys } = await buildWorkspaceReport(ws, {
      period: parsePeriod('2027Q3'),
      periodKey: '2027Q3',
      kind: '简报',
      issueDate: new Date('2027-10-08T09:00:00+08:00'),
    });
    expect(keys.map((r) => `${r.systemId}/${r.indicator.id}`)).toEqual([`${next.id}/${LAND}`]);

    await refused(rolloverWorkspaceSystem(ws, registries, REGIONAL, '2027'), '已有 2027 年度的体系');
  });

  it('adds a template and a file exported from another workspace, renaming a clashing id', async () => {
    const { ws } = await workspace();
    const registries = await templates.registries();
    await refused(
      addSystemToWorkspace(ws, registries, { template: await templates.get('jx-plan-2023') }),
      '属于嘉兴，本工作区是湖州的',
    );
    const other = await workspace();
    await edit(other.ws, REGIONAL, {
      op: 'setTargets',
      year: '2026',
      cells: [{ indicatorId: GROWTH, region: '全市', value: 7 }],
    });
    const text = systemFileText(other.ws.system(REGIONAL));
    const added = await addSystemToWorkspace(ws, registries, { fileName: '分解表.json', text });
    expect(added).toMatchObject({ renamedFrom: REGIONAL, system: { id: `${REGIONAL}-2` } });
    expect(added.system.indicators.find((i) => i.id === GROWTH)?.targets['2026']).toBe(7);
    await refused(addSystemToWorkspace(ws, registries, { fileName: 'x.json', text: '{"a":' }), '不是有效的 JSON 文件');
    await refused(
      addSystemToWorkspace(ws, registries, { fileName: 'x.json', text: '{"formatVersion":9}' }),
      '更新版本的程序写的',
    );
    const built = { ...JSON.parse(text), id: 'from-table-2026', regions: ['吴兴', '拱墅'] };
    await refused(
      addSystemToWorkspace(ws, registries, { built, fileName: '2026分解表.xlsx', sheet: '分解' }),
      '从“2026分解表.xlsx”导入的体系有误，未添加：regions[1]：未知区县“拱墅”',
    );
    expect(readdirSync(join(ws.dir, 'systems')).sort()).toEqual([`${REGIONAL}-2.json`, `${REGIONAL}.json`]);
  });
});
