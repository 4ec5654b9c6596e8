import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_SAMPLE_SEED } from '../../../src/cli/commands/sample';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import { buildWorkspaceReport } from '../../../src/main/services/reports/report-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { formatDocumentNumber, kindSpec, nextNumber } from '../../../src/shared/report/kinds';
import { closingLine, endBlockLines } from '../../../src/shared/report/layout-text';
import { paragraphText, type ReportModel } from '../../../src/shared/report/model';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/shared/schemas/document-kind';
import { DocumentSettingsSchema } from '../../../src/shared/schemas/workspace';
import { tempDir, templates } from '../../support/workspace';

describe('the kinds table', () => {
  it('describes every kind, each with its own counter that the settings hold', () => {
    const settings = DocumentSettingsSchema.parse({
      briefingName: '简报',
      issuer: '办公室',
      noticeIssuerMark: '办公室',
      noticeNumberPrefix: '湖制造专班',
    });
    const counters = DOCUMENT_KINDS.map((k) => kindSpec(k).counter.setting);
    expect(new Set(counters).size).toBe(DOCUMENT_KINDS.length);
    for (const kind of DOCUMENT_KINDS) {
      const spec = kindSpec(kind);
      expect(spec.kind).toBe(kind);
      expect(settings[spec.counter.setting]).toEqual({});
      expect(new Set(spec.sections.map((s) => s.id)).size).toBe(spec.sections.length);
    }
  });

  it('prints a 通报 文号 as GB/T 9704 §7.2.5 wants it, and 期号 for the others', () => {
    const notice = kindSpec('通报').counter;
    expect(formatDocumentNumber(notice, '湖制造专班', 2026, 1)).toBe('湖制造专班〔2026〕1号');
    expect(formatDocumentNumber(notice, '湖制造专班', 2026, 12)).toMatch(/^.+〔\d{4}〕[1-9]\d*号$/);
    expect(formatDocumentNumber(kindSpec('简报').counter, '湖制造专班', 2026, 8)).toBe('第8期');
    const counters = { issueCounters: { '2026': 8 }, reportCounters: {}, noticeCounters: { '2026': 5 } };
    expect(nextNumber(notice, counters, 2026)).toBe(5);
    expect(nextNumber(kindSpec('运行分析报告').counter, counters, 2026)).toBe(1);
    expect(nextNumber(kindSpec('简报').counter, counters, 2027)).toBe(1);
  });
});

describe('three genuinely different documents from the same figures (sample, 2023年1—9月)', () => {
  let ws: Workspace;
  const models = new Map<DocumentKind, ReportModel>();
  beforeAll(async () => {
    ws = await createSampleWorkspace({
      dir: join(tempDir(), 'sample'),
      seed: DEFAULT_SAMPLE_SEED,
      systems: await templates.all(),
      registries: await templates.registries(),
      userName: '示例',
      issueYear: 2023,
    });
    for (const kind of DOCUMENT_KINDS) {
      const { model } = await buildWorkspaceReport(ws, {
        period: parsePeriod('2023-09'),
        periodKey: '2023-09',
        kind,
        issueDate: new Date(2023, 9, 8),
      });
      models.set(kind, model);
    }
  });

  const texts = (m: ReportModel) =>
    m.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'paragraph' ? [paragraphText(b)] : [])));

  it('gives each kind its sections and its own number', () => {
    const headings = (k: DocumentKind) => models.get(k)!.sections.flatMap((s) => (s.heading ? [s.heading] : []));
    expect(headings('简报')).toEqual(['一、总体情况', '二、分区县情况', '三、存在问题', '四、下步工作']);
    expect(headings('运行分析报告')).toEqual([
      '一、总体运行情况',
      '二、主要指标分析',
      '三、分区县情况',
      '四、下步预判和建议',
    ]);
    expect(headings('通报')).toEqual(['一、总体情况', '二、各区县进展情况', '三、表扬和督促', '四、下步要求']);
    expect(models.get('简报')!.meta.documentNumber).toBe('第8期');
    expect(models.get('运行分析报告')!.meta.documentNumber).toBe('第9期');
    expect(models.get('通报')!.meta.documentNumber).toBe('湖制造专班〔2023〕3号');
  });

  it('a 通报 has 主送机关, 表扬 and 督促 by name, 特此通报, the tables as 附件 and 抄送 in the 版记', () => {
    const notice = models.get('通报')!;
    const body = texts(notice);
    expect(notice.meta.addressees).toEqual(['各区县人民政府，南太湖新区管委会']);
    expect(body[0]).toBe('现将2023年1—9月全市先进制造业集群培育工程主要指标进展情况通报如下：');
    // 南浔 and 南太湖新区 lead on most indicators but are below 全市 on 规上工业亩均税收 (compared with 全市 only):
    // "无落后指标" would be untrue, so nobody is praised this period.
    expect(body.find((t) => t.includes('规上工业亩均税收') && t.includes('低于全市平均水平'))).toContain('南浔');
    expect(body.find((t) => t.includes('予以通报表扬'))).toBeUndefined();
    expect(body.find((t) => t.includes('请吴兴、德清'))).toContain('吴兴、德清各有');
    expect(body.slice(-2)).toEqual(['特此通报。', '附件：2023年1—9月各区县主要指标完成情况表']);
    expect(notice.attachments.map((a) => [a.title, a.blocks.map((b) => b.type)])).toEqual([
      ['2023年1—9月各区县主要指标完成情况表', ['table', 'table', 'table']],
    ]);
    expect(notice.sections.flatMap((s) => s.blocks).some((b) => b.type === 'table')).toBe(false);
    expect(endBlockLines(notice)).toEqual(['抄送：市委、市政府领导，市级有关部门。']);
    expect(closingLine(notice)).toEqual({
      left: '湖州市先进制造业集群培育工程工作专班办公室',
      right: '2023年10月8日印发',
    });
  });

  it('a 运行分析报告 analyses each indicator with a place for the reasons, and draws the year against last year', () => {
    const report = models.get('运行分析报告')!;
    const analysis = report.sections.find((s) => s.id === 'indicators')!;
    const reasons = analysis.blocks.filter((b) => b.type === 'paragraph' && b.style === 'placeholder');
    expect(reasons).toHaveLength(7);
    expect(texts(report)).toContain('主要原因：【请填写原因分析】');
    const chart = analysis.blocks.find((b) => b.type === 'chart');
    expect(chart?.type === 'chart' && chart.trend?.series.map((s) => s.name)).toEqual(['2023年', '2022年']);
    expect(chart?.type === 'chart' && chart.trend?.series[1]?.values.filter((v) => v !== null)).toHaveLength(12);
    expect(endBlockLines(report)).toEqual([
      '报：市委、市政府领导。',
      '送：市级有关部门。',
      '发：各区县人民政府，南太湖新区管委会。',
    ]);
  });

  it('no two kinds share their body', () => {
    const bodies = DOCUMENT_KINDS.map((k) => texts(models.get(k)!).join('\n'));
    expect(new Set(bodies).size).toBe(3);
  });
});
