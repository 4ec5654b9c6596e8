import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { PROJECT_ROOT } from '../../support/project';
import { bundleScript } from '../../support/child-script';
import { context, newWorkspace, REGIONAL } from '../../support/workspace';

const KILLS = 220;
let writerJs = '';

beforeAll(async () => {
  writerJs = await bundleScript('crash-writer');
});

interface Run {
  lines: string[];
  stderr: string;
}

/** Starts the writer, lets it work for `ms` after it is ready, then SIGKILLs it. */
function runAndKill(dir: string, seed: number, ms: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerJs, dir, PROJECT_ROOT, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') },
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('exit', () => resolve({ lines: out.split('\n'), stderr }));
    setTimeout(() => child.kill('SIGKILL'), 10_000);
  });
}

type Cell = string; // `${period}|${region}`

describe('crash safety, for real: SIGKILL a writing process again and again', () => {
  it(`after each of ${KILLS} kills the workspace opens, nothing is damaged, and every acknowledged write is there`, async () => {
    const { dir, ws } = await newWorkspace();
    await ws.close();
    const acked = new Map<Cell, number>();
    const lastAckedRevision = new Map<string, number>();
    let totalAcks = 0;
    let killsDuringWrite = 0;
    for (let i = 0; i < KILLS; i++) {
      const run = await runAndKill(dir, 1000 + i, Math.floor(Math.random() * 40));
      expect(run.stderr, `writer ${i} failed`).toBe('');
      // The last BEGIN without its ACK was in flight when the process died: either outcome is allowed.
      const inFlight = new Map<Cell, number>();
      for (const line of run.lines) {
        const [tag, period, third, ...rest] = line.split(' ');
        if (tag === 'BEGIN') {
          inFlight.clear();
          for (const c of JSON.parse([third, ...rest].join(' ')) as { region: string; value: number }[])
            inFlight.set(`${period}|${c.region}`, c.value);
        } else if (tag === 'ACK') {
          for (const c of JSON.parse(rest.join(' ')) as { region: string; value: number }[])
            acked.set(`${period}|${c.region}`, c.value);
          lastAckedRevision.set(period!, Number(third));
          inFlight.clear();
          totalAcks++;
        }
      }
      if (inFlight.size) killsDuringWrite++;
      const check = await Workspace.open(dir, await context(), { readOnly: true });
      for (const period of ['2023-08', '2023-09']) {
        const view = await check.figures.get(period);
        expect(view.damage, `kill ${i}: ${period} damaged`).toBeUndefined();
        expect(view.revision).toBeGreaterThanOrEqual(lastAckedRevision.get(period) ?? 0);
        const cells = view.figures[REGIONAL]?.['industrial-value-added-growth'] ?? {};
        for (const [key, value] of acked) {
          const [p, region] = key.split('|');
          if (p !== period) continue;
          const stored = cells[region!]?.v;
          const allowed = [value, inFlight.get(key)];
          expect(allowed, `kill ${i}: ${key} stored ${String(stored)}, acknowledged ${value}`).toContain(stored);
          // What was in flight and survived becomes the acknowledged state for the next round.
          if (stored !== value && stored !== undefined) acked.set(key, stored as number);
        }
      }
    }
    expect(totalAcks).toBeGreaterThan(KILLS);
    expect(killsDuringWrite).toBeGreaterThan(KILLS / 4);
    console.log(
      `crash test: ${KILLS} kills, ${totalAcks} acknowledged saves, ${killsDuringWrite} kills with a save in flight`,
    );
  }, 600_000);
});
