import type { BriefingEdits } from '../schemas/briefing';
import type { Block, ParagraphBlock, ReportModel, Section } from './model';
import { RunBuilder } from './runs';

/** Sections whose paragraphs the clerk may replace as a whole list (存在问题, 下步工作). */
export const LIST_SECTIONS = { problems: 'problems', next: 'nextSteps' } as const satisfies Record<
  string,
  keyof BriefingEdits
>;
export type ListSectionId = keyof typeof LIST_SECTIONS;

export function isListSection(id: string): id is ListSectionId {
  return Object.prototype.hasOwnProperty.call(LIST_SECTIONS, id);
}

/** The clerk's own paragraphs of a list section: blank ones dropped, ids "<section>/<n>" like the draft's. */
export function listParagraphs(sectionId: string, texts: readonly string[]): ParagraphBlock[] {
  return texts.filter((t) => t.trim()).map((t, i) => new RunBuilder().text(t.trim()).build(`${sectionId}/${i + 1}`));
}

function withParagraphEdits(blocks: Block[], paragraphs: BriefingEdits['paragraphs']): Block[] {
  return blocks.map((b) =>
    b.type === 'paragraph' && paragraphs[b.id] !== undefined ? { ...b, editedText: paragraphs[b.id] } : b,
  );
}

/**
 * A drafted model with the clerk's edits applied: the title, 按语, edited paragraphs (their facts are still
 * checked against the new text), and 存在问题 / 下步工作 replaced when the clerk rewrote them as lists. The
 * writers and the on-screen preview both go through here, so they cannot disagree about an edit.
 */
export function applyBriefingEdits(draft: ReportModel, edits: BriefingEdits | undefined): ReportModel {
  if (!edits) return draft;
  const sections: Section[] = draft.sections.map((s) => {
    const list = isListSection(s.id) ? edits[LIST_SECTIONS[s.id]] : undefined;
    return { ...s, blocks: list ? listParagraphs(s.id, list) : withParagraphEdits(s.blocks, edits.paragraphs) };
  });
  const model: ReportModel = { ...draft, title: edits.title ?? draft.title, sections };
  const editorNote = edits.editorNote ?? draft.editorNote;
  if (editorNote) model.editorNote = editorNote;
  else delete model.editorNote;
  return model;
}
