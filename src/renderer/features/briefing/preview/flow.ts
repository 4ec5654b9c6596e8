import { isListSection } from '../../../../shared/report/edits';
import { kindSpec } from '../../../../shared/report/kinds';
import { addresseeLine, CLOSING_SECTION } from '../../../../shared/report/layout-text';
import type { ChartBlock, ParagraphBlock, ReportModel, Section, TableBlock } from '../../../../shared/report/model';

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
  | {
      kind: 'paragraph';
      key: string;
      block: ParagraphBlock;
      sectionId: string;
      listIndex: number | null;
      /** Kept on one page with what follows (a 通报's closing lines with its 署名). */
      keepWithNext?: boolean;
    }
  | { kind: 'addressee'; key: string; text: string }
  | { kind: 'table'; key: string; block: TableBlock }
  | { kind: 'chart'; key: string; block: ChartBlock }
  | { kind: 'signature'; key: string }
  /** An attachment's first lines ("附件", its title on the third line), always on a new page. */
  | { kind: 'attachmentHead'; key: string; label: string; title: string }
  | { kind: 'endBlock'; key: string };

/** Whether a block must stay on the page of the block after it (headings and titles, as keepNext in Word). */
export function keepsWithNext(item: FlowItem): boolean {
  return (
    item.kind === 'title' ||
    item.kind === 'sectionHeading' ||
    item.kind === 'heading' ||
    item.kind === 'addressee' ||
    item.kind === 'attachmentHead'
  );
}

/** Whether a block starts a new page (an attachment, GB/T 9704 §7.3.7). */
export function startsPage(item: FlowItem): boolean {
  return item.kind === 'attachmentHead';
}

/**
 * The flow of a model. `editingNote` shows the 按语 block while the clerk writes a first one; the title's
 * blank lines follow the writer (two, or one after a 按语 or the 示例数据 line; none in a report).
 */
export function buildFlow(
  model: ReportModel,
  options: { editingNote?: boolean; titleEdited?: boolean } = {},
): FlowItem[] {
  const spec = kindSpec(model.meta.kind);
  const note = model.editorNote?.trim() ?? '';
  const hasNote = note !== '' || options.editingNote === true;
  const report = spec.head === 'reportTitle';
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
    linesBefore: hasNote || model.sample ? Math.min(1, spec.titleLinesBefore) : spec.titleLinesBefore,
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
  const addressee = addresseeLine(model);
  if (addressee) items.push({ kind: 'addressee', key: 'addressee', text: addressee });
  pushBlocks(items, model.sections, spec.signature);
  if (spec.signature) items.push({ kind: 'signature', key: 'signature' });
  model.attachments.forEach((a, i) => {
    const label = `附件${model.attachments.length > 1 ? i + 1 : ''}`;
    items.push({ kind: 'attachmentHead', key: `attachment/${i}`, label, title: a.title });
    pushBlocks(items, [{ id: `attachment-${i}`, blocks: a.blocks }]);
  });
  items.push({ kind: 'endBlock', key: 'end-block' });
  return items;
}

/** The flow items of sections: headings, paragraphs, tables, charts. */
function pushBlocks(items: FlowItem[], sections: readonly Section[], signed = false): void {
  for (const section of sections) {
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
            ...(signed && section.id === CLOSING_SECTION ? { keepWithNext: true } : {}),
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
}

/** The texts of a list section (存在问题 / 下步工作) as they stand, for rewriting one of them. */
export function listTexts(model: ReportModel, sectionId: string): string[] {
  const section = model.sections.find((s) => s.id === sectionId);
  return (section?.blocks ?? []).flatMap((b) =>
    b.type === 'paragraph' ? [b.editedText ?? b.runs.map((r) => r.text).join('')] : [],
  );
}
