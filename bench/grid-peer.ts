import type { Browser } from 'playwright-core';
import { mainThreadTime, measureScroll, summary } from './grid-measure';

/**
 * The peer the grid is compared with in the same run: the same 300 × 101 cells as plain static divs in
 * one scroll box (no framework, no windowing, nothing to do while scrolling). What this Chromium on this
 * machine does at best; the machines are noisy, so only same-run comparisons mean anything.
 */
export async function staticPeer(browser: Browser, rows: number, cols: number): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.setContent(
    `<div data-testid="entry-grid" style="position:absolute;left:150px;top:130px;width:1190px;height:600px;overflow:auto;background:#fff;will-change:scroll-position;contain:strict;font:13px sans-serif"><div id="c" style="position:relative;width:${340 + cols * 104}px;height:${34 + rows * 30}px"></div></div>`,
  );
  const parts: string[] = [];
  for (let r = 0; r < rows; r++) {
    parts.push(`<div style="position:absolute;left:0;right:0;top:${34 + r * 30}px;height:30px">`);
    for (let k = 0; k < cols; k++) {
      parts.push(
        `<div style="position:absolute;top:0;left:${340 + k * 104}px;width:104px;height:30px;box-sizing:border-box;border-right:1px solid #eee;border-bottom:1px solid #eee;text-align:right;padding:0 8px;line-height:29px">${((r * k) % 1000) / 10}</div>`,
      );
    }
    parts.push('</div>');
  }
  await page.evaluate(`document.getElementById('c').innerHTML = ${JSON.stringify(parts.join(''))}`);
  const out: string[] = [];
  for (const [label, dx, dy] of [
    ['纵向', 0, 45],
    ['横向', 40, 0],
    ['斜向', 40, 45],
  ] as const) {
    let deltas: number[] = [];
    const cost = await mainThreadTime(page, async () => (deltas = await measureScroll(page, dx, dy, 240)));
    out.push(`对照（静态 ${rows}×${cols} 个 div，无脚本）${label}滚动：${summary(deltas)}；${cost}`);
  }
  await page.close();
  return out;
}
