import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli';
import { transport } from '../../src/shared/contract';
import { rawRequest } from '../support/http';
import { PROJECT_ROOT } from '../support/project';

/** An app root with the real templates and a stand-in renderer page (serve only checks it exists). */
function appRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'zjb-approot-'));
  symlinkSync(join(PROJECT_ROOT, 'templates'), join(root, 'templates'));
  mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html><title>stand-in</title>');
  return root;
}

async function call(port: number, token: string, name: Parameters<typeof transport.httpPath>[0], input: unknown) {
  const res = await rawRequest(port, transport.httpPath(name), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [transport.httpTokenHeader]: token },
    body: JSON.stringify(input),
  });
  const body = JSON.parse(res.body) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
}

describe('serve releases the workspace on Ctrl+C and SIGTERM', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal}: the journal is folded into the snapshot and the lock file is gone`, async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'zjb-serve-data-'));
      // From source through tsx (a bundle would run the CLI's own entry block too).
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(PROJECT_ROOT, 'tests/support/cli-entry.ts'), appRoot(), 'serve'],
        {
          cwd: PROJECT_ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, ZJB_DATA_DIR: dataDir },
        },
      );
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
      const url = await new Promise<URL>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
          if (m) resolve(new URL(m[0]));
        });
        child.on('exit', () => reject(new Error(`serve exited: ${err}`)));
      });
      const port = Number(url.port);
      const token = url.searchParams.get('token')!;
      const info = (await call(port, token, 'workspace.openSample', {})) as { dir: string; readOnly: boolean };
      expect(info.readOnly).toBe(false);
      await call(port, token, 'figures.set', {
        period: '2023-09',
        changes: [
          {
            systemId: 'hz-mfg-cluster-regional-2023',
            indicatorId: 'industrial-value-added-growth',
            region: '吴兴',
            value: 8.8,
          },
        ],
      });
      expect(existsSync(join(info.dir, '.lock'))).toBe(true);
      expect(existsSync(join(info.dir, 'data', '2023', '2023-09.log'))).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill(signal);
      expect(await exited).toBe(0);
      expect(existsSync(join(info.dir, '.lock'))).toBe(false);
      expect(readdirSync(join(info.dir, 'data', '2023')).filter((n) => n.endsWith('.log'))).toEqual(
        readdirSync(join(info.dir, 'data', '2023')).filter((n) => n.endsWith('.log') && !n.startsWith('2023-09')),
      );
      const snapshot = JSON.parse(readFileSync(join(info.dir, 'data', '2023', '2023-09.json'), 'utf8'));
      expect(snapshot.figures['hz-mfg-cluster-regional-2023']['industrial-value-added-growth']['吴兴'].v).toBe(8.8);
    }, 90_000);
  }
});

describe('the CLI releases what it opened when its command ends', () => {
  it('after figures set the lock is gone and the save is in the snapshot', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'zjb-cli-end-')), 'W');
    const io = { out: () => {}, err: () => {} };
    expect(await runCli(['sample', '--out', dir, '--seed', '3'], io, PROJECT_ROOT)).toBe(0);
    expect(
      await runCli(
        [
          'figures',
          'set',
          '--workspace',
          dir,
          '--period',
          '2023-08',
          '--system',
          'hz-mfg-cluster-regional-2023',
          '--indicator',
          'industrial-value-added-growth',
          '--region',
          '南浔',
          '--value',
          '6.6',
        ],
        io,
        PROJECT_ROOT,
      ),
    ).toBe(0);
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    expect(existsSync(join(dir, 'data', '2023', '2023-08.log'))).toBe(false);
  });
});
