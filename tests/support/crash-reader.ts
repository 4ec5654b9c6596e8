// A read-only reader beside the crash test's writer, in its own process: reads the workspace in a loop
// (RUN), or once on request (ONCE), printing what it saw. It must never change a byte.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { TemplatesService } from '../../src/main/services/systems/templates-service';
import { Workspace } from '../../src/main/services/storage/workspace';

const [dir, projectRoot] = process.argv.slice(2);
const PERIODS = ['2023-08', '2023-09'];
const SYSTEM = 'hz-mfg-cluster-regional-2023';
const INDICATOR = 'industrial-value-added-growth';

type Mode = 'run' | 'paused';
let mode: Mode = 'paused';
let once = false;

async function pass(registries: Awaited<ReturnType<TemplatesService['registries']>>): Promise<void> {
  process.stdout.write('START\n');
  const ws = await Workspace.open(
    dir!,
    { userName: 'reader', app: 'cli', now: () => new Date(), registries },
    { readOnly: true },
  );
  const view: Record<string, { revision: number; damage: string | null; values: Record<string, unknown> }> = {};
  for (const period of PERIODS) {
    const v = await ws.figures.get(period);
    const cells = v.figures[SYSTEM]?.[INDICATOR] ?? {};
    view[period] = {
      revision: v.revision,
      damage: v.damage ? `${v.damage.file}: ${v.damage.message}` : null,
      values: Object.fromEntries(Object.entries(cells).map(([r, f]) => [r, f.v])),
    };
    await ws.figures.history(period);
  }
  await ws.close();
  process.stdout.write(`VIEW ${JSON.stringify(view)}\n`);
}

async function main(): Promise<void> {
  const registries = await new TemplatesService(join(projectRoot!, 'templates')).registries();
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'RUN') mode = 'run';
    if (line === 'PAUSE') mode = 'paused';
    if (line === 'ONCE') once = true;
  });
  process.stdout.write('READY\n');
  let wasPaused = false;
  for (;;) {
    if (mode === 'run' || once) {
      const single = mode !== 'run';
      once = false;
      wasPaused = false;
      await pass(registries);
      if (single) continue;
    } else {
      if (!wasPaused) process.stdout.write('PAUSED\n');
      wasPaused = true;
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exit(3);
});
