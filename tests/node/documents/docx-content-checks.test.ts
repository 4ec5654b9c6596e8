import { describe, expect, it } from 'vitest';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import { checkBriefingDocx, type CheckItem } from '../../../src/main/services/documents/docx-checker';
import type { ReportModel } from '../../../src/shared/report/model';
import { modelContentChecks } from '../../../src/shared/report/model-checks';
import { briefingFixture } from '../../fixtures/report-model';

const byId = (items: CheckItem[]) => new Map(items.map((i) => [i.id, i]));

async function check(model: ReportModel, extra: { yearEnd?: boolean } = {}) {
  return byId(
    await checkBriefingDocx(await renderBriefingDocx(model), {
      kind: model.meta.kind,
      fonts: model.style.fonts,
      sample: model.sample,
      copies: model.meta.copies,
      dateText: model.meta.dateText,
      ...extra,
    }),
  );
}

function withParagraph(model: ReportModel, text: string, style?: 'placeholder'): ReportModel {
  const [first, ...rest] = model.sections;
  return {
    ...model,
    sections: [
      {
        ...first!,
        blocks: [...first!.blocks, { type: 'paragraph', id: 'x', runs: [{ text }], ...(style ? { style } : {}) }],
      },
      ...rest,
    ],
  };
}

describe('content checks: what the text says, beyond the layout', () => {
  it('fails a report whose 原因 places are left open, and passes it once they are filled', async () => {
    const report = briefingFixture({ kind: '运行分析报告', sample: false });
    const open = await check(withParagraph(report, '主要原因：【请填写原因分析】', 'placeholder'));
    expect(open.get('placeholders')).toMatchObject({
      pass: false,
      group: '内容',
      measured: '还有 1 处“【请填写原因分析】”',
    });
    const filled = await check(withParagraph(report, '主要原因：新项目集中投产。', 'placeholder'));
    expect(filled.get('placeholders')?.pass).toBe(true);
  });

  it('fails section numbers that jump', async () => {
    const model = briefingFixture();
    const jumped: ReportModel = {
      ...model,
      sections: model.sections.map((s, i) =>
        i === 1 && s.heading ? { ...s, heading: s.heading.replace(/^二/, '三') } : s,
      ),
    };
    expect((await check(model)).get('numbering')?.pass).toBe(true);
    const item = (await check(jumped)).get('numbering');
    expect(item?.pass).toBe(false);
    expect(item?.measured).toMatch(/^序号不连续：1、3/);
  });

  it('flags an empty 版记 instead of calling the document in order', async () => {
    const model = briefingFixture();
    const empty = { ...model, meta: { ...model.meta, distribution: { bao: [], song: [], fa: [] } } };
    const item = (await check(empty)).get('distribution');
    expect(item).toMatchObject({ pass: false, label: '版记（报/送/发）' });
    expect(item?.measured).toContain('版记是空的');
  });

  it('checks a 通报 for its 主送机关, 特此通报, 附件说明 with 附件, and 抄送', async () => {
    const notice = briefingFixture({ kind: '通报' });
    const good = await check(notice);
    for (const id of ['addressee', 'closing', 'attachment', 'distribution'])
      expect(good.get(id), id).toMatchObject({ pass: true });
    expect(good.get('distribution')?.label).toBe('版记（抄送）');
    const bare = await check({
      ...notice,
      meta: { ...notice.meta, addressees: [], copyTo: [] },
      sections: notice.sections.filter((s) => s.id !== 'closing'),
    });
    expect(bare.get('addressee')?.pass).toBe(false);
    expect(bare.get('closing')?.pass).toBe(false);
    expect(bare.get('attachment')?.pass).toBe(false);
    expect(bare.get('distribution')?.pass).toBe(false);
  });

  it('at year end, fails "1—12月"', async () => {
    const model = withParagraph(briefingFixture(), '1—12月，全市规上工业增加值同比增长8.0%。');
    expect((await check(model, { yearEnd: true })).get('year-end')).toMatchObject({ pass: false, group: '内容' });
    expect((await check(briefingFixture(), { yearEnd: true })).get('year-end')?.pass).toBe(true);
  });

  it('fails an edited paragraph whose number no longer matches the data (model check)', () => {
    const model = briefingFixture();
    const section = model.sections[0]!;
    const p = section.blocks.find((b) => b.type === 'paragraph' && b.runs.some((r) => 'fact' in r));
    if (!p || p.type !== 'paragraph') throw new Error('fixture has no paragraph with a number');
    const edited = { ...p, editedText: '改写后不再有那个数字。' };
    const stale = modelContentChecks({
      ...model,
      sections: [{ ...section, blocks: section.blocks.map((b) => (b === p ? edited : b)) }, ...model.sections.slice(1)],
    });
    expect(stale[0]).toMatchObject({ id: 'stale-numbers', pass: false, group: '内容' });
    expect(modelContentChecks(model)[0]?.pass).toBe(true);
  });
});
