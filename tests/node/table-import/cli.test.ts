import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { wideFigures } from '../../support/figure-tables';
import { PROJECT_ROOT } from '../../support/project';
import { regionalTable2026 } from '../../support/target-tables';
import { context, newWorkspace, REGIONAL } from '../../support/workspace';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

async function workspaceDir(): Promise<string> {
  const { dir, ws } = await newWorkspace();
  await ws.close();
  return dir;
}

describe('CLI: systems import / export, figures import', () => {
  it('documents the table shapes and options in --help', async () => {
    const systems = await run(['systems', '--help']);
    for (const text of [
      'systems import --workspace',
      '--apply',
      '目标体系表',
      '区县任务分解表',
      '2023年目标',
      '--sheet',
    ])
      expect(systems.out).toContain(text);
    expect(systems.out).toContain('systems export --workspace <工作区> --system <体系编号> --out <文件.xlsx>');
    const figures = await run(['figures', '--help']);
    for (const text of ['figures import --workspace', '宽表', '长表', '期别 / 指标 / 地区 / 数值'])
      expect(figures.out).toContain(text);
  });

  it('previews by default, saves with --apply, exports the system and reads the export back', async () => {
    const dir = await workspaceDir();
    const root = mkdtempSync(join(tmpdir(), 'zjb-cli-table-'));
    const file = join(root, '2026年分解表.xlsx');
    writeFileSync(file, await regionalTable2026());

    const previewed = await run(['systems', 'import', '--workspace', dir, '--file', file]);
    expect(previewed.code).toBe(0);
    expect(previewed.out).toContain('导入预览（未写入任何数据）：2026年分解表.xlsx 工作表“2026年分解”');
    expect(previewed.out).toContain('D  2026年目标 / 吴兴 → 2026年 吴兴 目标（表头“2026年目标 / 吴兴”）');
    expect(previewed.out).toContain(
      '第6行 规上工业营业收入（亿元）总量、越大越好、1位小数、按月  2026年 8800（不低于8800亿元）',
    );
    expect(readdirSync(join(dir, 'systems'))).toEqual([`${REGIONAL}.json`]);

    const json = await run(['systems', 'import', '--workspace', dir, '--file', file, '--json']);
    const parsed = JSON.parse(json.out) as { preview: { system: { id: string; years: string[] } } };
    expect(parsed.preview.system).toMatchObject({ id: 'table-2026-1', years: ['2026'] });

    const applied = await run(['systems', 'import', '--workspace', dir, '--file', file, '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(
      '已保存为本工作区的指标体系“2026年主要指标各区县任务分解表（示例数据）”（编号 table-2026-1，5 项指标）',
    );

    const out = join(root, '导出.xlsx');
    const exported = await run(['systems', 'export', '--workspace', dir, '--system', 'table-2026-1', '--out', out]);
    expect(exported.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const back = await run(['systems', 'import', '--workspace', dir, '--file', out, '--json']);
    const again = JSON.parse(back.out) as { preview: { system: { id: string; indicators: { id: string }[] } } };
    expect(again.preview.system.id).toBe('table-2026-2');
    expect(again.preview.system.indicators.map((i) => i.id)).toEqual([
      'ind-01',
      'ind-02',
      'ind-03',
      'ind-04',
      'ind-05',
    ]);
  });

  it('exits 1 and saves nothing when the table has an error, even with --apply', async () => {
    const dir = await workspaceDir();
    const file = join(mkdtempSync(join(tmpdir(), 'zjb-cli-table-')), '粘贴.txt');
    writeFileSync(file, '指标名称\t单位\t2026年\n新增专精特新企业\t\t完成省下达任务\n');
    const r = await run(['systems', 'import', '--workspace', dir, '--file', file, '--apply']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('错误  工作表“粘贴的表格”B2：指标“新增专精特新企业”没有单位');
    expect(r.out).toContain('有错误未改正，未保存。');
    expect(readdirSync(join(dir, 'systems'))).toEqual([`${REGIONAL}.json`]);
    const old = await run(['systems', 'import', '--workspace', dir, '--file', join(dir, 'nope.xls')]);
    expect(old.code).toBe(2);
    expect(old.err).toContain('找不到文件');
  });

  it('imports past figures: preview, then --apply writes them with their cells', async () => {
    const dir = await workspaceDir();
    const file = join(mkdtempSync(join(tmpdir(), 'zjb-cli-figs-')), '2025年数据.xlsx');
    writeFileSync(
      file,
      await wideFigures([
        {
          name: '2025年1—9月',
          blocks: [{ title: null, rows: [['规上工业增加值增长', 6.1, 5.2, 7.3, 8, 4.9, 11.2, 7.1]] }],
        },
      ]),
    );
    const previewed = await run(['figures', 'import', '--workspace', dir, '--file', file]);
    expect(previewed.code).toBe(0);
    expect(previewed.out).toContain(
      '工作表“2025年1—9月”第 1—2 行：宽表，统计期 2025年1—9月（取自工作表名“2025年1—9月”）',
    );
    expect(previewed.out).toContain('变化  2025年1—9月!D2 德清 规上工业增加值增长 2025-09：（空） → 7.3');
    const applied = await run(['figures', 'import', '--workspace', dir, '--file', file, '--apply']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('已写入：2025-09 第 1 版（7 项）。');
    const ws = await Workspace.open(dir, await context(), { readOnly: true });
    const record = (await ws.figures.get('2025-09')).figures[REGIONAL]?.['industrial-value-added-growth']?.['德清'];
    expect(record?.origin).toEqual({ kind: 'import', file: '2025年数据.xlsx', sheet: '2025年1—9月', cell: 'D2' });
  });
});
