import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli';
import { PROJECT_ROOT } from '../support/project';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

describe('CLI', () => {
  it('prints Chinese help listing its commands', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('用法');
    for (const name of ['demo', 'systems', 'serve']) expect(out).toContain(name);
  });

  it('explains an unknown command with exit code 2', async () => {
    const { code, err } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(err).toContain('不认识的命令“frobnicate”');
  });

  it('explains an unknown option with the command usage', async () => {
    const { code, err } = await run(['systems', 'list', '--bogus']);
    expect(code).toBe(2);
    expect(err).toContain('不认识的选项 --bogus');
    expect(err).toContain('用法');
  });

  it('reports a missing system in Chinese with exit code 1', async () => {
    const { code, err } = await run(['systems', 'show', 'no-such-system']);
    expect(code).toBe(1);
    expect(err).toContain('没有编号为“no-such-system”的指标体系模板');
  });
});

describe('CLI figures, history and restore on a sample workspace', () => {
  it('creates the sample, prints figures as JSON, saves one figure durably, lists and restores history', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-cli-')), 'sample');
    const sample = await run(['sample', '--out', dir, '--seed', '5']);
    expect(sample.code).toBe(0);
    expect(sample.out).toContain('示例数据');

    const got = await run([
      'figures',
      'get',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--system',
      'hz-mfg-cluster-regional-2023',
      '--json',
    ]);
    expect(got.code).toBe(0);
    const parsed = JSON.parse(got.out) as {
      sample: boolean;
      period: string;
      figures: { systemId: string; indicatorId: string; indicatorName: string; region: string; value: unknown }[];
    };
    expect(parsed.sample).toBe(true);
    expect(parsed.period).toBe('2023-09');
    const wuxing = parsed.figures.find((f) => f.indicatorId === 'industrial-value-added-growth' && f.region === '吴兴');
    expect(wuxing).toMatchObject({ systemId: 'hz-mfg-cluster-regional-2023', indicatorName: '规上工业增加值增长' });
    expect(typeof wuxing?.value).toBe('number');

    const set = await run([
      'figures',
      'set',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--system',
      'hz-mfg-cluster-regional-2023',
      '--indicator',
      'industrial-value-added-growth',
      '--region',
      '吴兴',
      '--value',
      '9.9',
    ]);
    expect(set.code).toBe(0);
    expect(set.out).toContain('已保存：2023-09 第 2 版');
    const again = JSON.parse(
      (await run(['figures', 'get', '--workspace', dir, '--period', '2023-09', '--json'])).out,
    ) as typeof parsed;
    expect(
      again.figures.find((f) => f.indicatorId === 'industrial-value-added-growth' && f.region === '吴兴')?.value,
    ).toBe(9.9);

    const bad = await run([
      'figures',
      'set',
      '--workspace',
      dir,
      '--period',
      '2023-09',
      '--system',
      'hz-mfg-cluster-regional-2023',
      '--indicator',
      'industrial-value-added-growth',
      '--region',
      '吴兴',
      '--value',
      'abc',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('“abc”不是数字');

    const history = await run(['history', '--workspace', dir, '--period', '2023-09']);
    expect(history.out).toContain('第 2 版');
    expect(history.out).toContain('命令行，1 项');
    const restore = await run(['restore', '--workspace', dir, '--period', '2023-09', '--revision', '1']);
    expect(restore.code).toBe(0);
    const restored = JSON.parse(
      (await run(['figures', 'get', '--workspace', dir, '--period', '2023-09', '--json'])).out,
    ) as typeof parsed;
    expect(
      restored.figures.find((f) => f.indicatorId === 'industrial-value-added-growth' && f.region === '吴兴')?.value,
    ).toBe(wuxing?.value);
  });

  it('names the missing option', async () => {
    const { code, err } = await run(['figures', 'get', '--period', '2023-09']);
    expect(code).toBe(2);
    expect(err).toContain('缺少必填选项 --workspace');
  });
});
