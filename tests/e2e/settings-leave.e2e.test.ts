import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-host';
import { screenshot } from './support/browser';
import { openE2e, type E2eSession } from './support/harness';

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  session = await openE2e();
  ({ app, page } = session);
  await page.goto(app.host.openUrl);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('sample-banner').waitFor();
});

afterAll(() => session?.close());

const ws = () => app.services.session.require();
const copiesField = () => page.locator('input[data-testid="field-copies"], [data-testid="field-copies"] input').first();
const dialog = () => page.locator('.el-message-box', { hasText: '设置尚未保存' });

async function editCopies(value: string): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('document-settings').waitFor();
  await copiesField().fill(value);
  await copiesField().blur();
}

describe('leaving 设置 with unsaved edits', () => {
  it('asks, and 保存并离开 saves before the next page opens', async () => {
    const before = ws().settings.documents.copies;
    await editCopies(String(before + 1));
    await page.getByTestId('nav-rankings').click();
    await dialog().waitFor();
    expect(await dialog().innerText()).toContain('“文稿与版记”中有修改尚未保存');
    await screenshot(page, 'settings-leave-ask');
    await dialog().getByRole('button', { name: '保存并离开' }).click();
    await expect.poll(() => page.url()).toContain('#/rankings');
    expect(ws().settings.documents.copies).toBe(before + 1);
  });

  it('不保存 leaves without writing; closing the question stays on the page with the edit', async () => {
    const before = ws().settings.documents.copies;
    await editCopies(String(before + 5));
    await page.getByTestId('nav-entry').click();
    await dialog().getByRole('button', { name: '不保存' }).click();
    await expect.poll(() => page.url()).toContain('#/entry');
    expect(ws().settings.documents.copies).toBe(before);

    await editCopies(String(before + 7));
    await page.getByTestId('nav-entry').click();
    await dialog().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(page.url()).toContain('#/settings');
    expect(await copiesField().inputValue()).toBe(String(before + 7));
    expect(ws().settings.documents.copies).toBe(before);
    // Typing the saved value back makes the form clean again.
    await copiesField().fill(String(before));
    await copiesField().blur();
  });

  it('an untouched form lets the clerk leave without a question', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('document-settings').waitFor();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('nav-rankings').click();
    await expect.poll(() => page.url()).toContain('#/rankings');
    expect(await dialog().count()).toBe(0);
  });
});
