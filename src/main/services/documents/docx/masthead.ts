import { Paragraph, Tab, TabStopType, TextRun, type FileChild } from 'docx';
import { kindSpec } from '../../../../shared/report/kinds';
import type { ReportModel } from '../../../../shared/report/model';
import { S } from './style-ids';
import { lineRuns } from './table';
import {
  issueText,
  issuerLineFit,
  issuerLineSizePt,
  issuerWithSuffix,
  SAMPLE_LINE,
} from '../../../../shared/report/layout-text';
import { emWidth } from './text-fit';
import { charTwips, mmToTwip, SIZE_PT, TEXT_WIDTH } from './units';

export { SAMPLE_HEADER, SAMPLE_LINE } from '../../../../shared/report/layout-text';

/** Where the masthead name's top sits below the type area's top (GONGWEN's 简报 default), and the 通报 mark (GB/T 9704 §7.2.4). */
export const MASTHEAD_NAME_TOP_MM = 20;
export const NOTICE_MARK_TOP_MM = 35;

/**
 * Space before a large first line so the glyph tops land `topMm` below the type area. With an exact line of
 * 1.25 × size, LibreOffice and Word set the baseline at about 80% of the line, and CJK glyphs rise 0.88 em above it,
 * so the glyph top is about 0.12 em below the line top (measured on the rendered PDF, see the tests).
 */
export function spaceBeforeForTop(topMm: number, sizePt: number): number {
  return Math.max(0, mmToTwip(topMm) - Math.round(sizePt * 0.12 * 20));
}

function sampleLine(model: ReportModel): Paragraph[] {
  return model.sample ? [new Paragraph({ style: S.sampleMark, children: [new TextRun(SAMPLE_LINE)] })] : [];
}

/**
 * 编印单位 on the left and the date on the right (right tab stop), one character in from each side; a long
 * 编印单位 gives up the indents, and one too long even then puts the date on a line of its own.
 */
function issuerLine(issuer: string, date: string, linePitch: number): Paragraph {
  const fit = issuerLineFit(issuer, date, TEXT_WIDTH / charTwips(SIZE_PT.sanhao));
  const indent = fit.indented ? charTwips(SIZE_PT.sanhao) : 0;
  return new Paragraph({
    style: S.mastheadIssuer,
    spacing: { before: linePitch },
    indent: { left: indent, right: indent, firstLine: 0 },
    // A hair inside the right edge: LibreOffice ignores a tab stop lying exactly on it.
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - indent - 10 }],
    children: [
      new TextRun({ text: issuer, size: Math.round(issuerLineSizePt(issuer) * 2) }),
      new TextRun({ ...(fit.oneLine ? {} : { break: 1 }), children: [new Tab(), date] }),
    ],
  });
}

/** 简报 报头: red name, 第N期（总第N期）, 编印单位 left and date right, the red rule. */
function briefingMasthead(model: ReportModel, namePt: number, linePitch: number): FileChild[] {
  const m = model.meta;
  const issue = issueText(model);
  return [
    new Paragraph({
      style: S.mastheadName,
      spacing: { before: spaceBeforeForTop(MASTHEAD_NAME_TOP_MM, namePt) },
      children: [new TextRun(m.briefingName)],
    }),
    new Paragraph({ style: S.mastheadIssue, spacing: { before: linePitch }, children: [new TextRun(issue)] }),
    issuerLine(issuerWithSuffix(m.issuer), m.dateText, linePitch),
    new Paragraph({ style: S.redRule }),
    ...sampleLine(model),
  ];
}

/** 通报 版头: red 发文机关标志 35 mm below the type area's top, 发文字号 two lines below it, the red rule 4 mm below. */
function noticeMasthead(model: ReportModel, markPt: number, linePitch: number): FileChild[] {
  const m = model.meta;
  const mark = m.noticeIssuerMark || m.issuer;
  const out: FileChild[] = [
    new Paragraph({
      style: S.noticeMark,
      spacing: { before: spaceBeforeForTop(NOTICE_MARK_TOP_MM, markPt) },
      children: [new TextRun(mark)],
    }),
  ];
  if (m.documentNumber)
    out.push(
      new Paragraph({
        style: S.noticeNumber,
        spacing: { before: linePitch * 2 },
        children: [new TextRun(m.documentNumber)],
      }),
    );
  out.push(new Paragraph({ style: S.redRule }), ...sampleLine(model));
  return out;
}

/** The part above the title, per the kind's head layout; a report has none (its lines go under the title). */
export function mastheadChildren(model: ReportModel, sizePt: number, linePitch: number): FileChild[] {
  switch (kindSpec(model.meta.kind).head) {
    case 'briefingMasthead':
      return briefingMasthead(model, sizePt, linePitch);
    case 'noticeMark':
      return noticeMasthead(model, sizePt, linePitch);
    case 'reportTitle':
      return [];
  }
}

export { mastheadText } from '../../../../shared/report/layout-text';

/** Title (with the blank lines GB/T 9704 §7.3.1 puts above it) and, for a report, its 编印单位/date and sample lines. */
export function titleChildren(model: ReportModel, linePitch: number, hasEditorNote: boolean): FileChild[] {
  const spec = kindSpec(model.meta.kind);
  const report = spec.head === 'reportTitle';
  const lines = hasEditorNote || model.sample ? Math.min(1, spec.titleLinesBefore) : spec.titleLinesBefore;
  const title = new Paragraph({
    style: S.title,
    // One blank line between the title and the body (the report's number and byline sit right under its title).
    spacing: { before: lines * linePitch, after: report ? 0 : linePitch },
    children: lineRuns(model.title),
  });
  if (!report) return [title];
  // 编印单位 and date under the title, on one line when they fit, else one under the other.
  const oneLine =
    emWidth(model.meta.issuer) + emWidth(model.meta.dateText) + 1 <= TEXT_WIDTH / charTwips(SIZE_PT.sanhao) - 2;
  const byline = new Paragraph({
    style: S.sampleMark,
    children: [
      new TextRun(model.meta.issuer),
      new TextRun(oneLine ? `\u3000${model.meta.dateText}` : { text: model.meta.dateText, break: 1 }),
    ],
  });
  const number = new Paragraph({ style: S.mastheadIssue, children: [new TextRun(model.meta.documentNumber)] });
  // One blank line before the body; an 编者按 brings its own.
  return [title, number, byline, ...sampleLine(model), ...(hasEditorNote ? [] : [new Paragraph({ style: S.body })])];
}
