import { Document, Packer, type FileChild } from 'docx';
import type { ChartBlock, ReportModel } from '../../../../shared/report/model';
import type { RenderedChart } from '../charts';
import {
  addresseeChildren,
  attachmentChildren,
  editorNoteChildren,
  rankingAttachmentChildren,
  rankingInBody,
  sectionsChildren,
  type ChartImages,
} from './body';
import { endBlockChildren, signatureChildren } from './end-block';
import { resolvedFonts } from './fonts';
import { mastheadChildren, titleChildren } from './masthead';
import { sectionOptions } from './page';
import { styleComponents } from './styles';
import { kindSpec } from '../../../../shared/report/kinds';
import { mastheadSizePt as sharedMastheadSize } from '../../../../shared/report/layout-text';
import { TEXT_HEIGHT } from './units';

export interface RenderBriefingOptions {
  /** CJK font files for chart labels, first found wins; defaults to the platform's usual fonts. */
  chartFonts?: string[];
  /** Receives warnings in Chinese (e.g. no CJK font for the charts); the document is still written. */
  onWarning?: (message: string) => void;
}

const DEFAULT_LINE_PITCH = 579;

/** The model's line pitch, or 579 twips (22 lines filling the 225 mm type area) when it is not a usable number. */
export function effectiveLinePitch(model: ReportModel): number {
  const p = model.style.linePitchTwips;
  return Number.isFinite(p) && p >= 240 && p <= TEXT_HEIGHT / 10 ? Math.round(p) : DEFAULT_LINE_PITCH;
}

function chartBlocks(model: ReportModel): ChartBlock[] {
  const blocks = [...model.sections.flatMap((s) => s.blocks), ...model.attachments.flatMap((a) => a.blocks)];
  return blocks.filter((b): b is ChartBlock => b.type === 'chart');
}

async function renderCharts(model: ReportModel, options: RenderBriefingOptions): Promise<ChartImages> {
  const blocks = chartBlocks(model);
  const images = new Map<string, RenderedChart>();
  if (blocks.length === 0) return images;
  // Loaded only when a chart is present: ECharts and resvg cost start-up time the other documents need not pay.
  const { renderChartPng } = await import('../charts');
  const rendered = await Promise.all(
    blocks.map((b) => renderChartPng(b, options.chartFonts ? { fonts: options.chartFonts } : {})),
  );
  blocks.forEach((b, i) => {
    const r = rendered[i]!;
    images.set(b.id, r);
    for (const w of r.warnings) options.onWarning?.(w);
  });
  return images;
}

/** The part above the body: per the kind's head layout, with the 按语 where the kind puts it. */
function headChildren(model: ReportModel, mastheadPt: number, linePitch: number): FileChild[] {
  const fonts = resolvedFonts(model.style);
  const note = editorNoteChildren(model.editorNote, fonts, linePitch);
  switch (kindSpec(model.meta.kind).head) {
    case 'reportTitle':
      return [...titleChildren(model, linePitch, note.length > 0), ...note];
    case 'briefingMasthead':
    case 'noticeMark':
      return [
        ...mastheadChildren(model, mastheadPt, linePitch),
        ...note,
        ...titleChildren(model, linePitch, note.length > 0),
      ];
  }
}

/** Everything in the document body, top to bottom: head, 主送, sections, 署名, 附件, 版记. */
export function bodyChildren(
  model: ReportModel,
  images: ChartImages,
  mastheadPt: number,
  linePitch: number,
): FileChild[] {
  return [
    ...headChildren(model, mastheadPt, linePitch),
    ...addresseeChildren(model),
    ...sectionsChildren(model, images),
    ...signatureChildren(model, linePitch),
    ...model.attachments.flatMap((a, i) =>
      attachmentChildren(a, model.attachments.length > 1 ? i + 1 : undefined, images),
    ),
    ...(model.attachRanking && !rankingInBody(model) ? rankingAttachmentChildren(model.ranking) : []),
    ...endBlockChildren(model),
  ];
}

/** The masthead name / 发文机关标志 size, fitted to one line (shared with the preview). */
export function mastheadSizePt(model: ReportModel): number {
  return sharedMastheadSize(model);
}

/** Builds the docx object tree (synchronous part of rendering; exposed for benchmarks). */
export function buildBriefingDocument(model: ReportModel, images: ChartImages): Document {
  const linePitch = effectiveLinePitch(model);
  const mastheadPt = mastheadSizePt(model);
  return new Document({
    title: model.title,
    creator: model.meta.issuer,
    ...(model.sample ? { description: '示例数据' } : {}),
    evenAndOddHeaderAndFooters: true,
    styles: { importedStyles: styleComponents({ fonts: resolvedFonts(model.style), linePitch, mastheadPt }) },
    sections: [sectionOptions(bodyChildren(model, images, mastheadPt, linePitch), linePitch, model.sample)],
  });
}

/** Report model → .docx in the official layout (GB/T 9704 page, fonts, page numbers; 简报 / 通报 / 运行分析报告). */
export async function renderBriefingDocx(model: ReportModel, options: RenderBriefingOptions = {}): Promise<Buffer> {
  const images = await renderCharts(model, options);
  return Packer.toBuffer(buildBriefingDocument(model, images));
}
