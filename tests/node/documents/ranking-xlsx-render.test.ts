import { beforeAll, describe, expect, it } from 'vitest';
import { renderRankingXlsx } from '../../../src/main/services/documents/xlsx';
import { longRankingModel, rankingModel } from '../../fixtures/ranking-model';
import { copyArtifact, pdfPages, pdfToPngs, sofficeAvailable, squash, toPdf } from '../../support/libreoffice';
import { pdfPageSizes, type PageSize } from '../../support/pdf-info';

if (!sofficeAvailable) {
  console.log(
    'ranking-xlsx-render: skipped — LibreOffice (soffice) or poppler-utils is not installed, so the workbook cannot be printed to PDF here.',
  );
}

const A4_LANDSCAPE = { widthPt: 841.9, heightPt: 595.3 };
const A3_LANDSCAPE = { widthPt: 1190.6, heightPt: 841.9 };

function expectPaper(sizes: PageSize[], paper: PageSize): void {
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(size.widthPt).toBeCloseTo(paper.widthPt, 0);
    expect(size.heightPt).toBeCloseTo(paper.heightPt, 0);
  }
}

/**
 * A table printed one page wide shows its first and its last column on every page. Had fit-to-width
 * failed, LibreOffice would print the right-hand columns on pages of their own, without the 地区 column.
 */
function expectWholeWidth(page: string, lastColumnHeader: string): void {
  expect(page).toContain('地区');
  expect(page).toContain(lastColumnHeader);
}

describe.skipIf(!sofficeAvailable)('ranking workbook printed by LibreOffice', () => {
  let pages: string[];
  let sizes: PageSize[];

  beforeAll(async () => {
    const pdf = await toPdf(await renderRankingXlsx(rankingModel()), 'ranking-xlsx.xlsx');
    copyArtifact(pdf, 'ranking-xlsx');
    await pdfToPngs(pdf, 'ranking-xlsx', 110);
    pages = (await pdfPages(pdf)).map(squash);
    sizes = await pdfPageSizes(pdf);
  }, 120_000);

  it('prints the ranking sheet on one landscape A4 page and the 赛马 sheet on the next', () => {
    expect(pages).toHaveLength(2);
    expectPaper(sizes, A4_LANDSCAPE);
    expect(pages[0]).toContain('2023年1—9月各区县先进制造业集群主要指标亮晒表');
    expect(pages[1]).toContain('2023年1—9月各区县先进制造业集群赛马综合得分表');
  });

  it('fits every column of each table on its page', () => {
    expectWholeWidth(pages[0] ?? '', '下降率');
    expectWholeWidth(pages[1] ?? '', '综合位次');
  });

  it('shows the subtitle, 示例数据, the rows, the legend and the notes', () => {
    const page = pages[0] ?? '';
    for (const text of [
      '（截至2023年9月底）',
      '示例数据',
      '全市',
      '南太湖新区',
      '图例',
      '位次第一',
      '落后序时进度',
      '注：1.数据来源',
      '相同者并列',
    ]) {
      expect(page).toContain(text);
    }
    // Figures as printed: the tie, a negative growth, a completion rate with its mark.
    for (const text of ['-3.4', '1688.3', '78.3▲', '67.2▼']) expect(page).toContain(text);
  });

  it('numbers the pages in the footer', () => {
    expect(pages[0]).toContain('第1页共2页');
    expect(pages[1]).toContain('第2页共2页');
  });
});

describe.skipIf(!sofficeAvailable)('a long ranking printed by LibreOffice', () => {
  let pages: string[];

  beforeAll(async () => {
    const pdf = await toPdf(await renderRankingXlsx(longRankingModel()), 'ranking-xlsx-long.xlsx');
    copyArtifact(pdf, 'ranking-xlsx-long');
    await pdfToPngs(pdf, 'ranking-xlsx-long', 110);
    pages = (await pdfPages(pdf)).map(squash);
    expectPaper(await pdfPageSizes(pdf), A4_LANDSCAPE);
  }, 120_000);

  it('runs over several pages, each one page wide', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expectWholeWidth(page, '下降率');
  });

  it('repeats the header rows on page 2 but not the title', () => {
    const second = pages[1] ?? '';
    for (const text of ['规上工业增加值', '制造业投资', '高耗低效整治企业数', '完成率', '位次'])
      expect(second).toContain(text);
    expect(second).not.toContain('主要指标亮晒表');
    expect(pages[0]).toContain('2023年1—9月各园区先进制造业集群主要指标亮晒表');
  });

  it('numbers every page "第 N 页 共 M 页" and ends with the notes', () => {
    pages.forEach((page, i) => expect(page).toContain(`第${i + 1}页共${pages.length}页`));
    expect(pages.at(-1)).toContain('注：1.数据来源');
  });
});

describe.skipIf(!sofficeAvailable)('an A3 ranking printed by LibreOffice', () => {
  it('prints on landscape A3 when the model asks for it', async () => {
    const model = rankingModel();
    model.style.rankingPaper = 'A3';
    const pdf = await toPdf(await renderRankingXlsx(model), 'ranking-xlsx-a3.xlsx');
    expectPaper(await pdfPageSizes(pdf), A3_LANDSCAPE);
    const pages = (await pdfPages(pdf)).map(squash);
    expectWholeWidth(pages[0] ?? '', '下降率');
  }, 120_000);
});
