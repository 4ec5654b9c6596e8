import { paragraphText, staleFacts, type ParagraphBlock, type ReportModel } from '../../../shared/report/model';

/** Warnings the clerk must see before sending a document: damaged data, edited numbers that no longer match. */
export function modelWarnings(model: ReportModel, damaged: { period: string; message: string }[]): string[] {
  const warnings = damaged.map(
    (d) => `${d.period} 的数据文件已损坏（${d.message}），文稿中该期数据可能不全，请先在“数据填报”中恢复。`,
  );
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.type !== 'paragraph') continue;
      for (const fact of staleFacts(block as ParagraphBlock)) {
        warnings.push(
          `修改过的段落“${paragraphText(block).slice(0, 24)}…”中应为 ${fact.text}，与当前数据不符，请核对。`,
        );
      }
    }
  }
  return warnings;
}
