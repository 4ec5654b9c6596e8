/**
 * The report model: one plain, serialisable object from which the briefing (.docx), the ranking table
 * (.xlsx) and the on-screen preview are all built, so screen and paper cannot disagree.
 * Every number carries `ref`, the id of the figure or calculation it came from (provenance).
 */

import type { DocumentKind } from '../schemas/document-kind';

export type { DocumentKind } from '../schemas/document-kind';

/**
 * Where a number came from. Figure refs are "fig:<period>/<systemId>/<indicatorId>/<region>";
 * derived numbers (完成率, 同比, 位次 …) are "calc:<what>:<period>/<systemId>/<indicatorId>/<region>".
 */
export type Ref = string;

/** A piece of a paragraph: plain text, or a number linked to the fact it states. */
export type Run = { text: string } | { text: string; fact: FactRef };

/** A number stated in prose: the text as drafted, and the fact it must keep matching. */
export interface FactRef {
  ref: Ref;
  /** The value before rounding, for checks. */
  value: number;
  /** The text as printed ("7.2", "103.0", "第3位"): an edited paragraph must still contain it. */
  text: string;
  /** The unit printed right after the number ("%", "亿元"): no line may end between the two. */
  unit?: string;
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** Stable id ("overall/hz-…/industrial-value-added-growth") so an edit survives a re-draft. */
  id: string;
  runs: Run[];
  /** Set when the text is the user's edit rather than the draft; facts are still checked against it. */
  editedText?: string | undefined;
  /**
   * Paragraph style: body text (default); a note in smaller type; the 附件说明 after a 通报's body (a blank line
   * before it, wrapped lines aligned after "附件："); a place the clerk must fill in (原因分析), marked on screen.
   */
  style?: 'body' | 'note' | 'attachmentNote' | 'placeholder';
}

export interface HeadingBlock {
  type: 'heading';
  /** 1 一、(黑体) 2 (一)(楷体) 3 1.(仿宋) 4 (1)(仿宋). */
  level: 1 | 2 | 3 | 4;
  text: string;
}

export type CellStatus = 'ahead' | 'behind' | 'top' | 'bottom' | 'missing' | 'notApplicable';

/** One cell of a table: what to print, and the number behind it. */
export interface TableCell {
  text: string;
  value?: number;
  decimals?: number;
  ref?: Ref;
  status?: CellStatus | undefined;
  align?: 'left' | 'center' | 'right';
}

/** A header cell spanning columns and/or rows of a multi-level header. */
export interface HeaderCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface TableColumn {
  key: string;
  /** Relative width; writers scale the sum to the available width. */
  width: number;
  align: 'left' | 'center' | 'right';
  /** Excel number format decimals for numeric columns. */
  decimals?: number;
  /** What the column holds, for writers that treat kinds differently. */
  role: 'region' | 'value' | 'growth' | 'completion' | 'rank' | 'score' | 'target' | 'text';
  indicatorId?: string;
}

export interface TableRow {
  key: string;
  /** The 全市 row: printed first and bold, never ranked. */
  isTotal: boolean;
  cells: TableCell[];
}

export interface TableBlock {
  type: 'table';
  id: string;
  title: string;
  /** e.g. "（截至2023年9月底）" */
  subtitle?: string;
  /** e.g. "单位：%" when the whole table shares one unit; otherwise units are in the headers. */
  unitLine?: string;
  /** Header rows, top to bottom; spans follow the HTML/Word meaning. */
  header: HeaderCell[][];
  columns: TableColumn[];
  rows: TableRow[];
  /** Notes printed under the table, each a full sentence ending with 。 ("注：1. …"). */
  notes: string[];
  /** Status fills used in this table, with their meaning (also readable in black and white). */
  legend: { status: CellStatus; label: string }[];
  /** Set in the smaller type (5号) whatever its column count, so a document's tables look alike. */
  small?: boolean;
}

export interface ChartBlock {
  type: 'chart';
  id: string;
  title: string;
  unit: string;
  decimals: number;
  bars: { region: string; value: number | null; ref?: Ref }[];
  /** Horizontal reference lines: 全市, target, time progress. */
  lines: { label: string; value: number; kind: 'city' | 'target' | 'progress' }[];
  /** A trend over the year instead of district bars: one line per year, period by period. */
  trend?: { labels: string[]; series: { name: string; values: (number | null)[] }[] };
}

export type Block = ParagraphBlock | HeadingBlock | TableBlock | ChartBlock;

export interface Attachment {
  /** Centred on the attachment's first page ("2023年1—9月各区县主要指标完成情况表"). */
  title: string;
  blocks: Block[];
}

export interface Section {
  id: string;
  /** Printed heading ("一、总体情况"); absent for a section that continues the body. */
  heading?: string;
  blocks: Block[];
}

export interface DocumentMeta {
  kind: DocumentKind;
  /** 简报名称 (masthead). */
  briefingName: string;
  /** The number from the kind's own counter for the year (第N期, or the N of a 通报's 〔2026〕N号), and 总第N期. */
  issueNumber: number;
  totalIssueNumber?: number;
  /** The number as printed: "第8期", "湖制造专班〔2026〕8号". */
  documentNumber: string;
  /** 编印单位. */
  issuer: string;
  /** Issue date written like 2023年10月8日. */
  dateText: string;
  /** 通报: 发文机关标志 and 发文字号 (湖制造专班〔2023〕8号). */
  noticeIssuerMark?: string;
  noticeNumber?: string;
  /** 主送机关 of a 通报 (empty for the other kinds). */
  addressees: string[];
  /** 报 / 送 / 发 lists and 印数. */
  distribution: { bao: string[]; song: string[]; fa: string[] };
  /** 抄送 of a 通报's 版记. */
  copyTo: string[];
  copies: number;
}

export interface ReportModel {
  /** Marks everything made from the sample workspace: documents say 示例数据. */
  sample: boolean;
  meta: DocumentMeta;
  /** e.g. "2023年1—9月" */
  periodTitle: string;
  /** e.g. "截至2023年9月底" */
  asOf: string;
  title: string;
  /** 按语 / 编者按, optional. */
  editorNote?: string;
  sections: Section[];
  /** 附件 after the body and the 署名, each on a new page (GB/T 9704 §7.3.7): a 通报's district tables. */
  attachments: Attachment[];
  /** The ranking table of the key indicators (亮晒表): the .xlsx sheet and the briefing's table. */
  ranking: TableBlock;
  /** The 赛马 composite table, when weights are configured. */
  composite?: TableBlock;
  /**
   * Print the ranking table in the .docx too, as a 附件 after the body (a long portrait table; the briefing's
   * own compact table is in the body either way). Off by default: the .xlsx is the ranking table.
   */
  attachRanking?: boolean;
  /** Document settings the writers need (fonts, sizes) — the same for preview and paper. */
  style: ReportStyle;
}

export interface ReportStyle {
  fonts: { body: string; title: string; heading1: string; heading2: string; pageNumber: string; latin: string };
  mastheadSizePt: number;
  linePitchTwips: number;
  rankingPaper: 'A4' | 'A3';
}

/** The text of a paragraph as printed: the user's edit if any, else the drafted runs. */
export function paragraphText(p: ParagraphBlock): string {
  return p.editedText ?? p.runs.map((r) => r.text).join('');
}

/** The facts of a paragraph whose printed text no longer appears in it (after an edit or new data). */
export function staleFacts(p: ParagraphBlock): FactRef[] {
  if (p.editedText === undefined) return [];
  const text = p.editedText;
  return p.runs.flatMap((r) => ('fact' in r && !text.includes(r.fact.text) ? [r.fact] : []));
}
