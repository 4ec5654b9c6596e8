/**
 * Cold start of the bundled CLI: each command in a fresh `node out/cli/index.js` process on the sample
 * workspace, median of several runs, next to `node -e 0` (Node's own start-up) as the same-run peer.
 * Targets: any command ≤ 0.6 s; the month package (简报 .docx with its chart + 亮晒表 .xlsx) ≤ 1.0 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../tests/support/project';

const CLI = join(PROJECT_ROOT, 'out/cli/index.js');

function medianMs(args: string[], runs: number): number {
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    execFileSync(process.execPath, args, { stdio: 'ignore' });
    wall.push(performance.now() - start);
  }
  wall.sort((a, b) => a - b);
  return wall[Math.floor(runs / 2)]!;
}

export async function benchCli(runs = 7): Promise<Record<string, number>> {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli(PROJECT_ROOT);
  const dir = mkdtempSync(join(tmpdir(), 'zjb-bench-cli-'));
  const ws = join(dir, 'sample');
  const out = join(dir, 'out');
  execFileSync(process.execPath, [CLI, 'sample', '--out', ws], { stdio: 'ignore' });
  const commands: Record<string, string[]> = {
    'node -e 0 (peer)': ['-e', '0'],
    '--version': [CLI, '--version'],
    'figures get': [CLI, 'figures', 'get', '--workspace', ws, '--period', '2023-09', '--json'],
    compute: [CLI, 'compute', '--workspace', ws, '--period', '2023-09', '--json'],
    'ranking (.xlsx)': [CLI, 'ranking', '--workspace', ws, '--period', '2023-09', '--out', out],
    'month package (.docx with chart + .xlsx)': [
      CLI,
      'briefing',
      '--workspace',
      ws,
      '--period',
      '2023-09',
      '--out',
      out,
      '--with-ranking',
    ],
  };
  const result: Record<string, number> = {};
  for (const [name, args] of Object.entries(commands)) result[`${name} ms`] = medianMs(args, runs);
  return result;
}
