import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startApp, stopApp, type RunningApp, type StartOptions } from './app-host';
import { launchBrowser } from './browser';

/**
 * The one set-up of every e2e file: the real services behind the HTTP host on temp folders, Debian's
 * Chromium, one page, and every console error and uncaught page error of that page collected.
 */

export interface E2eOptions {
  app?: StartOptions;
  /** More browser-context options (downloads); the viewport and zh-CN locale are set already. */
  context?: BrowserContextOptions;
  /** Grant clipboard read and write to the app's address (pasting as from Excel). */
  clipboard?: boolean;
  /**
   * The page sends input main refuses on purpose (the page shows main's message). Chromium logs each such
   * HTTP 400 answer as a console error; with this set those lines are not collected, every other one is.
   */
  expectRefusedCalls?: boolean;
}

export interface E2eSession {
  app: RunningApp;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors, in order: a test ends by expecting none. */
  consoleErrors: string[];
  close(): Promise<void>;
}

const REFUSED_CALL = 'status of 400 (Bad Request)';

/** Collects a page's console errors and uncaught errors into `into`. */
export function captureConsoleErrors(page: Page, into: string[], ignore: readonly string[] = []): void {
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !ignore.some((text) => msg.text().includes(text))) into.push(msg.text());
  });
  page.on('pageerror', (err) => into.push(err.message));
}

export async function openE2e(options: E2eOptions = {}): Promise<E2eSession> {
  const app = await startApp(options.app);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      ...options.context,
    });
    if (options.clipboard)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    captureConsoleErrors(page, consoleErrors, options.expectRefusedCalls ? [REFUSED_CALL] : []);
    const opened = browser;
    return {
      app,
      browser,
      context,
      page,
      consoleErrors,
      close: async () => {
        await opened.close();
        await stopApp(app);
      },
    };
  } catch (err) {
    await browser?.close();
    await stopApp(app);
    throw err;
  }
}
