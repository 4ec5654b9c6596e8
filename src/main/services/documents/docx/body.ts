import { ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import { kindSpec } from '../../../../shared/report/kinds';
import { addresseeLine, CLOSING_SECTION, REASON_PLACEHOLDER } from '../../../../shared/report/layout-text';
import {
  paragraphText,
  type Attachment,
  type Block,
  type ChartBlock,
  type ParagraphBlock,
  type ReportModel,
  type TableBlock,
} from '../../../../shared/report/model';
import { joinUnits, paragraphUnits } from '../../../../shared/report/no-break';
import type { RenderedChart } from '../charts';
import { runFont, type Fonts } from './fonts';
import { S } from './style-ids';
import { lineRuns, tableBlockChildren } from './table';
import { TEXT_WIDTH } from './units';

export const EDITOR_NOTE_LABEL = '编者按：';
export const ATTACHMENT_LABEL = '附件';

const HEADING_STYLE = { 1: S.heading1, 2: S.heading2, 3: S.heading3, 4: S.heading4 } as const;

/** Charts rendered beforehand (rendering is asynchronous; building the document is not). */
export type ChartImages = ReadonlyMap<string, RenderedChart>;

function chartChildren(block: ChartBlock, images: ChartImages): FileChild[] {
  const caption = new Paragraph({ style: S.caption, children: lineRuns(block.title) });
  const image = images.get(block.id);
  if (!image) return [caption, new Paragraph({ style: S.figure, children: [new TextRun('（图表未能生成）')] })];
  // The picture spans the type area: twips → CSS pixels at 96 dpi.
  const width = Math.floor(TEXT_WIDTH / 15);
  const height = Math.round((width * image.height) / image.width);
  return [
    caption,
    new Paragraph({
      style: S.figure,
      children: [
        new ImageRun({
          type: 'png',
          data: image.png,
          transformation: { width, height },
          altText: { name: block.title, title: block.title, description: block.title },
        }),
      ],
    }),
  ];
}

const PARAGRAPH_STYLE: Record<NonNullable<ParagraphBlock['style']>, string> = {
  body: S.body,
  note: S.note,
  attachmentNote: S.attachmentNote,
  placeholder: S.body,
};

/** A narrative paragraph; numbers joined to their units; a place still to fill in is highlighted. */
function paragraphChildren(block: ParagraphBlock, keepNext: boolean): Paragraph {
  const text = joinUnits(paragraphText(block), paragraphUnits(block));
  const open = block.style === 'placeholder' && text.includes(REASON_PLACEHOLDER);
  return new Paragraph({
    style: PARAGRAPH_STYLE[block.style ?? 'body'],
    ...(keepNext ? { keepNext } : {}),
    children: [open ? new TextRun({ text, highlight: 'yellow' }) : new TextRun(text)],
  });
}

function blockChildren(block: Block, images: ChartImages, keepNext = false): FileChild[] {
  switch (block.type) {
    case 'paragraph':
      return [paragraphChildren(block, keepNext)];
    case 'heading':
      return [new Paragraph({ style: HEADING_STYLE[block.level], children: [new TextRun(block.text)] })];
    case 'table':
      return tableBlockChildren(block, { withTitle: true });
    case 'chart':
      return chartChildren(block, images);
  }
}

/** 编者按 before the title: the label in the 一级 heading font, the note in 楷体. */
export function editorNoteChildren(note: string | undefined, fonts: Fonts, linePitch: number): FileChild[] {
  const text = note?.trim();
  if (!text) return [];
  const labelled = /^(编者按|按语|编者的话)[:：]/.test(text);
  return [
    new Paragraph({
      style: S.editorNote,
      spacing: { before: linePitch },
      children: labelled
        ? [new TextRun(text)]
        : [new TextRun({ text: EDITOR_NOTE_LABEL, font: runFont(fonts.heading1, fonts.latin) }), new TextRun(text)],
    }),
  ];
}

export function sectionsChildren(model: ReportModel, images: ChartImages): FileChild[] {
  const out: FileChild[] = [];
  // The closing lines go to the 署名's page with it, so the 署名 never stands on a page of its own (§7.3.5.5).
  const signed = kindSpec(model.meta.kind).signature;
  for (const section of model.sections) {
    if (section.heading) out.push(new Paragraph({ style: S.heading1, children: [new TextRun(section.heading)] }));
    const keep = signed && section.id === CLOSING_SECTION;
    for (const block of section.blocks) out.push(...blockChildren(block, images, keep));
  }
  return out;
}

/** Whether the ranking table already appears in the body (then it is not repeated as an attachment). */
export function rankingInBody(model: ReportModel): boolean {
  return model.sections.some((s) => s.blocks.some((b) => b.type === 'table' && b.id === model.ranking.id));
}

/**
 * An attachment (GB/T 9704 §7.3.7): on a new page, "附件" (with its number when there are several) in 黑体 at the
 * top left, the title centred on the third line, then its blocks.
 */
export function attachmentChildren(
  attachment: Attachment,
  number: number | undefined,
  images: ChartImages,
): FileChild[] {
  if (attachment.blocks.length === 0) return [];
  return [
    new Paragraph({
      style: S.attachmentLabel,
      pageBreakBefore: true,
      children: [new TextRun(`${ATTACHMENT_LABEL}${number ?? ''}`)],
    }),
    new Paragraph({ style: S.body }),
    new Paragraph({ style: S.title, children: lineRuns(attachment.title) }),
    ...attachment.blocks.flatMap((b) => blockChildren(b, images)),
  ];
}

/** The ranking table printed as an attachment (when the workspace asks for it), under its own title. */
export function rankingAttachmentChildren(table: TableBlock): FileChild[] {
  if (table.rows.length === 0) return [];
  return [
    new Paragraph({ style: S.attachmentLabel, pageBreakBefore: true, children: [new TextRun(ATTACHMENT_LABEL)] }),
    new Paragraph({ style: S.body }),
    new Paragraph({ style: S.title, children: lineRuns(table.title) }),
    ...tableBlockChildren(table, { withTitle: false }),
  ];
}

/** The 主送机关 line of a 通报, flush left under the title (GB/T 9704 §7.3.2). */
export function addresseeChildren(model: ReportModel): FileChild[] {
  const line = addresseeLine(model);
  return line ? [new Paragraph({ style: S.addressee, children: [new TextRun(line)] })] : [];
}
