/**
 * npm run bench: speed and memory of the storage, document and import paths (never timed tests).
 * Numbers vary ±15–20% on these machines; compare runs made in the same session.
 */
import { benchImport } from './import.bench';
import { benchStorage } from './storage.bench';

async function section(name: string, run: () => Promise<unknown>): Promise<void> {
  process.stdout.write(`\n== ${name}\n`);
  try {
    const result = await run();
    process.stdout.write(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(2)) : v), 2) + '\n');
  } catch (err) {
    process.stdout.write(`failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  if (!only || only === 'storage') await section('storage: 10 years × 12 months × 300 indicators × 100 regions', () => benchStorage());
  if (!only || only === 'import') await section('import: 100 returned fill-in workbooks (target ≤ 10 s)', () => benchImport());
}

void main();
