import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import { buildWorkspaceReport } from '../../../src/main/services/reports/report-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { paragraphText, staleFacts, type ParagraphBlock, type ReportModel } from '../../../src/shared/report/model';
import { DEFAULT_SAMPLE_SEED } from '../../../src/cli/commands/sample';
import { tempDir, templates } from '../../support/workspace';

let ws: Workspace;
let model: ReportModel;

function paragraphs(m: ReportModel, sectionId: string): string[] {
  return (m.sections.find((s) => s.id === sectionId)?.blocks ?? [])
    .filter((b): b is ParagraphBlock => b.type === 'paragraph')
    .map(paragraphText);
}

beforeAll(async () => {
  ws = await createSampleWorkspace({
    dir: join(tempDir(), 'sample'),
    seed: DEFAULT_SAMPLE_SEED,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName: '示例',
  });
  ({ model } = await buildWorkspaceReport(ws, {
    period: parsePeriod('2023-09'),
    periodKey: '2023-09',
    kind: '简报',
    issueDate: new Date(2023, 9, 8),
  }));
});

describe('drafted narrative for the sample workspace, 2023年1—9月 (golden sentences)', () => {
  it('titles and metadata', () => {
    expect(model.title).toBe('2023年1—9月先进制造业集群培育工程\n主要指标运行情况');
    expect(model.meta).toMatchObject({
      issueNumber: 8,
      totalIssueNumber: 31,
      dateText: '2023年10月8日',
      noticeNumber: '湖制造专班〔2023〕8号',
    });
    expect(model.sample).toBe(true);
  });

  it('overall situation', () => {
    expect(paragraphs(model, 'overall')).toEqual([
      '1—9月，全市纳入监测的6项主要指标总体运行平稳，均达到序时进度或年度目标要求。',
      '1—9月，全市规上工业增加值同比增长8.4%，增速比上年同期提高0.9个百分点，高于全省平均0.3个百分点，高于年度目标1.4个百分点。',
      '1—9月，全市制造业投资同比增长12.5%，增速比上年同期提高1.5个百分点，高于全省平均1.3个百分点，高于年度目标0.5个百分点。',
      '1—9月，全市数字经济核心产业制造业增加值同比增长10.2%，增速比上年同期提高0.6个百分点，高于全省平均1.1个百分点，高于年度目标0.2个百分点。',
      '1—9月，全市高耗低效整治企业数累计937家，同比增长9.2%，完成年度目标的78.1%，超序时进度3.1个百分点。',
      '1—9月，全市高耗低效整治腾出用地面积累计7642.6亩，同比增长6.4%，完成年度目标的76.4%，超序时进度1.4个百分点。',
      '1—9月，全市规上工业亩均税收为28.6万元/亩，同比增长7.5%。',
    ]);
  });

  it('districts: leaders, ties, laggards, missing', () => {
    expect(paragraphs(model, 'districts')).toEqual([
      '分区县看，规上工业增加值增速南太湖新区、南浔居前两位，分别为12.6%和8.7%；德清、长兴并列第3位；吴兴、德清、长兴、安吉低于全市平均水平。',
      '分区县看，制造业投资增速南浔、长兴居前两位，分别为13.4%和13.0%；吴兴、德清低于全市平均水平；安吉尚未报送。',
      '分区县看，数字经济核心产业制造业增加值增速南浔、南太湖新区居前两位，分别为11.9%和10.8%；吴兴、德清、安吉低于全市平均水平。',
      '分区县看，高耗低效整治企业数完成率南浔、长兴居前两位，分别为88.4%和85.2%；吴兴、德清、安吉、南太湖新区低于全市平均水平；吴兴、德清、安吉落后序时进度。',
      '分区县看，高耗低效整治腾出用地面积完成率长兴、南浔居前两位，分别为85.1%和83.2%；吴兴、德清、安吉低于全市平均水平；吴兴、德清、安吉落后序时进度。',
      '分区县看，规上工业亩均税收长兴、吴兴居前两位，分别为31.4万元/亩和30.5万元/亩；南浔、德清、安吉、南太湖新区低于全市平均水平。',
    ]);
  });

  it('never writes 增长- or a hyphen in a month span', () => {
    const all = model.sections
      .flatMap((s) => s.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map(paragraphText))
      .join('');
    expect(all).not.toMatch(/增长-|下降-|1-\d+月/);
    expect(all).toContain('1\u20149月');
  });

  it('links every number in the prose to the fact it states', () => {
    const p = model.sections[0]?.blocks[1] as ParagraphBlock;
    const facts = p.runs.flatMap((r) => ('fact' in r ? [r.fact] : []));
    expect(facts.map((f) => f.text)).toEqual(['8.4', '0.9', '0.3', '1.4']);
    expect(facts[0]?.ref).toBe('fig:2023-09/hz-mfg-cluster-regional-2023/industrial-value-added-growth/全市');
  });

  it('keeps an edited paragraph and warns when its number no longer matches the data', async () => {
    const id = 'overall/hz-mfg-cluster-regional-2023/industrial-value-added-growth';
    const edited = await buildWorkspaceReport(ws, {
      period: parsePeriod('2023-09'),
      periodKey: '2023-09',
      kind: '简报',
      issueDate: new Date(2023, 9, 8),
      edits: {
        paragraphs: {
          [id]: '1—9月，全市规上工业增加值同比增长8.6%，增速比上年同期提高0.9个百分点，高于全省平均0.3个百分点，高于年度目标1.4个百分点，势头良好。',
        },
      },
    });
    const p = edited.model.sections[0]?.blocks.find((b) => b.type === 'paragraph' && b.id === id) as ParagraphBlock;
    expect(paragraphText(p)).toContain('势头良好');
    expect(staleFacts(p).map((f) => f.text)).toEqual(['8.4']);
  });
});
