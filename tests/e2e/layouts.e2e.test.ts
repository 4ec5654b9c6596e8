import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-host';
import { screenshot } from './support/browser';
import { openE2e, type E2eSession } from './support/harness';

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  session = await openE2e();
  ({ app, page, consoleErrors } = session);
  await page.goto(app.host.openUrl);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('sample-banner').waitFor();
});

afterAll(() => session?.close());

/** How far the page and the widest element stick out to the right of the window, in CSS pixels. */
function overflow(p: Page): Promise<{ page: number; widest: string }> {
  // A string, so the test's TypeScript (node, no DOM types) does not check browser code.
  return p.evaluate(`(() => {
    const width = window.innerWidth;
    let widest = '';
    let most = 0;
    for (const el of document.querySelectorAll('#app *')) {
      const r = el.getBoundingClientRect();
      // Inside a scroll box (tables, the grid) sticking out is the box's business, not the page's.
      if (r.width === 0 || el.closest('.el-table__body-wrapper, .el-scrollbar__wrap, .check-scroll, .grid-scroll'))
        continue;
      if (r.right - width > most) {
        most = r.right - width;
        widest = (el.tagName.toLowerCase() + '.' + String(el.className)).slice(0, 80);
      }
    }
    return { page: document.documentElement.scrollWidth - width, widest: most > 1 ? widest : '' };
  })()`);
}

/** Every page settles when its loading masks are gone. */
async function settle(p: Page): Promise<void> {
  await expect
    .poll(() => p.locator('.el-loading-mask:visible, .is-loading:visible').count(), { timeout: 20_000 })
    .toBe(0);
}

describe.each([
  [1366, 768],
  [1920, 1080],
])('every page at %i×%i', (width, height) => {
  it('fits the window width with nothing cut off on the right', async () => {
    await page.setViewportSize({ width, height });
    // The menu names every page, so a page added later is checked too.
    const pages = await page
      .locator('[data-testid^="nav-"]')
      .evaluateAll((items) =>
        items.map((i) => ({ id: i.getAttribute('data-testid') ?? '', title: i.textContent?.trim() ?? '' })),
      );
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const { id, title } of pages) {
      await page.getByTestId(id).click();
      await settle(page);
      await screenshot(page, `layout-${width}-${id.slice(4)}`);
      const o = await overflow(page);
      expect(o, `${title} at ${width}×${height}`).toEqual({ page: 0, widest: '' });
    }
    expect(consoleErrors).toEqual([]);
  });
});
