import { isListSection } from '../../../../shared/report/edits';
import type { ChartBlock, ParagraphBlock, ReportModel, TableBlock } from '../../../../shared/report/model';

/**
 * The document as a flow of blocks, top to bottom, in the order and with the spacing the .docx writer uses
 * (masthead, 按语, title, sections, 署名, 版记). The preview measures these and lays them onto A4 pages.
 */
export type FlowItem =
  | { kind: 'masthead'; key: string }
  | { kind: 'editorNote'; key: string; text: string; spaceBefore: boolean }
  | { kind: 'title'; key: string; text: string; linesBefore: number; lineAfter: boolean; edited: boolean }
  | { kind: 'byline'; key: string; blankAfter: boolean }
  | { kind: 'sectionHeading'; key: string; sectionId: string; text: string; listSection: boolean }
  | { kind: 'heading'; key: string; level: 1 | 2 | 3 | 4; text: string }
  | { kind: 'paragraph'; key: string; block: ParagraphBlock; sectionId: string; listIndex: number | null }
  | { kind: 'table'; key: string; block: TableBlock }
  | { kind: 'chart'; key: string; block: ChartBlock }
  | { kind: 'signature'; key: string }
  | { kind: 'endBlock'; key: string };

/** Whether a block must stay on the page of the block after it (headings and titles, as keepNext in Word). */
export function keepsWithNext(item: FlowItem): boolean {
  return item.kind === 'title' || item.kind === 'sectionHeading' || item.kind === 'heading';
}

/**
 * The flow of a model. `editingNote` shows the 按语 block while the clerk writes a first one; the title's
 * blank lines follow the writer (two, or one after a 按语 or the 示例数据 line; none in a report).
 */
export function buildFlow(
  model: ReportModel,
  options: { editingNote?: boolean; titleEdited?: boolean } = {},
): FlowItem[] {
  const kind = model.meta.kind;
  const note = model.editorNote?.trim() ?? '';
  const hasNote = note !== '' || options.editingNote === true;
  const report = kind === '运行分析报告';
  const items: FlowItem[] = [];
  const noteItem: FlowItem = {
    kind: 'editorNote',
    key: 'editor-note',
    text: model.editorNote ?? '',
    spaceBefore: !report,
  };
  const title: FlowItem = {
    kind: 'title',
    key: 'title',
    text: model.title,
    linesBefore: report ? 0 : hasNote || model.sample ? 1 : 2,
    lineAfter: !report,
    edited: options.titleEdited === true,
  };
  if (report) {
    items.push(title, { kind: 'byline', key: 'byline', blankAfter: !hasNote });
    if (hasNote) items.push(noteItem);
  } else {
    items.push({ kind: 'masthead', key: 'masthead' });
    if (hasNote) items.push(noteItem);
    items.push(title);
  }
  for (const section of model.sections) {
    const listSection = isListSection(section.id);
    if (section.heading)
      items.push({
        kind: 'sectionHeading',
        key: `section/${section.id}`,
        sectionId: section.id,
        text: section.heading,
        listSection,
      });
    let listIndex = 0;
    section.blocks.forEach((block, i) => {
      const key = `${section.id}/${i}`;
      switch (block.type) {
        case 'paragraph':
          items.push({
            kind: 'paragraph',
            key: `p/${block.id}`,
            block,
            sectionId: section.id,
            listIndex: listSection ? listIndex++ : null,
          });
          break;
        case 'heading':
          items.push({ kind: 'heading', key, level: block.level, text: block.text });
          break;
        case 'table':
          if (block.columns.length > 0) items.push({ kind: 'table', key: `t/${block.id}`, block });
          break;
        case 'chart':
          items.push({ kind: 'chart', key: `c/${block.id}`, block });
          break;
      }
    });
  }
  if (kind === '通报') items.push({ kind: 'signature', key: 'signature' });
  items.push({ kind: 'endBlock', key: 'end-block' });
  return items;
}

/** The texts of a list section (存在问题 / 下步工作) as they stand, for rewriting one of them. */
export function listTexts(model: ReportModel, sectionId: string): string[] {
  const section = model.sections.find((s) => s.id === sectionId);
  return (section?.blocks ?? []).flatMap((b) =>
    b.type === 'paragraph' ? [b.editedText ?? b.runs.map((r) => r.text).join('')] : [],
  );
}
