import type { CheckItem } from '../api-types';
import { paragraphText, staleFacts, type ParagraphBlock, type ReportModel } from './model';

/**
 * Content checks made on the report model rather than on the file: numbers in edited paragraphs that no longer
 * match the data. They join the .docx checker's items, so an export with such a number is never called in order.
 */
export function modelContentChecks(model: ReportModel): CheckItem[] {
  const stale = model.sections.flatMap((s) =>
    s.blocks
      .filter((b): b is ParagraphBlock => b.type === 'paragraph')
      .flatMap((p) => staleFacts(p).map((f) => ({ p, f }))),
  );
  return [
    {
      id: 'stale-numbers',
      label: '改写段落中的数字与数据一致',
      pass: stale.length === 0,
      measured: stale.length
        ? stale
            .slice(0, 3)
            .map(({ p, f }) => `“${paragraphText(p).slice(0, 12)}…”应为 ${f.text}`)
            .join('；') + (stale.length > 3 ? ` 等 ${stale.length} 处` : '')
        : '改写过的段落中，数字均与当前数据一致',
      expected: '改写过的段落仍写着当前数据中的数字',
      group: '内容',
    },
  ];
}
