import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { postgresSkipReason, startCluster, type TestCluster } from '../../support/postgres';
import { newServerWorkspace, openServer } from '../../support/server';
import { growth } from '../../support/workspace';

const skip = postgresSkipReason();
if (skip) console.log(skip);

describe.skipIf(skip !== null)('the server restarted while a clerk is saving', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => cluster?.stop());

  it('saves that did not go through say so in Chinese; the same open workspace saves again afterwards', async () => {
    const { adminUrl, urlOf } = await newServerWorkspace(cluster, 'restart', [{ name: '专班甲', role: 'office' }]);
    const ws = await openServer(urlOf('专班甲'), { poolSize: 2 });
    try {
      const acknowledged: number[] = [];
      const refused: { value: number; message: string }[] = [];
      let stop = false;
      const saver = (async () => {
        for (let n = 1; !stop; n++) {
          try {
            await ws.figures.set('2026-03', [growth('吴兴', n % 90)], { kind: 'entry' });
            acknowledged.push(n % 90);
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            refused.push({ value: n % 90, message: err.message });
            await new Promise((r) => setTimeout(r, 20));
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      await cluster.restart();
      // Keep saving until a few saves went through after the restart.
      const before = acknowledged.length;
      const deadline = Date.now() + 30_000;
      while (acknowledged.length < before + 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      stop = true;
      await saver;
      expect(refused.length).toBeGreaterThan(0);
      expect(acknowledged.length).toBeGreaterThanOrEqual(before + 5);
      for (const r of refused)
        expect(r.message, r.message).toMatch(
          /^保存数据时与服务器的连接中断|^连接不上服务器|^保存数据失败.*(shutting down|starting up)/,
        );
      expect(refused.some((r) => r.message.includes('不会只存一半'))).toBe(true);
      // Every acknowledged save is on the server, in order; the current value is the last acknowledged one.
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      const journal = (
        await c.query<{ new: number }>(`SELECT new FROM zb.revisions WHERE period = '2026-03' ORDER BY revision`)
      ).rows.map((r) => r.new);
      await c.end();
      expect(journal.length).toBeGreaterThanOrEqual(acknowledged.length);
      let k = 0;
      for (const v of journal) if (v === acknowledged[k]) k++;
      expect(k).toBe(acknowledged.length);
      const view = await ws.figures.get('2026-03');
      expect(view.figures['hz-mfg-cluster-regional-2023']!['industrial-value-added-growth']!['吴兴']!.v).toBe(
        acknowledged[acknowledged.length - 1],
      );
      console.log(`restart: ${acknowledged.length} saves acknowledged, ${refused.length} refused with a message`);
    } finally {
      await ws.close();
    }
  });
});
