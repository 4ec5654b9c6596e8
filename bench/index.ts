/**
 * npm run bench: speed and memory of the storage, document and import paths (never timed tests).
 * Numbers vary ±15–20% on these machines; compare runs made in the same session.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchChart, benchDocx, benchDocxPhases, benchDocxReference } from './docx.bench';
import { benchImport } from './import.bench';
import { benchHostileImport } from './import-hostile.bench';
import { benchRankingXlsx } from './xlsx.bench';
import { benchStorage } from './storage.bench';
import { benchCli } from './cli.bench';
import { benchPages } from './pages.bench';
import { benchServer } from './server.bench';
import { existsSync } from 'node:fs';
import { PROJECT_ROOT } from '../tests/support/project';
import { benchTableImport } from './table-import.bench';

async function section(name: string, run: () => Promise<unknown>): Promise<void> {
  process.stdout.write(`\n== ${name}\n`);
  try {
    const result = await run();
    process.stdout.write(
      JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v), 2) + '\n',
    );
  } catch (err) {
    process.stdout.write(`failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}

const run = promisify(execFile);

/** A peer in a fresh process (same Node, same TypeScript loader), so neither run warms the other's code. */
async function peer(file: string): Promise<{ warmMs: number }> {
  const { stdout } = await run(process.execPath, [...process.execArgv, join(__dirname, file)], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { warmMs: number };
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'storage')
    await section('storage: 10 years × 12 months × 300 indicators × 100 regions', () => benchStorage());
  if (!only || only === 'docx') {
    await section('briefing .docx: reference job, 83-row table, ~12 paragraphs (target warm ≤ 78 ms)', async () => ({
      ...(await benchDocx()),
      phases: await benchDocxPhases(),
      sameRun: await benchDocxReference(),
      chartPng: await benchChart(),
    }));
  }
  if (!only || only === 'xlsx') {
    await section('ranking .xlsx: reference job 83 indicators × 7 regions (target warm ≤ 33 ms)', async () => {
      const ours = await benchRankingXlsx();
      const naive = await peer('xlsx-naive-peer.ts');
      return { ...ours, naiveExceljsWarmMs: naive.warmMs, percentOfNaive: (100 * ours.warmMs) / naive.warmMs };
    });
  }
  if (!only || only === 'import')
    await section('import: 100 returned fill-in workbooks (target ≤ 10 s)', () => benchImport());
  if (!only || only === 'hostile')
    await section(
      'import of hostile files ≤ 20 MB: each refused or read ≤ 2 s and ≤ 300 MB RSS; other calls ≤ 100 ms meanwhile',
      () => benchHostileImport(),
    );
  if (!only || only === 'cli')
    await section(
      'CLI cold start, median of 7 fresh processes (targets: command ≤ 600 ms, month package ≤ 1000 ms)',
      () => benchCli(),
    );
  if (!only || only === 'server')
    await section('server workspace (PostgreSQL on loopback): 20 clients saving one cell each into one period', () =>
      benchServer(),
    );
  if (!only || only === 'pages') {
    await section('first visit of each page in Chromium, 3 fresh browser contexts (target ≤ 500 ms)', async () => {
      if (!existsSync(join(PROJECT_ROOT, 'out/renderer/index.html'))) return '跳过：先运行 npm run build';
      return benchPages();
    });
  }
  if (!only || only === 'table-import')
    await section('table import: target tables and past figures (83-row table, 10,000-row sheets)', () =>
      benchTableImport(),
    );
}

void main();
