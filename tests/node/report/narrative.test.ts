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

describe('drafted narrative for the sample workspace, 2023年1—9月', () => {
  it('titles and metadata: the 简报 numbers from its own counter', () => {
    expect(model.title).toBe('2023年1—9月先进制造业集群培育工程\n主要指标运行情况');
    expect(model.meta).toMatchObject({
      issueNumber: 8,
      documentNumber: '第8期',
      totalIssueNumber: 31,
      dateText: '2023年10月8日',
    });
    expect(model.meta.noticeNumber).toBeUndefined();
    expect(model.sample).toBe(true);
  });

  it('groups the 全市 figures into paragraphs instead of opening each with "1—9月，全市"', () => {
    const overall = paragraphs(model, 'overall');
    expect(overall.filter((p) => p.startsWith('1—9月，全市'))).toHaveLength(1);
    expect(overall.slice(2).map((p) => p.slice(0, 6))).toEqual(['任务进度方面', '质量效益方面']);
  });

  it('names district targets, milestones and rank changes', () => {
    const text = paragraphs(model, 'districts').join('');
    expect(text).toContain('长兴（7.2%，分解目标8.5%）');
    expect(text).toContain('吴兴（72.9%）、德清（77.6%）、安吉（80.4%）低于三季度末节点目标（85%）');
    expect(text).toMatch(/位次较上月，[^；。]*前移\d位/);
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
    expect(facts.slice(0, 4).map((f) => f.text)).toEqual(['8.4', '0.9', '0.3', '1.4']);
    expect(facts[0]?.ref).toBe('fig:2023-09/hz-mfg-cluster-regional-2023/industrial-value-added-growth/全市');
    expect(facts[0]?.unit).toBe('%');
  });

  it('keeps an edited paragraph and warns when its number no longer matches the data', async () => {
    const id = 'overall/speed/1';
    const edited = await buildWorkspaceReport(ws, {
      period: parsePeriod('2023-09'),
      periodKey: '2023-09',
      kind: '简报',
      issueDate: new Date(2023, 9, 8),
      edits: {
        paragraphs: { [id]: '1—9月，全市规上工业增加值同比增长8.6%，增速比上年同期提高0.9个百分点，势头良好。' },
      },
    });
    const p = edited.model.sections[0]?.blocks.find((b) => b.type === 'paragraph' && b.id === id) as ParagraphBlock;
    expect(paragraphText(p)).toContain('势头良好');
    expect(staleFacts(p).map((f) => f.text)).toContain('8.4');
    expect(staleFacts(p).map((f) => f.text)).not.toContain('0.9');
  });
});
