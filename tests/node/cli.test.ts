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
