import { readdirSync } from 'node:fs';
import { join } from 'node:path';
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

const exported = () =>
  readdirSync(join(app.services.session.require().dir, 'exports', '2023-09'))
    .filter((n) => n.endsWith('.xlsx'))
    .sort();

async function exportRanking(): Promise<void> {
  await page.getByTestId('export-xlsx').click();
  await page.getByTestId('export-files').waitFor();
  await page.getByRole('button', { name: '关闭导出结果' }).click();
}

describe('exporting the ranking table again', () => {
  it('replaces the earlier file, and keeps it when 另存为副本 is ticked', async () => {
    await page.goto(`${app.host.url}/#/rankings?period=2023-09`);
    await page.getByTestId('report-table-ranking').waitFor();
    await exportRanking();
    await exportRanking();
    expect(exported()).toEqual(['2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx']);
    await page.getByTestId('export-as-copy').click();
    await exportRanking();
    expect(exported()).toEqual([
      '2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx',
      '2023年1—9月各区县主要指标亮晒表（示例数据）（2）.xlsx',
    ]);
    await screenshot(page, 'rankings-export-as-copy');
  });
});
