// A child process for the crash test: writes batches of figures forever, printing BEGIN before each
// save and ACK after it is acknowledged. The test kills it with SIGKILL at random moments.
import { join } from 'node:path';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { Workspace } from '../../src/main/services/storage/workspace';

const [dir, projectRoot, seedText] = process.argv.slice(2);
let seed = Number(seedText) >>> 0;
const random = () => {
  seed = (seed * 1664525 + 1013904223) >>> 0;
  return seed / 4294967296;
};
const REGIONS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '全市'];
const PERIODS = ['2023-08', '2023-09'];

async function main(): Promise<void> {
  const templates = new TemplatesService(join(projectRoot!, 'templates'));
  const ws = await Workspace.open(
    dir!,
    { userName: 'crash', app: 'cli', now: () => new Date(), registries: await templates.registries() },
    { compactAfterEntries: 4 },
  );
  if (ws.readOnly) throw new Error('writer could not take the lock');
  process.stdout.write('READY\n');
  for (;;) {
    const period = PERIODS[Math.floor(random() * PERIODS.length)]!;
    const count = 1 + Math.floor(random() * 4);
    // Distinct regions: one save never changes a cell twice.
    const regions = [...REGIONS].sort(() => random() - 0.5).slice(0, count);
    const changes = regions.map((region) => ({
      systemId: 'hz-mfg-cluster-regional-2023',
      indicatorId: 'industrial-value-added-growth',
      region,
      value: Math.round(random() * 2000 - 500) / 10,
    }));
    process.stdout.write(`BEGIN ${period} ${JSON.stringify(changes)}\n`);
    const result = await ws.setFigures(period, changes, { kind: 'cli' });
    process.stdout.write(`ACK ${period} ${result.revision} ${JSON.stringify(changes)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(3);
});
