import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkBriefingDocx } from '../../src/main/services/documents/docx-checker';
import { readRegister } from '../../src/main/services/register/register-store';
import { loadEdits, buildWorkspaceReport } from '../../src/main/services/reports/report-service';
import { parsePeriod } from '../../src/shared/domain/periods';
import { installedFontFamilies, OFFICIAL_FAMILIES } from '../support/font-families';
import { pdfPages, sofficeAvailable, squash, toPdfs } from '../support/libreoffice';
import { loadWorkbook, sheetTexts } from '../support/xlsx';
import { screenshot, SCREENSHOT_DIR } from './support/browser';
import type { RunningApp } from './support/app-host';
import { openE2e, type E2eSession } from './support/harness';
import {
  englishWords,
  pdfPngs,
  progressSeen,
  rawPdfPages,
  scrollToTop,
  waitForProgressRecorder,
} from './support/flow-helpers';

const run = promisify(execFile);
const DOWNLOADS = join(SCREENSHOT_DIR, 'downloads');
const OVERALL = 'overall/speed/1';
const YEAR = String(new Date().getFullYear());

let session: E2eSession | undefined;
let app: RunningApp;
let page: Page;
let started = 0;
let consoleErrors: string[];
const downloaded: { docx?: string; xlsx?: string } = {};
let previewPages = 0;

beforeAll(async () => {
  session = await openE2e({ context: { acceptDownloads: true }, clipboard: true, expectRefusedCalls: true });
  ({ app, page, consoleErrors } = session);
  mkdirSync(DOWNLOADS, { recursive: true });
});

afterAll(() => session?.close());

const ws = () => app.services.session.require();
const registerEntries = () => readRegister(ws());

/** The native input of an Element Plus field, whichever element its data-testid landed on. */
const field = (scope: ReturnType<Page['getByTestId']>, id: string) =>
  scope.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

async function visibleEnglish(): Promise<string[]> {
  return englishWords(await page.locator('#app').innerText());
}

describe('the monthly flow in Chromium: rankings, briefing, export, print, 签发', () => {
  it('opens the sample from the start page', async () => {
    started = performance.now();
    await page.goto(app.host.openUrl);
    await page.getByTestId('recent-table').getByText('还没有打开过工作区').waitFor();
    await page.getByTestId('open-sample').click();
    await page.getByTestId('sample-banner').waitFor();
    await screenshot(page, 'flow-01-sample-open');
  });

  it('sets this year’s next issue number in 设置, after main refused an empty 简报名称 next to the field', async () => {
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('document-settings');
    await form.waitFor();
    await field(form, 'field-briefingName').fill('  ');
    await form.getByTestId('save-documents').click();
    await form.locator('.el-form-item__error', { hasText: '简报名称不能为空' }).waitFor();
    expect(ws().settings.documents.briefingName).toBe('湖州市先进制造业集群培育工程简报');
    await screenshot(page, 'flow-02-settings-refused');
    await field(form, 'field-briefingName').fill('湖州市先进制造业集群培育工程简报');
    await field(form, 'field-issue').fill('8');
    await form.getByTestId('save-documents').click();
    await page.getByText('设置已保存').first().waitFor();
    expect(ws().settings.documents.issueCounters[YEAR]).toBe(8);
    await expect.poll(() => form.locator('.el-form-item__error').count()).toBe(0);
    await page.getByRole('tab', { name: '字体与版式' }).click();
    await page.getByTestId('layout-settings').waitFor();
    await screenshot(page, 'flow-03a-settings-layout');
    await page.getByRole('tab', { name: '重点指标与赛马' }).click();
    const ranking = page.getByTestId('ranking-settings');
    await ranking.getByTestId('key-indicators').getByText('规上工业亩均税收').waitFor();
    await ranking.getByLabel('规上工业亩均税收的小数位').fill('2');
    await ranking.getByTestId('save-ranking').click();
    await expect
      .poll(() => ws().settings.ranking.decimalsOverride['hz-mfg-cluster-regional-2023/industrial-tax-per-mu'], {
        timeout: 10_000,
      })
      .toBe(2);
    await screenshot(page, 'flow-03b-settings-ranking');
    await page.getByRole('tab', { name: '字体检查' }).click();
    await page.getByTestId('font-check').locator('.el-table__body tr').first().waitFor();
    // What the page says is installed must be what fontconfig has, family by family.
    const families = await installedFontFamilies();
    const rows = await page.getByTestId('font-check').locator('.el-table__body tr').allInnerTexts();
    const shown = rows.map((r) => r.split('\t').map((c) => c.trim()));
    expect(shown.map(([family]) => family)).toEqual([...OFFICIAL_FAMILIES]);
    for (const [family = '', , state, substitute] of shown) {
      expect(state, family).toBe(families.has(family) ? '✓ 已安装' : '✗ 未安装');
      expect(substitute === '—', family).toBe(families.has(family));
    }
    await screenshot(page, 'flow-03-settings-fonts');
    const english = await visibleEnglish();
    expect(english, english.join(' ')).toEqual([]);
  });

  it('shows the rankings with a tie, and where a number came from', async () => {
    await page.getByTestId('nav-rankings').click();
    const table = page.getByTestId('report-table-ranking');
    await table.waitFor();
    await page.getByTestId('period-picker').locator('.el-select__selected-item', { hasText: '2023年9月' }).waitFor();
    await page.getByTestId('time-progress').getByText('序时进度 75.0%').waitFor();
    const row = (region: string) =>
      table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${region}$`) }) });
    expect(await table.locator('tbody tr').first().locator('th').innerText()).toBe('全市');
    // 德清 and 长兴 share the third place of 规上工业增加值增长 (the sample's tie).
    const rankOf = async (region: string) => (await row(region).locator('td').nth(1).innerText()).trim();
    expect([await rankOf('德清'), await rankOf('长兴')]).toEqual(['3', '3']);
    // 规上工业亩均税收 at the 2 decimals set in 设置 (value, 同比, 位次, before 开工率's value, 进度, 位次).
    expect((await row('全市').locator('td').nth(-6).innerText()).trim()).toMatch(/^\d+\.\d\d$/);
    expect(await table.locator('thead tr').first().locator('th').first().getAttribute('rowspan')).toBe('2');
    expect(await page.getByTestId('table-legend').first().innerText()).toContain('超序时进度');
    await screenshot(page, 'flow-04-rankings');

    const stored = (await ws().figures.get('2023-09')).figures['hz-mfg-cluster-regional-2023']?.[
      'industrial-value-added-growth'
    ]?.['德清'];
    await row('德清').locator('td').nth(0).locator('button').click();
    const drawer = page.getByTestId('provenance');
    await drawer.getByText('示例数据生成').first().waitFor();
    expect(await drawer.getByTestId('provenance-value').innerText()).toBe(String(stored?.v));
    const facts = await drawer.locator('.el-descriptions').innerText();
    expect(facts).toContain('填报数');
    expect(facts).toContain('e2e测试员');
    expect(facts).toMatch(/2023-10-0\d \d\d:\d\d:\d\d/);
    await screenshot(page, 'flow-05-provenance');
    await page.keyboard.press('Escape');
    await drawer.locator('.el-drawer').waitFor({ state: 'hidden' });

    const chart = page.getByTestId('report-chart');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('svg').waitFor();
    expect(await chart.locator('svg text', { hasText: '南太湖新区' }).count()).toBeGreaterThan(0);
    await chart.locator('.chart-value[data-region="南浔"]').click();
    await drawer.getByText('南浔').first().waitFor();
    await page.keyboard.press('Escape');
    await drawer.locator('.el-drawer').waitFor({ state: 'hidden' });
    await screenshot(page, 'flow-06-rankings-chart');
    expect(await visibleEnglish()).toEqual([]);
  });

  it('copies a chart as a picture for WPS and saves it as PNG: the picture the briefing prints', async () => {
    const chart = page.getByTestId('report-chart').first();
    await chart.getByTestId('chart-copy').click();
    await page.getByText('图片已复制').waitFor();
    // Read back as a page would paste it: the clipboard holds one PNG of the chart's print size.
    const copied = (await page.evaluate(`(async () => {
      const [item] = await navigator.clipboard.read();
      const blob = await item.getType('image/png');
      const view = new DataView(await blob.slice(0, 24).arrayBuffer());
      return { types: item.types, width: view.getUint32(16), height: view.getUint32(20) };
    })()`)) as { types: string[]; width: number; height: number };
    expect(copied).toEqual({ types: ['image/png'], width: 1950, height: 1000 });
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('chart-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^2023年1—9月各区县.+（示例数据）\.png$/);
    const png = readFileSync(await download.path());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1950);
  });

  it('exports the ranking table .xlsx from the rankings page', async () => {
    await scrollToTop(page);
    await page.getByTestId('export-xlsx').click();
    const files = page.getByTestId('export-files');
    await files.locator('li').first().waitFor({ timeout: 60_000 });
    expect(await files.locator('li').count()).toBe(1);
    expect(await files.innerText()).toContain('2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx');
    expect(await page.getByTestId('check-result').count()).toBe(0);
    await screenshot(page, 'flow-06b-rankings-exported');
    await page.getByRole('button', { name: '关闭导出结果' }).click();
  });

  it('prints the ranking table landscape with its header on every page and page numbers', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = join(SCREENSHOT_DIR, 'flow-rankings-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    const pages = (await pdfPages(pdf)).map(squash);
    expect(pages[0]).toContain('2023年1—9月各区县先进制造业集群培育工程主要指标亮晒表');
    expect(pages[0]).toContain(`第1页共${pages.length}页`);
    expect(pages.join('')).not.toContain('数据填报');
    // Each table starts its own page; the composite table's header is there with it.
    expect(pages.some((p) => p.includes('赛马比拼综合得分') && p.includes('综合位次'))).toBe(true);
    await pdfPngs(pdf, 'flow-rankings-print');
  });

  it('drafts the briefing: masthead with 第8期, title, 示例数据 marks, pages', async () => {
    await page.getByTestId('nav-briefing').click();
    await page.getByTestId('doc-page').first().waitFor();
    await page.getByTestId('doc-pages').getByTestId('issue-number').getByText('第8期（总第31期）').waitFor();
    expect(await page.getByTestId('doc-pages').getByTestId('doc-title').innerText()).toBe(
      '2023年1—9月先进制造业集群培育工程\n主要指标运行情况',
    );
    expect(await page.getByTestId('doc-pages').getByTestId('masthead').innerText()).toContain('（示例数据，仅供演示）');
    await page.locator(`.doc-pages [data-paragraph="${OVERALL}"]`).first().waitFor();
    previewPages = await page.getByTestId('doc-page').count();
    expect(previewPages).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('doc-pages').getByTestId('end-block').innerText()).toContain(
      '报：市委、市政府领导。',
    );
    await screenshot(page, 'flow-07-briefing');
    expect(await visibleEnglish()).toEqual([]);
  });

  it('edits a paragraph: a changed number is flagged on the paragraph; 恢复为自动起草 takes it away', async () => {
    const paragraph = page.locator(`.doc-pages [data-paragraph="${OVERALL}"]`).first();
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.click({ position: { x: 30, y: 10 } });
    const editor = page.getByTestId('text-editor');
    await editor.waitFor();
    const drafted = await editor.inputValue();
    expect(drafted).toContain('同比增长8.4%');
    await editor.fill(drafted.replace('增长8.4%', '增长8.6%'));
    await page.keyboard.press('Control+Enter');
    const rail = page.getByTestId('paragraph-rail');
    await rail.getByText('段落中应为 8.4，与当前数据不符').waitFor();
    await page
      .getByTestId('briefing-warning')
      .getByText(/中应为 8\.4，与当前数据不符，请核对/)
      .waitFor();
    await page
      .getByTestId('save-state')
      .getByText(/已保存 \d\d:\d\d:\d\d/)
      .waitFor();
    expect((await loadEdits(ws(), '2023-09', '简报'))?.paragraphs[OVERALL]).toContain('增长8.6%');
    await rail.scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-08-edited-stale');

    await rail.getByTestId('restore-paragraph').click();
    await rail.waitFor({ state: 'detached' });
    expect(await page.getByTestId('briefing-warning').count()).toBe(0);
    await page
      .getByTestId('save-state')
      .getByText(/已保存/)
      .waitFor();
    await expect.poll(async () => (await loadEdits(ws(), '2023-09', '简报'))?.paragraphs[OVERALL]).toBeUndefined();
    expect(await page.locator(`.doc-pages [data-paragraph="${OVERALL}"]`).first().innerText()).toContain(
      '同比增长8.4%',
    );
    await screenshot(page, 'flow-09-restored');
  });

  it('writes a 按语 and rewrites 存在问题 as a list, then takes both back', async () => {
    const pages = page.getByTestId('doc-pages');
    await page.getByTestId('edit-note').click();
    const editor = page.getByTestId('text-editor');
    await editor.waitFor();
    await editor.fill('请各区县对照落后指标，抓紧整改。');
    await page.keyboard.press('Control+Enter');
    await pages.getByTestId('editor-note').getByText('编者按：请各区县对照落后指标，抓紧整改。').waitFor();
    await page
      .getByTestId('save-state')
      .getByText(/已保存/)
      .waitFor();
    await expect
      .poll(async () => (await loadEdits(ws(), '2023-09', '简报'))?.editorNote)
      .toBe('请各区县对照落后指标，抓紧整改。');
    await pages.getByTestId('editor-note').scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-09b-editor-note');

    const rail = pages.getByTestId('list-rail').first();
    await rail.scrollIntoViewIfNeeded();
    await rail.getByRole('button', { name: '编辑段落列表…' }).click();
    const dialog = page.getByTestId('list-editor');
    await dialog.locator('textarea').first().waitFor();
    const before = await dialog.locator('textarea').count();
    await dialog.getByRole('button', { name: '添加一段' }).click();
    await dialog.locator('textarea').nth(before).fill('四是要素保障仍需加强。');
    await dialog.getByRole('button', { name: '删除第 1 段' }).click();
    await screenshot(page, 'flow-09c-list-editor');
    await dialog.getByTestId('list-editor-save').click();
    await pages.getByText('四是要素保障仍需加强。').waitFor();
    await page
      .getByTestId('save-state')
      .getByText(/已保存/)
      .waitFor();
    await expect
      .poll(async () => (await loadEdits(ws(), '2023-09', '简报'))?.problems?.at(-1))
      .toBe('四是要素保障仍需加强。');
    expect((await loadEdits(ws(), '2023-09', '简报'))?.problems).toHaveLength(before);

    const title = pages.getByTestId('doc-title');
    await title.scrollIntoViewIfNeeded();
    await title.click();
    expect(await page.getByTestId('text-editor').inputValue()).toBe(
      '2023年1—9月先进制造业集群培育工程\n主要指标运行情况',
    );
    await page.getByTestId('text-editor').fill('前三季度先进制造业集群培育工程\n运行情况');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => title.innerText()).toBe('前三季度先进制造业集群培育工程\n运行情况');
    await expect
      .poll(async () => (await loadEdits(ws(), '2023-09', '简报'))?.title)
      .toBe('前三季度先进制造业集群培育工程\n运行情况');
    await title.focus();
    await page.keyboard.press('Enter');
    await page.locator('.text-editor').getByRole('button', { name: '恢复为自动起草' }).click();
    await expect.poll(() => title.innerText()).toBe('2023年1—9月先进制造业集群培育工程\n主要指标运行情况');

    await pages.getByTestId('list-rail').first().getByRole('button', { name: '恢复为自动起草' }).click();
    await pages.getByText('四是要素保障仍需加强。').waitFor({ state: 'detached' });
    await page.getByTestId('edit-note').click();
    await page.getByTestId('text-editor').fill('');
    await page.keyboard.press('Control+Enter');
    await pages.getByTestId('editor-note').waitFor({ state: 'detached' });
    await expect
      .poll(async () => JSON.stringify(await loadEdits(ws(), '2023-09', '简报')))
      .toBe(JSON.stringify({ paragraphs: {} }));
  });

  it('exports both files as a job: progress shown, then the checker passes every item', async () => {
    await waitForProgressRecorder(page);
    await page.getByTestId('export-both').click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.innerText();
    const [, passed, total] = /(\d+)\/(\d+) 项通过/.exec(text) ?? [];
    expect(Number(total)).toBeGreaterThan(10);
    expect(passed).toBe(total);
    const seen = await progressSeen(page);
    expect(seen.shown).toBe(true);
    expect(await page.getByTestId('export-files').locator('li').count()).toBe(2);
    await scrollToTop(page);
    await screenshot(page, 'flow-10-exported');
  });

  it('downloads both files in the browser', async () => {
    const links = page.getByTestId('export-files').getByRole('link', { name: '下载' });
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
      const name = download.suggestedFilename();
      const path = join(DOWNLOADS, name);
      await download.saveAs(path);
      if (name.endsWith('.docx')) downloaded.docx = path;
      if (name.endsWith('.xlsx')) downloaded.xlsx = path;
    }
    expect(downloaded.docx).toMatch(/2023年1—9月简报（第8期）（示例数据）\.docx$/);
    // The rankings page exported the table once already: this export replaced it, so one current file is left.
    expect(downloaded.xlsx).toMatch(/2023年1—9月各区县主要指标亮晒表（示例数据）\.xlsx$/);
    const exportsDir = join(ws().dir, 'exports', '2023-09');
    expect(readdirSync(exportsDir).filter((n) => n.endsWith('.xlsx'))).toEqual([
      '2023年1—9月各区县主要指标亮晒表（示例数据）.xlsx',
    ]);
  });

  it('checks the downloaded .docx with the format checker and reads the .xlsx back', async () => {
    const docx = readFileSync(downloaded.docx!);
    const { model } = await buildWorkspaceReport(ws(), {
      period: parsePeriod('2023-09'),
      periodKey: '2023-09',
      kind: '简报',
      issueDate: new Date(),
    });
    const checks = await checkBriefingDocx(docx, {
      kind: '简报',
      linePitchTwips: model.style.linePitchTwips,
      fonts: model.style.fonts,
      sample: true,
      copies: model.meta.copies,
      dateText: model.meta.dateText,
    });
    expect(checks.filter((c) => !c.pass)).toEqual([]);
    expect(checks.length).toBeGreaterThan(10);

    const book = await loadWorkbook(readFileSync(downloaded.xlsx!));
    const sheet = book.worksheets[0]!;
    const texts = sheetTexts(sheet).map((t) => t.text);
    expect(texts[0]).toBe('2023年1—9月各区县先进制造业集群培育工程主要指标亮晒表');
    expect(texts).toContain('全市');
  });

  it('renders both files through LibreOffice with the expected text', async (ctx) => {
    if (!sofficeAvailable) {
      console.log('跳过 LibreOffice 渲染：本机没有 soffice / pdftotext / pdftoppm');
      ctx.skip();
    }
    const [docxPdf, xlsxPdf] = await toPdfs([
      { name: 'briefing.docx', data: readFileSync(downloaded.docx!) },
      { name: 'ranking.xlsx', data: readFileSync(downloaded.xlsx!) },
    ]);
    const doc = squash((await pdfPages(docxPdf!)).join(''));
    expect(doc).toContain('湖州市先进制造业集群培育工程简报');
    expect(doc).toContain('第8期（总第31期）');
    expect(doc).toContain('主要指标运行情况');
    expect(doc).toContain('报：市委、市政府领导。');
    expect(doc).toContain('同比增长8.4%');
    const sheet = squash((await pdfPages(xlsxPdf!)).join(''));
    expect(sheet).toContain('主要指标亮晒表');
    expect(sheet).toContain('全市');
    await pdfPngs(docxPdf!, 'flow-lo-docx');
  }, 180_000);

  it('prints the briefing to PDF in the browser: only the pages, one A4 sheet each', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = join(SCREENSHOT_DIR, 'flow-briefing-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    // -raw: in layout mode pdftotext moves Latin digits of a line set in two fonts away from their line.
    const pages = (await rawPdfPages(pdf)).map(squash);
    const all = pages.join('');
    expect(all).toContain('2023年1—9月先进制造业集群培育工程');
    expect(all).toContain('主要指标运行情况');
    expect(all).toContain('报：市委、市政府领导。');
    expect(all).toContain('（共印60份）');
    for (const chrome of [
      '指标简报助手',
      '指标体系',
      '排名亮晒',
      '浏览器预览',
      '导出两份文件',
      '签发第',
      '点击任一段落',
    ])
      expect(all).not.toContain(chrome);
    // 数据填报 is a menu item, and also words of the drafted 下步工作 ("1—10月数据填报"): only the latter is printed.
    expect(all).toContain('1—10月数据填报');
    expect(all.split(/(?<!月)数据填报/).length - 1).toBe(0);
    expect(pages).toHaveLength(previewPages);
    const { stdout } = await run('pdfinfo', [pdf]);
    expect(stdout).toMatch(/Page size:\s+59\d\.\d+ x 841\.\d+ pts \(A4\)/);
    await pdfPngs(pdf, 'flow-briefing-print');
  });

  it('签发 freezes 第8期 after a confirmation; the preview keeps 第8期 and says it was issued', async () => {
    await page.getByTestId('issue').click();
    const box = page.locator('.el-message-box');
    await box.getByText(`将把这份简报作为${YEAR}年第8期（总第31期）签发`).waitFor();
    await screenshot(page, 'flow-11-issue-confirm');
    await box.getByRole('button', { name: '签发第8期' }).click();
    await page.getByText('已签发简报第8期（总第31期），文件已存入“已签发”。').waitFor();
    const banner = page.getByTestId('issued-banner');
    await banner.getByText(/^第8期（总第31期）已于\d{4}年\d+月\d+日签发（/).waitFor();
    await page.getByTestId('doc-pages').getByTestId('issue-number').getByText('第8期（总第31期）').waitFor();
    expect(await page.getByTestId('issue').count()).toBe(0);
    await page.getByTestId('correct').waitFor();
    expect(ws().settings.documents.issueCounters[YEAR]).toBe(9);
    await page.getByTestId('doc-page').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'flow-12-issued');
    console.log(`整个月度流程（打开示例到签发）用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  });

  it('lists it on 已签发, and the downloaded files are the frozen bytes', async () => {
    await page.getByTestId('nav-issued').click();
    const table = page.getByTestId('issued-table');
    await table.waitFor();
    expect(await table.getByTestId('issued-label').allInnerTexts()).toEqual(['第8期（总第31期）']);
    const row = await table.locator('tbody tr').first().innerText();
    for (const text of ['简报', '2023年1—9月', 'e2e测试员', '文稿', '排名表', '修改记录']) expect(row).toContain(text);
    expect(await page.getByTestId('issued-problems').count()).toBe(0);
    await screenshot(page, 'flow-12b-issued-page');
    const [entry] = await registerEntries();
    expect(entry?.files.map((f) => f.role)).toEqual(['docx', 'xlsx', 'edits']);
    const links = table.getByTestId('issued-download');
    for (let i = 0; i < 2; i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), links.nth(i).click()]);
      const frozen = entry!.files[i]!;
      expect(download.suggestedFilename()).toBe(frozen.name);
      const path = join(DOWNLOADS, `issued-${frozen.name}`);
      await download.saveAs(path);
      const bytes = readFileSync(path);
      expect(bytes.equals(readFileSync(join(ws().dir, ...frozen.path.split('/'))))).toBe(true);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(frozen.sha256);
    }
  });

  it('offers only 更正 for the issued period: a reason is asked, and the 更正 keeps 第8期', async () => {
    await page.getByTestId('nav-briefing').click();
    await page.getByTestId('issued-banner').waitFor();
    expect(await page.getByTestId('issue').count()).toBe(0);
    await page.getByTestId('correct').click();
    const box = page.locator('.el-message-box');
    await box.getByText(/第8期（总第31期）已于.*签发。更正稿沿用原编号/).waitFor();
    await box.locator('input').fill('德');
    await box.getByRole('button', { name: '签发更正稿' }).click();
    await box.getByText('请写明更正的原因（至少 2 个字）').waitFor();
    await box.locator('input').fill('吴兴规上工业增加值增速更正');
    await box.getByRole('button', { name: '签发更正稿' }).click();
    await page.getByText('已签发简报第8期（总第31期）（更正），文件已存入“已签发”。').waitFor();
    await page
      .getByTestId('issued-banner')
      .getByText(/，共更正 1 次。/)
      .waitFor();
    const entries = await registerEntries();
    expect(entries.map((d) => [d.label, d.correction?.reason ?? null])).toEqual([
      ['第8期（总第31期）', null],
      ['第8期（总第31期）（更正）', '吴兴规上工业增加值增速更正'],
    ]);
    expect(ws().settings.documents.issueCounters[YEAR]).toBe(9);
    await page.locator('.el-message').first().waitFor({ state: 'detached' });
    await scrollToTop(page);
    await screenshot(page, 'flow-12c-corrected');
  });

  it('reports a frozen file changed on disk by its checksum on 已签发, and will not hand it out', async () => {
    const [original] = await registerEntries();
    const xlsx = original!.files[1]!;
    const path = join(ws().dir, ...xlsx.path.split('/'));
    writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.from('改过')]));
    await page.getByTestId('nav-issued').click();
    const problems = page.getByTestId('issued-problems');
    await problems.getByText('有 1 个签发文件与签发时不符').waitFor();
    expect(await problems.innerText()).toContain(
      `${xlsx.path} 与签发时不同，已被改动：签发时 SHA-256 为 ${xlsx.sha256.slice(0, 16)}…`,
    );
    await page.getByTestId('issued-table').getByText('已改动或丢失').waitFor();
    await screenshot(page, 'flow-12d-issued-tampered');
    const original8 = page.getByTestId('issued-table').locator('tbody tr').nth(1);
    const before = consoleErrors.length;
    await original8.getByTestId('issued-download').nth(1).click();
    await page.locator('.el-message--error').getByText('这不是签发时的文件，不予提供', { exact: false }).waitFor();
    // The refusal is the browser's one failed request (422) of this step, and nothing else.
    await expect.poll(() => consoleErrors.slice(before)).toEqual([expect.stringContaining('status of 422')]);
    consoleErrors.splice(before);
    await page.getByTestId('nav-briefing').click();
    await page.getByTestId('issued-banner').waitFor();
  });

  it('lays out a 通报 (mark and 文号, signature, 印发) and a 运行分析报告 (no masthead)', async () => {
    const pages = page.getByTestId('doc-pages');
    await page.getByTestId('kind-picker').getByText('通报').click();
    // A 通报 numbers from its own 文号 counter: 签发 of the 简报 above did not move it.
    await pages.getByTestId('notice-number').getByText(`湖制造专班〔${YEAR}〕3号`).waitFor();
    expect(await pages.getByTestId('addressee').innerText()).toBe('各区县人民政府，南太湖新区管委会：');
    await pages.getByText('特此通报。').waitFor();
    await pages.getByTestId('attachment-head').getByText('2023年1—9月各区县主要指标完成情况表').waitFor();
    expect(await pages.getByTestId('doc-title').innerText()).toBe(
      '关于2023年1—9月先进制造业集群培育工程\n主要指标进展情况的通报',
    );
    expect(await pages.getByTestId('end-block').innerText()).toMatch(
      /湖州市先进制造业集群培育工程工作专班办公室\s*\d{4}年\d+月\d+日印发/,
    );
    await scrollToTop(page);
    await page.locator('.doc-root > .el-loading-mask').waitFor({ state: 'hidden' });
    await screenshot(page, 'flow-13-notice');
    await page.getByTestId('kind-picker').getByText('运行分析报告').click();
    await pages.getByTestId('doc-title').getByText('运行分析报告').waitFor();
    expect(await pages.getByTestId('masthead').count()).toBe(0);
    await pages.locator('.doc-p.is-placeholder .ph').first().getByText('【请填写原因分析】').waitFor();
    await page.locator('.doc-root > .el-loading-mask').waitFor({ state: 'hidden' });
    await screenshot(page, 'flow-14-report');
    expect(await visibleEnglish()).toEqual([]);
  });

  it('logs no errors on the way', () => {
    expect(consoleErrors).toEqual([]);
  });
});
