// Child process of the storage bench: a fresh process opens the big workspace, loads its latest period
// and saves edits, so the RSS reported is what a user's app would need (not the builder's memory).
import { Workspace } from '../src/main/services/storage/workspace';
import type { RegionRegistry } from '../src/shared/schemas/region';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const [dir, registryJson, countText] = process.argv.slice(2);
  const registry = JSON.parse(registryJson!) as RegionRegistry;
  const ctx = { userName: 'bench', app: 'cli' as const, now: () => new Date(), registries: [registry] };
  let t = performance.now();
  const ws = await Workspace.open(dir!, ctx);
  const info = await ws.info();
  const openMs = performance.now() - t;
  const latest = info.periods[info.periods.length - 1]!;
  t = performance.now();
  await ws.figures.get(latest);
  const firstPeriodLoadMs = performance.now() - t;
  const times: number[] = [];
  for (let k = 0; k < Number(countText); k++) {
    const s = performance.now();
    await ws.setFigures(
      latest,
      [{ systemId: 'bench-system', indicatorId: `ind-${k % 300}`, region: '区1', value: 1000 + k / 10 }],
      { kind: 'entry' },
    );
    times.push(performance.now() - s);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const rssMb = process.memoryUsage().rss / 1048576;
  await ws.close();
  process.stdout.write(
    JSON.stringify({
      periods: info.periods.length,
      openMs,
      firstPeriodLoadMs,
      saveMedianMs: median(times),
      saveP95Ms: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
      saveMaxMs: sorted[sorted.length - 1] ?? 0,
      rssMb,
    }),
  );
}

void main();
