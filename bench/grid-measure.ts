import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const PROBE = join(__dirname, 'grid-probe.js');

/** Loads the browser-side probes (bench/grid-probe.js) into the page once (evaluated, so the app's CSP allows it). */
export async function installProbe(page: Page): Promise<void> {
  if (await page.evaluate('Boolean(window.__gridBench)')) return;
  await page.evaluate(readFileSync(PROBE, 'utf8'));
}

/** "中位 16.7 ms，p95 33.3 ms，最大 50.0 ms，超过 17.7 ms 的 9/240": frames longer than one 60 Hz frame are counted. */
export function summary(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const over = values.filter((v) => v > 1000 / 60 + 1).length;
  return `中位 ${at(0.5).toFixed(1)} ms，p95 ${at(0.95).toFixed(1)} ms，最大 ${Math.max(...values).toFixed(1)} ms，超过 17.7 ms 的 ${over}/${values.length}`;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/** Scrolls the grid by (dx, dy) once per animation frame and returns the rAF timestamp deltas. */
export async function measureScroll(page: Page, dx: number, dy: number, frames: number): Promise<number[]> {
  await installProbe(page);
  await page.evaluate('window.__gridBench.reset()');
  return numbers(await page.evaluate(`window.__gridBench.scroll(${dx}, ${dy}, ${frames})`));
}

/**
 * Presses keys one at a time and measures, from performance.now() at keydown, when the DOM shows the
 * result and the next animation frame after it (the frame that paints it).
 * 'type': a digit overwrites the active cell (editor opens); Esc closes it again between samples.
 * 'enter': after typing a digit, Enter is timed until the cursor has moved down and the editor closed.
 * 'arrow': ArrowRight is timed until the cursor outline has moved.
 */
export async function measureKeystrokes(
  page: Page,
  mode: 'type' | 'enter' | 'arrow',
  count: number,
): Promise<{ dom: number[]; painted: number[] }> {
  await installProbe(page);
  const dom: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < count; i++) {
    const digit = String((i % 9) + 1);
    if (mode === 'enter') {
      await page.keyboard.press(digit);
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.press(digit === '9' ? '1' : String(Number(digit) + 1));
    }
    const probe = page.evaluate(`window.__gridBench.armKey(${JSON.stringify(mode)})`);
    await page.waitForTimeout(20);
    await page.keyboard.press(mode === 'type' ? digit : mode === 'enter' ? 'Enter' : 'ArrowRight');
    const [d = NaN, p = NaN] = numbers(await probe);
    dom.push(d);
    painted.push(p);
    if (mode === 'type') await page.keyboard.press('Escape');
    await page.waitForTimeout(30);
  }
  return { dom, painted };
}

/** Main-thread time spent by Chromium (script, style, layout, all tasks) while `run` executes, in ms. */
export async function mainThreadTime(page: Page, run: () => Promise<unknown>): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return new Map(metrics.map((m) => [m.name, m.value]));
  };
  const before = await read();
  await run();
  const after = await read();
  await cdp.detach();
  const d = (name: string) => (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * 1000).toFixed(0);
  return `脚本 ${d('ScriptDuration')} ms，样式 ${d('RecalcStyleDuration')} ms，布局 ${d('LayoutDuration')} ms，主线程任务合计 ${d('TaskDuration')} ms`;
}
