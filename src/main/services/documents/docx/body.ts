import { ImageRun, Paragraph, TextRun, type FileChild } from 'docx';
import {
  paragraphText,
  type Block,
  type ChartBlock,
  type ReportModel,
  type TableBlock,
} from '../../../../shared/report/model';
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

function blockChildren(block: Block, images: ChartImages): FileChild[] {
  switch (block.type) {
    case 'paragraph':
      return [
        new Paragraph({
          style: block.style === 'note' ? S.note : S.body,
          children: [new TextRun(paragraphText(block))],
        }),
      ];
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
  for (const section of model.sections) {
    if (section.heading) out.push(new Paragraph({ style: S.heading1, children: [new TextRun(section.heading)] }));
    for (const block of section.blocks) out.push(...blockChildren(block, images));
  }
  return out;
}

/** Whether the ranking table already appears in the body (then it is not repeated as an attachment). */
export function rankingInBody(model: ReportModel): boolean {
  return model.sections.some((s) => s.blocks.some((b) => b.type === 'table' && b.id === model.ranking.id));
}

/**
 * The ranking table as an attachment (GB/T 9704 §7.3.7): on a new page, "附件" in 黑体 at the top left, the title
 * centred on the third line, then the table.
 */
export function attachmentChildren(table: TableBlock): FileChild[] {
  if (table.rows.length === 0) return [];
  return [
    new Paragraph({ style: S.attachmentLabel, pageBreakBefore: true, children: [new TextRun(ATTACHMENT_LABEL)] }),
    new Paragraph({ style: S.body }),
    new Paragraph({ style: S.title, children: lineRuns(table.title) }),
    ...tableBlockChildren(table, { withTitle: false }),
  ];
}
