// A clerk's app saving batches to a server workspace as fast as it can, until it is killed:
// `node server-saver.js <project root> <url> <period> <batch size>`. Prints "ready" once connected, then "saved <rev>" per save.
import { ServerWorkspace } from '../../src/main/services/server/server-workspace';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { join } from 'node:path';

async function main(): Promise<void> {
  const [root, url, period, size] = process.argv.slice(2);
  const templates = new TemplatesService(join(root!, 'templates'));
  const ws = await ServerWorkspace.open(url!, {
    registries: await templates.registries(),
    applicationName: 'zjb-saver',
  });
  const system = ws.systemList()[0]!;
  const cells = system.indicators
    .filter((i) => i.frequency === 'monthly')
    .flatMap((i) => ws.settings.regions.map((region) => ({ systemId: system.id, indicatorId: i.id, region })))
    .slice(0, Number(size));
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    const saved = await ws.figures.set(
      period!,
      cells.map((c, k) => ({ ...c, value: (n * 7 + k) % 90 })),
      { kind: 'entry' },
    );
    process.stdout.write(`saved ${saved.revision}\n`);
  }
}

void main().catch((err: unknown) => {
  process.stderr.write(String(err) + '\n');
  process.exitCode = 1;
});
