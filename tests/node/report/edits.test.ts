import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import { buildWorkspaceReport } from '../../../src/main/services/reports/report-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { parsePeriod } from '../../../src/shared/domain/periods';
import { applyBriefingEdits } from '../../../src/shared/report/edits';
import { paragraphText, staleFacts, type ParagraphBlock, type ReportModel } from '../../../src/shared/report/model';
import type { BriefingEdits } from '../../../src/shared/schemas/briefing';
import { DEFAULT_SAMPLE_SEED } from '../../../src/cli/commands/sample';
import { tempDir, templates } from '../../support/workspace';

let ws: Workspace;
const OVERALL = 'overall/speed/1';
const edits: BriefingEdits = {
  title: '前三季度先进制造业集群\n运行情况',
  editorNote: '请各区县对照落后指标抓紧整改。',
  paragraphs: { [OVERALL]: '1—9月，全市规上工业增加值同比增长8.6%，势头良好。', 'next/2': '二是按时报送10月数据。' },
  problems: ['一是投资偏慢。', '  ', '二是报送不及时。'],
};

function build(e?: BriefingEdits): Promise<ReportModel> {
  return buildWorkspaceReport(ws, {
    period: parsePeriod('2023-09'),
    periodKey: '2023-09',
    kind: '简报',
    issueDate: new Date(2023, 9, 8),
    edits: e ?? { paragraphs: {} },
  }).then((r) => r.model);
}

function paragraphsOf(m: ReportModel, sectionId: string): ParagraphBlock[] {
  return (m.sections.find((s) => s.id === sectionId)?.blocks ?? []).filter(
    (b): b is ParagraphBlock => b.type === 'paragraph',
  );
}

beforeAll(async () => {
  ws = await createSampleWorkspace({
    dir: join(tempDir(), 'sample'),
    seed: DEFAULT_SAMPLE_SEED,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName: '示例',
  });
});

describe('applyBriefingEdits: the preview applies edits to the draft exactly as the writers get them from main', () => {
  it('gives the same model as building with the edits', async () => {
    const draft = await build();
    expect(applyBriefingEdits(draft, edits)).toEqual(await build(edits));
  });

  it('replaces the title, adds the 按语, marks edited paragraphs and replaces a rewritten list section', async () => {
    const m = applyBriefingEdits(await build(), edits);
    expect(m.title).toBe('前三季度先进制造业集群\n运行情况');
    expect(m.editorNote).toBe('请各区县对照落后指标抓紧整改。');
    const edited = paragraphsOf(m, 'overall').find((p) => p.id === OVERALL)!;
    expect(paragraphText(edited)).toBe('1—9月，全市规上工业增加值同比增长8.6%，势头良好。');
    const drafted = paragraphsOf(await build(), 'overall').find((p) => p.id === OVERALL)!;
    const stillThere = (t: string) => paragraphText(edited).includes(t);
    expect(staleFacts(edited).map((f) => f.text)).toEqual(
      drafted.runs.flatMap((r) => ('fact' in r && !stillThere(r.fact.text) ? [r.fact.text] : [])),
    );
    expect(staleFacts(edited).map((f) => f.text)).toContain('8.4');
    expect(paragraphsOf(m, 'problems').map((p) => [p.id, paragraphText(p)])).toEqual([
      ['problems/1', '一是投资偏慢。'],
      ['problems/2', '二是报送不及时。'],
    ]);
    expect(paragraphsOf(m, 'next').map(paragraphText)[1]).toBe('二是按时报送10月数据。');
  });

  it('leaves the draft alone without edits, and an empty 按语 adds none', async () => {
    const draft = await build();
    expect(applyBriefingEdits(draft, undefined)).toBe(draft);
    const m = applyBriefingEdits(draft, { paragraphs: {}, editorNote: '' });
    expect(m.editorNote).toBeUndefined();
    expect(m.title).toBe(draft.title);
    expect(paragraphsOf(m, 'problems').map(paragraphText)).toEqual(paragraphsOf(draft, 'problems').map(paragraphText));
  });
});
