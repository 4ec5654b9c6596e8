import { Document, Packer, type FileChild } from 'docx';
import type { ChartBlock, ReportModel } from '../../../../shared/report/model';
import type { RenderedChart } from '../charts';
import { attachmentChildren, editorNoteChildren, rankingInBody, sectionsChildren, type ChartImages } from './body';
import { endBlockChildren, signatureChildren } from './end-block';
import { resolvedFonts } from './fonts';
import { mastheadChildren, mastheadText, titleChildren } from './masthead';
import { sectionOptions } from './page';
import { styleComponents } from './styles';
import { fitOneLinePt } from './text-fit';
import { SIZE_PT, TEXT_HEIGHT } from './units';

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
  return model.sections.flatMap((s) => s.blocks.filter((b): b is ChartBlock => b.type === 'chart'));
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

/** Everything in the document body, top to bottom. */
export function bodyChildren(
  model: ReportModel,
  images: ChartImages,
  mastheadPt: number,
  linePitch: number,
): FileChild[] {
  const fonts = resolvedFonts(model.style);
  const note = editorNoteChildren(model.editorNote, fonts, linePitch);
  const head =
    model.meta.kind === '运行分析报告'
      ? [...titleChildren(model, linePitch, note.length > 0), ...note]
      : [
          ...mastheadChildren(model, mastheadPt, linePitch),
          ...note,
          ...titleChildren(model, linePitch, note.length > 0),
        ];
  return [
    ...head,
    ...sectionsChildren(model, images),
    ...signatureChildren(model, linePitch),
    ...(model.attachRanking && !rankingInBody(model) ? attachmentChildren(model.ranking) : []),
    ...endBlockChildren(model),
  ];
}

/** The masthead name / 发文机关标志 size: the model's size, shrunk (not below 2号) until the text fits one line. */
export function mastheadSizePt(model: ReportModel): number {
  const max =
    Number.isFinite(model.style.mastheadSizePt) && model.style.mastheadSizePt > 0
      ? model.style.mastheadSizePt
      : SIZE_PT.chuhao;
  return fitOneLinePt(mastheadText(model), max, Math.min(max, SIZE_PT.erhao));
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
