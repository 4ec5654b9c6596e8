/**
 * The 版记 block floats at the bottom of the last page. Bodies and tables ending at different heights must give
 * one block, on the last page, its last rule on the type area's bottom edge, nothing printed under it, and the
 * table's header still repeated on each of its pages (LibreOffice once tore a table apart around the block).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import type { ParagraphBlock, ReportModel } from '../../../src/shared/report/model';
import { briefingFixture, longBriefingFixture } from '../../fixtures/report-model';
import { pdfPages, sofficeAvailable, squash, toPdfs } from '../../support/libreoffice';
import { horizontalRules, isDark, rasterPage, textLines } from '../../support/pdf-measure';

const BOTTOM = 262;

function longerBody(sentences: number): ReportModel {
  const model = briefingFixture({ withChart: false });
  const last = model.sections.at(-1)!.blocks.at(-1) as ParagraphBlock;
  last.runs.push({ text: '加强要素保障。'.repeat(sentences) + '结束语句。' });
  return model;
}

function shorterTable(rows: number): ReportModel {
  const model = longBriefingFixture({ withChart: false });
  model.ranking = { ...model.ranking, rows: model.ranking.rows.slice(0, rows) };
  return model;
}

const VARIANTS: [string, () => ReportModel][] = [
  ['body-8', () => longerBody(8)],
  ['body-20', () => longerBody(20)],
  ['body-22', () => longerBody(22)],
  ['body-32', () => longerBody(32)],
  ['table-60', () => shorterTable(60)],
  ['table-64', () => shorterTable(64)],
  ['table-80', () => shorterTable(80)],
  ['table-83', () => shorterTable(83)],
];

describe.skipIf(!sofficeAvailable)('end block at the bottom of the last page, whatever the body’s length', () => {
  const pdfs = new Map<string, string>();
  beforeAll(async () => {
    const docs = await Promise.all(
      VARIANTS.map(async ([name, make]) => ({ name: `end-${name}.docx`, data: await renderBriefingDocx(make()) })),
    );
    const out = await toPdfs(docs);
    VARIANTS.forEach(([name], i) => pdfs.set(name, out[i]!));
  }, 300_000);

  it.each(VARIANTS.map(([name]) => name))(
    '%s: one block, on the last page, on the bottom edge, over no text',
    async (name) => {
      const pdf = pdfs.get(name)!;
      const pages = (await pdfPages(pdf)).map(squash);
      const lastPage = pages.length;
      expect(pages.filter((p) => p.includes('（共印60份）')).length).toBe(1);
      expect(pages[lastPage - 1]).toContain('（共印60份）');
      const rules = horizontalRules(await rasterPage(pdf, lastPage), isDark, 150, BOTTOM - 80);
      const block = rules.slice(-3);
      expect(block).toHaveLength(3);
      expect(block[2]!.yMm).toBeCloseTo(BOTTOM, 0);
      const lines = await textLines(pdf);
      const above = lines.filter(
        (l) =>
          l.page === lastPage &&
          l.yMinMm > 36 &&
          l.yMaxMm < BOTTOM + 1 &&
          !/^(报|送|发)：|^（共印|各成员单位|和规划局/.test(l.text),
      );
      for (const l of above) expect(l.yMaxMm, l.text).toBeLessThan(block[0]!.yMm);
      if (name.startsWith('body')) expect(pages.join('')).toContain('结束语句。');
    },
  );

  it.each(VARIANTS.filter(([n]) => n.startsWith('table')).map(([name]) => name))(
    '%s: the table keeps its header on every page',
    async (name) => {
      const pages = (await pdfPages(pdfs.get(name)!)).map(squash);
      const first = pages.findIndex((p) => p.includes('目标任务完成情况表'));
      const notes = pages.findIndex((p) => p.includes('同比增长仅列总量和数量类指标'));
      expect(notes).toBeGreaterThanOrEqual(first);
      // Pages with rows carry a responsible unit (市经信局 …); each must carry the repeated header too.
      const withRows = pages
        .map((p, i) => [i, p] as const)
        .slice(first, notes + 1)
        .filter(([, p]) => /市(经信局|科技局|商务局|金融办|发展改革委|市场监管局)/.test(p));
      expect(withRows.length).toBeGreaterThanOrEqual(3);
      for (const [i, p] of withRows) expect(p, `第${i + 1}页`).toContain('指标名称');
    },
  );
});
