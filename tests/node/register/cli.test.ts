import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runCli } from '../../../src/cli';
import { PROJECT_ROOT } from '../../support/project';
import { tempDir } from '../../support/workspace';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

describe('CLI audit, issue and issued', () => {
  it('documents the three commands in --help', async () => {
    const help = await run(['--help']);
    for (const name of ['audit', 'issue', 'issued']) expect(help.out).toContain(`  ${name}`);
    expect((await run(['issue', '--help'])).out).toContain('--correct --reason <更正原因>');
    expect((await run(['audit', '--help'])).out).toContain('有未处理的错误时退出码为 1');
  });

  it('audits, issues once, refuses a second 签发 in Chinese, corrects, and reports a tampered file', async () => {
    const dir = join(tempDir('zjb-cli-register-'), 'sample');
    expect((await run(['sample', '--out', dir, '--seed', '20230930'])).code).toBe(0);

    const audit = await run(['audit', '--workspace', dir, '--period', '2023-09', '--json']);
    expect(audit.code).toBe(0);
    const report = JSON.parse(audit.out) as {
      counts: { errors: number; hints: number };
      findings: { rule: string; level: string; cell: { region: string; indicator: string }; values: unknown[] }[];
    };
    expect(report.counts.errors).toBe(0);
    expect(report.findings.map((f) => `${f.rule} ${f.level} ${f.cell.indicator} ${f.cell.region}`)).toContain(
      'SH09 提示 近两年引进3亿元以上产业项目开工率 全市',
    );
    const text = await run(['audit', '--workspace', dir, '--period', '2023-09']);
    expect(text.out).toContain('2023年1—9月审核：审核了');
    expect(text.out).toContain('[提示] SH09 同一数据一方未填');

    // A day that does not exist is refused before anything is frozen or numbered.
    const badDay = await run([
      'issue',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--kind',
      '简报',
      '--date',
      '2023-02-30',
    ]);
    expect(badDay.code).toBe(2);
    expect(badDay.err).toContain('--date 应为确实存在的日期，如 2023-10-12，收到“2023-02-30”');
    expect((await run(['issued', '--workspace', dir])).out).not.toContain('第8期');

    const issued = await run([
      'issue',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--kind',
      '简报',
      '--date',
      '2023-10-12',
    ]);
    expect(issued.code).toBe(0);
    expect(issued.out).toContain('已签发简报第8期（总第31期）（2023年1—9月），成文日期 2023年10月12日');
    expect(issued.out).toMatch(
      /issued\/2023\/简报-2023-8\/2023年1—9月简报（第8期）（示例数据）\.docx\n {4}SHA-256 [0-9a-f]{64}/,
    );

    const again = await run(['issue', '--workspace', dir, '--period', '2023-09', '--kind', '简报']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('2023年1—9月的简报已于2023年10月12日签发（第8期（总第31期），');
    expect(again.err).toContain('不能再次签发。如需改动，请用“更正”并写明原因。');

    const wrong = await run(['issue', '--workspace', dir, '--period', '2023-09', '--kind', '简报', '--correct']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('更正须用 --reason 写明原因');
    const corrected = await run([
      'issue',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--kind',
      '简报',
      '--correct',
      '--reason',
      '德清增速更正',
    ]);
    expect(corrected.code).toBe(0);
    expect(corrected.out).toContain('已签发简报第8期（总第31期）（更正）');

    const list = await run(['issued', '--workspace', dir]);
    expect(list.code).toBe(0);
    expect(list.out).toContain('共 2 份，文件均与签发时一致。');
    const json = JSON.parse((await run(['issued', '--workspace', dir, '--json'])).out) as {
      documents: { label: string; files: { path: string }[] }[];
    };
    expect(json.documents.map((d) => d.label)).toEqual(['第8期（总第31期）（更正）', '第8期（总第31期）']);

    const xlsx = join(dir, ...json.documents[1]!.files[1]!.path.split('/'));
    const bytes = await readFile(xlsx);
    await writeFile(xlsx, Buffer.concat([bytes, Buffer.from('tampered')]));
    const tampered = await run(['issued', '--workspace', dir]);
    expect(tampered.code).toBe(1);
    expect(tampered.err).toContain('有 1 个签发文件与签发时不符');
    expect(tampered.err).toContain('与签发时不同，已被改动：签发时 SHA-256 为');
  });
});
