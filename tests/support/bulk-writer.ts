// A child process that saves 1–2 MB batches to a bulk workspace in a loop, as the app on another PC
// would: prints READY once it holds the lock and `ACK <period> <revision>` after each acknowledged save.
import { Workspace } from '../../src/main/services/storage/workspace';
import { bulkBatch, bulkContext } from './bulk-fixture';

const [dir] = process.argv.slice(2);
const PERIODS = ['2023-08', '2023-09'];

async function main(): Promise<void> {
  const ws = await Workspace.open(dir!, bulkContext('写入方'));
  if (ws.readOnly) throw new Error('writer could not take the lock');
  process.stdout.write('READY\n');
  for (let round = 1; ; round++) {
    const period = PERIODS[round % 2]!;
    // 3,000–6,000 cells with 100-character notes: about 1–2 MB per journal line.
    const cells = 3000 + ((round * 997) % 3000);
    const result = await ws.setFigures(period, bulkBatch(round, cells, 100), { kind: 'cli' });
    process.stdout.write(`ACK ${period} ${result.revision}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(3);
});
