import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../../src/main/services/storage/audit-log';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { applySystemTable, previewSystemTable } from '../../../src/main/services/table-import/system-import';
import { AppError } from '../../../src/shared/errors';
import { regionalTable2026 } from '../../support/target-tables';
import { context, newWorkspace, REGIONAL, templates } from '../../support/workspace';

const NOW = new Date('2026-01-05T09:00:00+08:00');

async function deps() {
  return { registries: await templates.registries(), now: NOW };
}

async function code(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('从表格新建 stores the previewed system in the workspace, or nothing', () => {
  it('adds the system: its file, its id in workspace.json, an audit entry; it is there after reopening', async () => {
    const { dir, ws } = await newWorkspace();
    const request = {
      source: { kind: 'file' as const, name: '分解表.xlsx', bytes: await regionalTable2026() },
      options: {},
    };
    const preview = await previewSystemTable(ws, request, await deps());
    expect(preview.system?.id).toBe('table-2026-1');
    expect(readdirSync(join(dir, 'systems'))).toEqual([`${REGIONAL}.json`]);

    const { system } = await applySystemTable(ws, request, await deps());
    expect(system).toEqual(preview.system);
    expect(ws.systemList().map((s) => s.id)).toEqual([REGIONAL, 'table-2026-1']);
    const onDisk = JSON.parse(readFileSync(join(dir, 'systems', 'table-2026-1.json'), 'utf8')) as unknown;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(system)));
    const settings = JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')) as { systems: string[] };
    expect(settings.systems).toEqual([REGIONAL, 'table-2026-1']);
    const audit = await readAudit(ws.files);
    expect(audit.at(-1)).toMatchObject({
      action: 'system.add',
      summary:
        '从“分解表.xlsx”（工作表“2026年分解”）新建指标体系“2026年主要指标各区县任务分解表（示例数据）”，5 项指标',
    });

    const second = await previewSystemTable(ws, request, await deps());
    expect(second.system?.id).toBe('table-2026-2');
    await ws.close();
    const reopened = await Workspace.open(dir, await context());
    expect(reopened.system('table-2026-1').indicators.map((i) => i.name)).toEqual(system.indicators.map((i) => i.name));
    await reopened.close();
  });

  it('refuses while errors remain and writes nothing', async () => {
    const { dir, ws } = await newWorkspace();
    const before = readFileSync(join(dir, 'workspace.json'), 'utf8');
    const text = '指标名称\t单位\t2026年\n新增专精特新企业\t\t完成省下达任务\n';
    const refused = await code(applySystemTable(ws, { source: { kind: 'text', text }, options: {} }, await deps()));
    expect(refused.code).toBe('BAD_INPUT');
    expect(refused.message).toBe(
      '指标体系未保存：还有 1 处需要改正。工作表“粘贴的表格”B2：指标“新增专精特新企业”没有单位（单位列为空，名称后也没有括号注明）。请在预览中填写单位；确实没有单位的，填“无”',
    );
    expect(readdirSync(join(dir, 'systems'))).toEqual([`${REGIONAL}.json`]);
    expect(readFileSync(join(dir, 'workspace.json'), 'utf8')).toBe(before);
    const fixed = await applySystemTable(
      ws,
      { source: { kind: 'text', text }, options: { rows: [{ row: 2, unit: '家' }] } },
      await deps(),
    );
    expect(fixed.system.indicators[0]).toMatchObject({ unit: '家', targets: { '2026': '完成省下达任务' } });
    expect(fixed.system.title).toBe('2026年指标体系');
  });

  it('refuses in a read-only workspace', async () => {
    const { ws } = await newWorkspace({ open: { readOnly: true } });
    const request = {
      source: { kind: 'file' as const, name: 'a.xlsx', bytes: await regionalTable2026() },
      options: {},
    };
    expect((await code(applySystemTable(ws, request, await deps()))).code).toBe('READ_ONLY');
  });

  it('keeps a file left by an interrupted add in history before writing its own', async () => {
    const { dir, ws } = await newWorkspace();
    writeFileSync(join(dir, 'systems', 'table-2026-1.json'), '{"half written');
    const request = {
      source: { kind: 'file' as const, name: 'a.xlsx', bytes: await regionalTable2026() },
      options: {},
    };
    const { system } = await applySystemTable(ws, request, await deps());
    expect(system.id).toBe('table-2026-1');
    const kept = readdirSync(join(dir, 'history', 'systems')).filter((f) => f.endsWith('-unlisted.json'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'history', 'systems', kept[0] ?? ''), 'utf8')).toBe('{"half written');
    expect(existsSync(join(dir, 'systems', 'table-2026-1.json'))).toBe(true);
  });
});
