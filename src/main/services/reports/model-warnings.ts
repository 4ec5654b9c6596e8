import { paragraphText, staleFacts, type ParagraphBlock, type ReportModel } from '../../../shared/report/model';

/**
 * Warnings the clerk must see before sending a document: damaged data, systems that failed to load (their
 * indicators are missing from it), edited numbers that no longer match.
 */
export function modelWarnings(
  model: ReportModel,
  damaged: { period: string; message: string }[],
  problems: string[] = [],
): string[] {
  const warnings = [
    ...problems.map((p) => `工作区文件有问题（${p}），该指标体系未载入，文稿中没有它的指标。`),
    ...damaged.map(
      (d) => `${d.period} 的数据文件不能使用（${d.message}），文稿中该期数据可能不全，请先在“数据填报”中处理。`,
    ),
  ];
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
