import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { addServerUser } from '../src/main/services/server/server-admin';
import { postgresSkipReason, startCluster } from '../tests/support/postgres';
import { newServerWorkspace, openServer, PASSWORD } from '../tests/support/server';
import { REGIONAL, templates } from '../tests/support/workspace';

export interface ServerBench {
  clients: number;
  savesPerClient: number;
  saved: number;
  lost: number;
  savesPerSecond: number;
  saveP50Ms: number;
  saveP95Ms: number;
  saveMaxMs: number;
  singleClientP50Ms: number;
  singleClientP95Ms: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Save latency of a server workspace on loopback: `clients` clerks each saving one cell `saves` times, all in
 * the same period (the worst case: every save waits for the period's row lock). A throwaway cluster.
 */
export async function benchServer(clients = 20, saves = Number(process.env['SERVER_BENCH_SAVES'] ?? 100)) {
  const skip = postgresSkipReason();
  if (skip) return skip;
  const cluster = await startCluster();
  try {
    const { adminUrl, urlOf } = await newServerWorkspace(cluster, 'bench');
    const system = await templates.get(REGIONAL);
    const regions = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区', '全市', '全省'];
    const cells = system.indicators
      .filter((i) => i.frequency === 'monthly')
      .flatMap((i) => regions.map((region) => ({ systemId: REGIONAL, indicatorId: i.id, region })));
    for (let k = 0; k < clients; k++)
      await addServerUser(adminUrl, { name: `科员${k}`, password: PASSWORD, role: 'office' });
    const workspaces = await Promise.all(
      Array.from({ length: clients }, (_, k) => openServer(urlOf(`科员${k}`), { poolSize: 1 })),
    );
    const single: number[] = [];
    for (let n = 1; n <= 50; n++) {
      const t = performance.now();
      await workspaces[0]!.figures.set('2026-02', [{ ...cells[0]!, value: n }], { kind: 'entry' });
      single.push(performance.now() - t);
    }
    const times: number[] = [];
    const start = performance.now();
    await Promise.all(
      workspaces.map(async (ws, k) => {
        for (let n = 1; n <= saves; n++) {
          const t = performance.now();
          await ws.figures.set('2026-03', [{ ...cells[k % cells.length]!, value: (n % 90) + k / 100 }], {
            kind: 'entry',
          });
          times.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    await Promise.all(workspaces.map((w) => w.close()));
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const saved = Number(
      (await c.query<{ n: string }>(`SELECT count(DISTINCT revision) AS n FROM zb.revisions WHERE period = '2026-03'`))
        .rows[0]!.n,
    );
    await c.end();
    times.sort((a, b) => a - b);
    single.sort((a, b) => a - b);
    return {
      clients,
      savesPerClient: saves,
      saved,
      lost: clients * saves - saved,
      savesPerSecond: (clients * saves) / seconds,
      saveP50Ms: percentile(times, 50),
      saveP95Ms: percentile(times, 95),
      saveMaxMs: times[times.length - 1] ?? NaN,
      singleClientP50Ms: percentile(single, 50),
      singleClientP95Ms: percentile(single, 95),
    } satisfies ServerBench;
  } finally {
    await cluster.stop();
  }
}
