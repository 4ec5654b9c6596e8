import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { PROJECT_ROOT } from '../../support/project';
import { context } from '../../support/workspace';
import { fillForm } from './helpers';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

async function revision(dir: string, period: string): Promise<number> {
  const ws = await Workspace.open(dir, await context(), { readOnly: true });
  return (await ws.figures.get(period)).revision;
}

describe('CLI fill-forms and import', () => {
  it('writes the forms, dry-runs an import with a Chinese report, then applies it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zjb-cli-import-'));
    const dir = join(root, 'ws');
    const out = join(root, 'forms');
    expect((await run(['sample', '--out', dir])).code).toBe(0);

    const made = await run([
      'fill-forms',
      '--workspace',
      dir,
      '--period',
      '2023-10',
      '--out',
      out,
      '--region',
      '吴兴',
      '--region',
      '安吉',
    ]);
    expect(made.code).toBe(0);
    expect(made.out).toContain('已生成 2 份填报表（示例数据）');
    const names = readdirSync(out).sort();
    expect(names).toEqual(
      ['2023年1—10月_安吉_填报表（示例数据）.xlsx', '2023年1—10月_吴兴_填报表（示例数据）.xlsx'].sort(),
    );

    const form = join(out, '2023年1—10月_吴兴_填报表（示例数据）.xlsx');
    writeFileSync(
      form,
      await fillForm(readFileSync(form), (f) => {
        f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 6.3;
        f.sheet.getCell(`D${f.row('manufacturing-investment-growth')}`).value = '十二';
      }),
    );
    const junk = join(root, '照片.jpg');
    writeFileSync(
      junk,
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]),
    );

    const dry = await run(['import', '--workspace', dir, form, junk]);
    expect(dry.code).toBe(1);
    expect(dry.out).toContain('导入检查（试运行，未写入任何数据）：2 个文件（示例数据工作区）');
    expect(dry.out).toContain(
      '【吴兴 2023年1—10月】2023年1—10月_吴兴_填报表（示例数据）.xlsx：变化 1 项，未变 0 项，拒绝 1 项',
    );
    expect(dry.out).toContain('  变化  填报表!D7  规上工业增加值增长：（空） → 6.3%');
    expect(dry.out).toContain('  拒绝  填报表!D8：“十二”不是数字');
    expect(dry.out).toContain('【整体拒绝】“照片.jpg”不是 Excel 工作簿（.xlsx）');
    expect(await revision(dir, '2023-10')).toBe(0);

    const applied = await run(['import', '--workspace', dir, form, '--apply', '--period', '2023-10']);
    expect(applied.code).toBe(0);
    expect(applied.out).toContain(
      '已写入：吴兴 2023-10 第 1 版（1 项，来自 2023年1—10月_吴兴_填报表（示例数据）.xlsx）',
    );
    expect(applied.out).toContain('共写入 1 项；被拒绝的 1 个单元格和 0 个被拒绝的文件未写入。');
    expect(await revision(dir, '2023-10')).toBe(1);

    const json = await run(['import', '--workspace', dir, form, '--json']);
    expect(JSON.parse(json.out).preview.files[0].counts).toMatchObject({ changed: 0, unchanged: 1, rejected: 1 });
  });

  it('documents the exit codes and refuses bad usage', async () => {
    const help = await run(['import', '--help']);
    expect(help.out).toContain('退出码：0 = 所有文件都被接受（个别单元格被拒绝时也是 0，见报告）');
    expect((await run(['import', '--workspace', '/tmp'])).err).toContain('请给出要导入的填报表文件');
    expect((await run(['import', '--workspace', '/tmp', 'x.xlsx', '--jump-ratio', 'abc'])).err).toContain(
      '--jump-ratio 应为正数',
    );
    expect((await run(['fill-forms', '--workspace', '/tmp'])).err).toContain('缺少必填选项 --period');
  });
});
