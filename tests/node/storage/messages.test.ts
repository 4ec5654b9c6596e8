import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { runCli } from '../../../src/cli';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { type AppError } from '../../../src/shared/errors';
import { zodErrorToChinese } from '../../../src/shared/zod-chinese';
import { PROJECT_ROOT } from '../../support/project';
import { context, growth } from '../../support/workspace';

async function cli(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

let sample = '';
beforeAll(async () => {
  sample = join(mkdtempSync(join(tmpdir(), 'zjb-msg-')), 'W');
  expect((await cli(['sample', '--out', sample, '--seed', '11'])).code).toBe(0);
}, 120_000);

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'zjb-msg-copy-')), 'W');
  cpSync(sample, dir, { recursive: true });
  return dir;
}

const open: Workspace[] = [];
afterAll(async () => {
  for (const ws of open) await ws.close();
});

describe('a file written by a newer version says so, and is never offered for "restore"', () => {
  it('a period snapshot of format 9: shown as newer, not damaged; saving and restoring refused; file untouched', async () => {
    const dir = copy();
    const snapshot = join(dir, 'data', '2023', '2023-09.json');
    writeFileSync(snapshot, JSON.stringify({ ...JSON.parse(readFileSync(snapshot, 'utf8')), formatVersion: 9 }));
    const bytes = readFileSync(snapshot);
    const ws = await Workspace.open(dir, await context());
    open.push(ws);
    const view = await ws.figures.get('2023-09');
    expect(view.damage).toMatchObject({ kind: 'newer', restorable: false });
    expect(view.damage?.message).toContain('更新版本的程序写的（格式第 9 版');
    const save = (await ws.setFigures('2023-09', [growth('吴兴', 1)], { kind: 'entry' }).catch((e) => e)) as AppError;
    expect(save.message).toContain('是更新版本的程序写的');
    expect(save.message).toContain('请升级程序');
    expect(save.message).not.toContain('已损坏');
    const restore = (await ws.restorePeriod('2023-09', 1).catch((e) => e)) as AppError;
    expect(restore.message).toContain('更新版本');
    expect(readFileSync(snapshot).equals(bytes)).toBe(true);
    const got = await cli(['figures', 'get', '--workspace', dir, '--period', '2023-09']);
    expect(got.err).toContain('更新版本');
    expect(got.err).not.toContain('已损坏');
  });

  it('a system file or a briefing draft of a newer format says so too', async () => {
    const dir = copy();
    const system = join(dir, 'systems', 'hz-mfg-cluster-targets-2023.json');
    writeFileSync(system, JSON.stringify({ ...JSON.parse(readFileSync(system, 'utf8')), formatVersion: 3 }));
    const ws = await Workspace.open(dir, await context(), { readOnly: true });
    const problem = (await ws.info()).problems.find((p) => p.startsWith('systems/hz-mfg-cluster-targets-2023.json'));
    expect(problem).toContain('更新版本的程序写的（格式第 3 版');
  });
});

describe('messages in Chinese only', () => {
  it('a snapshot whose figures are a list reads “应为键值对象”, not “应为record”', async () => {
    const dir = copy();
    const snapshot = join(dir, 'data', '2023', '2023-09.json');
    writeFileSync(snapshot, JSON.stringify({ ...JSON.parse(readFileSync(snapshot, 'utf8')), figures: [] }));
    const ws = await Workspace.open(dir, await context(), { readOnly: true });
    const message = (await ws.figures.get('2023-09')).damage?.message ?? '';
    expect(message).toContain('figures：应为键值对象，实际为列表');
    expect(message).not.toMatch(/record/i);
  });

  it('every type zod can expect has a Chinese name', () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.record(z.string(), z.number()), []],
      [z.map(z.string(), z.number()), {}],
      [z.set(z.string()), {}],
      [z.tuple([z.string()]), {}],
      [z.bigint(), 'x'],
      [z.date(), 'x'],
      [z.symbol(), 'x'],
      [z.function(), 'x'],
      [z.nan(), 'x'],
      [z.never(), 'x'],
    ];
    for (const [schema, input] of schemas) {
      const parsed = schema.safeParse(input);
      expect(parsed.success).toBe(false);
      if (parsed.success) continue;
      for (const line of zodErrorToChinese(parsed.error, input)) expect(line).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe('a broken system file is reported wherever its figures would have been shown', () => {
  it('figures get and compute say which file and that its figures are not listed, and exit 1', async () => {
    const dir = copy();
    const system = join(dir, 'systems', 'hz-mfg-cluster-targets-2023.json');
    const doc = JSON.parse(readFileSync(system, 'utf8'));
    doc.indicators[3].unit = 5;
    writeFileSync(system, JSON.stringify(doc));
    for (const argv of [
      ['figures', 'get', '--workspace', dir, '--period', '2023-09'],
      ['compute', '--workspace', dir, '--period', '2023-09'],
    ]) {
      const run = await cli(argv);
      expect(run.code, argv[0]).toBe(1);
      expect(run.err).toContain('systems/hz-mfg-cluster-targets-2023.json');
      expect(run.err).toContain('未列出');
    }
    const got = await cli(['figures', 'get', '--workspace', dir, '--period', '2023-09', '--json']);
    expect(JSON.parse(got.out).problems[0]).toContain('systems/hz-mfg-cluster-targets-2023.json');
  });
});
