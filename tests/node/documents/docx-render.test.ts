/**
 * The briefing rendered by LibreOffice (standing in for Word/WPS): text, page count, lines per page, and the
 * positions GB/T 9704 fixes, measured on the PDF. Page images are kept under test-results/render/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import { briefingFixture, longBriefingFixture } from '../../fixtures/report-model';
import { copyArtifact, pdfPages, pdfToPngs, sofficeAvailable, squash, toPdfs } from '../../support/libreoffice';
import {
  firstRowMm,
  horizontalRules,
  isDark,
  isRed,
  rasterPage,
  textLines,
  type TextLine,
} from '../../support/pdf-measure';

if (!sofficeAvailable)
  console.log(
    '跳过 LibreOffice 渲染测试：本机没有 soffice、pdftotext 或 pdftoppm（apt-get install libreoffice-writer-nogui poppler-utils）。',
  );

/** Type area (版心) of GB/T 9704 in mm from the page's top left. */
const AREA = { top: 37, bottom: 262, left: 28, right: 184 };
const ONE_SIHAO_MM = (14 * 25.4) / 72;

const CJK_ONLY = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]+$/;

describe.skipIf(!sofficeAvailable)('briefing rendered by LibreOffice', () => {
  let std: { pdf: string; pages: string[]; lines: TextLine[] };
  let long: { pdf: string; pages: string[] };
  let notice: { pdf: string; pages: string[] };
  let report: { pdf: string; pages: string[] };

  beforeAll(async () => {
    const docs = [
      { name: 'briefing-standard.docx', data: await renderBriefingDocx(briefingFixture()) },
      { name: 'briefing-long.docx', data: await renderBriefingDocx(longBriefingFixture({ withChart: false })) },
      { name: 'notice.docx', data: await renderBriefingDocx(briefingFixture({ kind: '通报' })) },
      { name: 'report.docx', data: await renderBriefingDocx(briefingFixture({ kind: '运行分析报告', sample: false })) },
    ];
    const pdfs = await toPdfs(docs);
    const read = async (pdf: string, name: string) => {
      copyArtifact(pdf, name);
      await pdfToPngs(pdf, name, 80);
      return { pdf, pages: await pdfPages(pdf) };
    };
    std = { ...(await read(pdfs[0]!, 'briefing-standard')), lines: await textLines(pdfs[0]!) };
    long = await read(pdfs[1]!, 'briefing-long');
    notice = await read(pdfs[2]!, 'notice');
    report = await read(pdfs[3]!, 'report');
  }, 240_000);

  it('prints the masthead, title, page numbers, 报/送/发 lines and the 示例数据 marks, on the expected 7 pages', () => {
    expect(std.pages).toHaveLength(7);
    const all = squash(std.pages.join(''));
    expect(squash(std.pages[0]!)).toContain('湖州市先进制造业集群培育工程简报');
    expect(squash(std.pages[0]!)).toContain('第9期（总第32期）');
    expect(all).toContain('2023年1—9月全市先进制造业集群培育工程运行情况');
    expect(squash(std.pages[0]!)).toContain('—1—');
    expect(squash(std.pages[1]!)).toContain('—2—');
    const last = squash(std.pages[6]!);
    expect(last).toContain('报：省经信厅，市委、市人大常委会、市政府、市政协有关领导。');
    expect(last).toContain(
      '送：市发展改革委，市经信局，市科技局，市财政局，市自然资源和规划局，市商务局，市市场监管局，市统计局，市金融办。',
    );
    expect(last).toContain('发：各区县人民政府（管委会），市先进制造业集群培育工作专班各成员单位。');
    expect(last).toContain('（共印60份）');
    expect(squash(std.pages[0]!)).toContain('（示例数据，仅供演示）');
    for (const page of std.pages) expect(squash(page)).toContain('示例数据');
  });

  it('sets a full body page in 22 lines of 28 characters', () => {
    // Page 3 is all body text: the end of 一、总体情况 and the long district paragraph.
    const body = std.lines.filter((l) => l.page === 3 && l.yMinMm > AREA.top - 1 && l.yMaxMm < AREA.bottom + 1);
    expect(body).toHaveLength(22);
    // Width in Chinese characters: a digit or Latin letter is half a character wide.
    const width = (t: string) =>
      [...t.replace(/\s/g, '')].reduce((w, ch) => w + (ch.charCodeAt(0) < 0x2000 ? 0.5 : 1), 0);
    const widths = body.map((l) => width(l.text));
    for (const w of widths) expect(w).toBeLessThanOrEqual(28);
    expect(widths.filter((w) => w >= 27).length).toBeGreaterThanOrEqual(3);
    expect(
      body
        .map((l) => l.text)
        .filter((t) => CJK_ONLY.test(t))
        .every((t) => [...t].length <= 28),
    ).toBe(true);
  });

  it('puts the masthead name 20 mm below the type area and a full-width red rule under the 编印单位 line', async () => {
    const page = await rasterPage(std.pdf, 1);
    expect(firstRowMm(page, isRed)).toBeCloseTo(AREA.top + 20, 0);
    const rules = horizontalRules(page, isRed, 100);
    expect(rules).toHaveLength(1);
    expect(rules[0]!.x0Mm).toBeCloseTo(AREA.left, 0);
    expect(rules[0]!.x1Mm).toBeCloseTo(AREA.right, 0);
    const issuer = std.lines.find(
      (l) => l.page === 1 && l.text.startsWith('湖州市先进制造业集群培育工作专班办公室编'),
    )!;
    const date = std.lines.find((l) => l.page === 1 && l.text.includes('2023年10月8日'))!;
    expect(rules[0]!.yMm).toBeGreaterThan(Math.max(issuer.yMaxMm, date.yMaxMm));
    // 4 mm under the line of text (its box bottom), GB/T 9704 §7.2.7 and the 简报 convention.
    expect(rules[0]!.yMm - date.yMaxMm).toBeCloseTo(4, 0);
  });

  it('puts the page numbers 7 mm under the type area, odd pages right and even pages left, one character in', async () => {
    for (const [pageNo, side] of [
      [1, 'right'],
      [2, 'left'],
    ] as const) {
      const number = std.lines.find(
        (l) => l.page === pageNo && l.yMinMm > AREA.bottom && squash(l.text) === `—${pageNo}—`,
      )!;
      expect(number, `页码 ${pageNo}`).toBeDefined();
      if (side === 'right') expect(number.xMaxMm).toBeCloseTo(AREA.right - ONE_SIHAO_MM, 0);
      else expect(number.xMinMm).toBeCloseTo(AREA.left + ONE_SIHAO_MM, 0);
      const dash = horizontalRules(await rasterPage(std.pdf, pageNo, 300), isDark, 2.5, AREA.bottom + 1);
      expect(dash.length).toBeGreaterThan(0);
      expect(dash[0]!.yMm).toBeCloseTo(AREA.bottom + 7, 0);
    }
  });

  it('anchors the end block to the bottom of the last page: its last rule on the type area’s bottom edge', async () => {
    const page = await rasterPage(std.pdf, 7);
    const rules = horizontalRules(page, isDark, 150, AREA.top);
    expect(rules.length).toBe(3);
    expect(rules[2]!.yMm).toBeCloseTo(AREA.bottom, 0);
    for (const r of rules) {
      expect(r.x0Mm).toBeCloseTo(AREA.left, 0);
      expect(r.x1Mm).toBeCloseTo(AREA.right, 0);
    }
    const text = std.lines.filter((l) => l.page === 7 && l.yMaxMm < rules[0]!.yMm);
    expect(text.map((l) => l.text).join('')).toContain('业增加值保持较快增长。');
  });

  it('repeats the two header rows of the 83-row table on every page it runs over', () => {
    expect(long.pages).toHaveLength(11);
    const pages = long.pages.map(squash);
    const first = pages.findIndex((p) => p.includes('目标任务完成情况表'));
    const last = pages.findIndex((p) => p.includes('新增高技能人才'));
    const tablePages = pages.map((p, i) => [i, p] as const).slice(first, last + 1);
    expect(tablePages.length).toBeGreaterThanOrEqual(4);
    for (const [i, p] of tablePages) {
      expect(p, `第${i + 1}页`).toContain('指标名称');
      expect(p, `第${i + 1}页`).toContain('责任单位');
      expect(p, `第${i + 1}页`).toContain('完成值');
    }
    expect(squash(long.pages[10]!)).toContain('（共印60份）');
  });

  it('puts the 通报 发文机关标志 35 mm below the type area, the 发文字号 under it and the red rule below', async () => {
    const page = await rasterPage(notice.pdf, 1);
    expect(firstRowMm(page, isRed)).toBeCloseTo(AREA.top + 35, 0);
    expect(squash(notice.pages[0]!)).toContain('湖州市先进制造业集群培育工作专班文件');
    expect(squash(notice.pages[0]!)).toContain('湖制造专班〔2023〕8号');
    expect(horizontalRules(page, isRed, 150)).toHaveLength(1);
    expect(squash(notice.pages[notice.pages.length - 1]!)).toContain('2023年10月8日印发');
  });

  it('prints a 运行分析报告 without masthead or red, its title on the first line', async () => {
    const page = await rasterPage(report.pdf, 1);
    expect(firstRowMm(page, isRed)).toBeUndefined();
    expect(squash(report.pages[0]!).startsWith('2023年1—9月全市先进制造业集群')).toBe(true);
    // Not from the sample workspace: no 示例数据 line and no header mark (the fixture's own table note still says so).
    expect(squash(report.pages.join(''))).not.toContain('（示例数据，仅供演示）');
    for (const page of report.pages) expect(squash(page).startsWith('示例数据')).toBe(false);
  });
});
