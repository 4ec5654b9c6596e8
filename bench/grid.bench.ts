/**
 * Entry grid at 300 indicators × 100 districts in Chromium (示例数据/测试): rAF frame times while the grid
 * is scrolled programmatically, and keystroke → painted cell latency. Prints numbers; asserts nothing.
 * Run after `npm run build`: npx tsx bench/grid.bench.ts
 */
import { join } from 'node:path';
import { Workspace } from '../src/main/services/storage/workspace';
import { launchBrowser, screenshot } from '../tests/e2e/support/browser';
import { startApp, stopApp } from '../tests/e2e/support/app-host';
import { BENCH_CITY, BENCH_SYSTEM, benchFigures, writeBenchTemplates } from './grid-fixture';
import { mainThreadTime, measureKeystrokes, measureScroll, summary } from './grid-measure';
import { staticPeer } from './grid-peer';

const INDICATORS = 300;
const REGIONS = 100;
const PERIOD = '2023-09';

async function main(): Promise<void> {
  const { appRoot, regions } = writeBenchTemplates(INDICATORS, REGIONS);
  const app = await startApp({ appRoot, userName: '性能测试' });
  const ctx = {
    userName: '性能测试',
    app: 'cli' as const,
    now: () => new Date(),
    registries: await app.services.templates.registries(),
  };
  const dir = join(app.documentsDir, '性能测试（示例数据）');
  const created = await Workspace.create(
    dir,
    {
      name: '性能测试（示例数据/测试）',
      city: BENCH_CITY,
      systems: [await app.services.templates.get(BENCH_SYSTEM)],
      sample: true,
    },
    ctx,
  );
  await created.setFigures(PERIOD, benchFigures(INDICATORS, regions), { kind: 'sample' });
  await created.close();
  await app.services.session.open(dir);

  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const loadStart = Date.now();
    await page.goto(`${app.host.openUrl}#/entry?system=${BENCH_SYSTEM}&period=${PERIOD}`);
    await page.locator('.grid-row[data-row="0"] .grid-cell[data-col="0"]').waitFor();
    const loadMs = Date.now() - loadStart;
    const cells = await page.locator('.grid-cell').count();
    console.log(
      `网格：${INDICATORS} 项指标 × ${REGIONS + 1} 列（全市 + ${REGIONS} 个区县），打开到首屏 ${loadMs} ms，渲染中的单元格 ${cells} 个`,
    );

    for (const [label, dx, dy] of [
      ['纵向滚动（每帧 45px）', 0, 45],
      ['横向滚动（每帧 40px）', 40, 0],
      ['斜向滚动（每帧 45px/40px）', 40, 45],
    ] as const) {
      let deltas: number[] = [];
      const cost = await mainThreadTime(page, async () => (deltas = await measureScroll(page, dx, dy, 240)));
      console.log(`${label}：${summary(deltas)}；240 帧内${cost}`);
    }

    // A look at the middle of the sheet (category bands, frozen heads), as a clerk would see it.
    await page.evaluate('window.__gridBench.scrollTo(4200, 3900)');
    await page.waitForTimeout(300);
    await screenshot(page, 'bench-grid-300x100');
    await page.evaluate('window.__gridBench.reset()');
    await page.locator('.grid-row[data-row="2"] .grid-cell[data-col="3"]').click();
    const typing = await measureKeystrokes(page, 'type', 30);
    console.log(`按键到单元格显示（开始输入，DOM 更新）：${summary(typing.dom)}`);
    console.log(`按键到单元格显示（开始输入，下一帧）：${summary(typing.painted)}`);
    const commit = await measureKeystrokes(page, 'enter', 30);
    console.log(`回车确认到单元格显示新值（DOM 更新）：${summary(commit.dom)}`);
    console.log(`回车确认到单元格显示新值（下一帧）：${summary(commit.painted)}`);
    const move = await measureKeystrokes(page, 'arrow', 30);
    console.log(`方向键移动到光标显示（下一帧）：${summary(move.painted)}`);
    for (const line of await staticPeer(browser, INDICATORS, REGIONS + 1)) console.log(line);
  } finally {
    await browser.close();
    await stopApp(app);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
