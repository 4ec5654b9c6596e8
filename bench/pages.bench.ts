/**
 * First visit of every page in Chromium against the real services (sample workspace, 示例数据): the time from
 * the click on the menu to the page settled (route shown, every API call it made answered, one frame painted).
 * Target ≤ 500 ms each. Prints numbers; asserts nothing. Run after `npm run build`: npx tsx bench/pages.bench.ts
 */
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/e2e/support/browser';
import { startApp, stopApp } from '../tests/e2e/support/app-host';

const PAGES = ['systems', 'entry', 'rankings', 'briefing', 'import', 'settings'] as const;

/** Resolves when no API request has been in flight for a short while; returns when the last one ended. */
async function settled(page: Page, inFlight: Set<unknown>, lastEnd: { t: number }): Promise<number> {
  for (let quiet = 0; quiet < 3;) {
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
    quiet = inFlight.size === 0 ? quiet + 1 : 0;
  }
  return lastEnd.t;
}

export async function benchPages(rounds = 3): Promise<Record<string, number[]>> {
  const app = await startApp({ userName: '性能测试' });
  const browser = await launchBrowser();
  const times: Record<string, number[]> = Object.fromEntries(PAGES.map((p) => [p, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      // A fresh context each round: nothing of the pages cached, as on the clerk's first visit of the day.
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const inFlight = new Set<unknown>();
      const lastEnd = { t: 0 };
      const done = (r: unknown) => {
        inFlight.delete(r);
        lastEnd.t = performance.now();
      };
      // The event stream (/api-events) stays open for good: only calls count.
      page.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/')) inFlight.add(r);
      });
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      await page.goto(app.host.openUrl);
      await page.getByTestId('recent-table').waitFor();
      await page.getByTestId('open-sample').click();
      await page.getByTestId('workspace-name').waitFor();
      await settled(page, inFlight, lastEnd);
      for (const name of PAGES) {
        const start = performance.now();
        await page.getByTestId(`nav-${name}`).click();
        await page.waitForURL(new RegExp(`#/${name}`));
        const end = Math.max(await settled(page, inFlight, lastEnd), start);
        times[name]!.push(end - start);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await stopApp(app);
  }
  return times;
}

if (process.argv[1]?.endsWith('pages.bench.ts')) {
  void benchPages().then((times) => {
    for (const [name, t] of Object.entries(times)) {
      const sorted = [...t].sort((a, b) => a - b);
      console.log(
        `${name.padEnd(9)} 首次打开 ${sorted.map((x) => x.toFixed(0)).join(' / ')} ms（中位 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)}）`,
      );
    }
  });
}
