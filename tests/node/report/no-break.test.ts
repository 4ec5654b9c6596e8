import { describe, expect, it } from 'vitest';
import { joinUnits, paragraphUnits, unitSpans, WORD_JOINER } from '../../../src/shared/report/no-break';
import { RunBuilder } from '../../../src/shared/report/runs';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import { briefingFixture } from '../../fixtures/report-model';
import { unzipDocx } from '../documents/docx-helpers';

const p = new RunBuilder()
  .text('全市累计')
  .amount(8202.6, 1, '亩', 'fig:a')
  .text('，同比增长')
  .amount(10.2, 1, '%', 'fig:b')
  .text('，高于目标（1200家）')
  .build('x');

describe('a number stays on one line with its unit', () => {
  it('knows the units of a paragraph: its facts’, percent, per-mille, points and the 项 of counts', () => {
    expect(paragraphUnits(p)).toEqual(['个百分点', '个千分点', '%', '‰', '项', '亩']);
  });

  it('cuts the text into unbreakable number-and-unit pieces', () => {
    const units = [...paragraphUnits(p), '家'];
    expect(unitSpans('累计8202.6亩，增长10.2%，目标（1200家）', units)).toEqual([
      { text: '累计', keep: false },
      { text: '8202.6亩', keep: true },
      { text: '，增长', keep: false },
      { text: '10.2%', keep: true },
      { text: '，目标（', keep: false },
      { text: '1200家', keep: true },
      { text: '）', keep: false },
    ]);
  });

  it('joins them with U+2060 in the .docx, between the number and each character of the unit', async () => {
    expect(joinUnits('提高0.9个百分点', ['个百分点'])).toBe(
      `提高0.9${WORD_JOINER}个${WORD_JOINER}百${WORD_JOINER}分${WORD_JOINER}点`,
    );
    const model = briefingFixture();
    const section = model.sections[0]!;
    const docx = await renderBriefingDocx({
      ...model,
      sections: [{ ...section, blocks: [p] }, ...model.sections.slice(1)],
    });
    const xml = unzipDocx(docx).get('word/document.xml')!;
    expect(xml).toContain(`8202.6${WORD_JOINER}亩`);
    expect(xml).toContain(`10.2${WORD_JOINER}%`);
  });
});
