import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './browser';

const run = promisify(execFile);

/** Latin words the clerk may see: file types, key names and the names of fonts. */
const ALLOWED = new Set([
  'docx',
  'xlsx',
  'PDF',
  'Ctrl',
  'Enter',
  'Esc',
  'Times',
  'New',
  'Roman',
  'Noto',
  'Serif',
  'Sans',
  'CJK',
  'Liberation',
  'Word',
  'WPS',
  'Windows',
]);

/** English words (three letters or more) in a page's visible text that are not on the allowed list. */
export function englishWords(text: string): string[] {
  return [...new Set(text.match(/[A-Za-z]{3,}/g) ?? [])].filter((w) => !ALLOWED.has(w));
}

/** Records whether an export's progress bar was shown, and how many progress reports it took. */
export async function waitForProgressRecorder(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    const state = { shown: false, reports: 0 };
    window.__progress = state;
    const look = () => {
      const el = document.querySelector('[data-testid="export-progress"]');
      if (el) {
        state.shown = true;
        state.reports = Math.max(state.reports, Number(el.getAttribute('data-reports') || 0));
      }
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
}

export async function progressSeen(page: Page): Promise<{ shown: boolean; reports: number }> {
  return (await page.evaluate('window.__progress')) as { shown: boolean; reports: number };
}

/** Scrolls the app's main area back to the top (the page scrolls inside it, not the window). */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(`document.querySelector('.shell-main')?.scrollTo(0, 0)`);
}

/** The pages of a PDF as PNGs under test-results/e2e/ (to look at). */
export async function pdfPngs(pdf: string, name: string, dpi = 60): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await run('pdftoppm', ['-png', '-r', String(dpi), pdf, join(SCREENSHOT_DIR, name)]);
}

/** The text of each page of a PDF in content order (pdftotext -raw). */
export async function rawPdfPages(pdf: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-raw', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages = stdout.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}
