import type { DocumentKind } from '../schemas/document-kind';

/**
 * The three kinds of document, described once: what each consists of (its sections and fixed parts), which
 * number it carries and from which counter, and how it is laid out. The drafting (build.ts), the .docx writer,
 * the on-screen preview and the format checker all read this table, so a kind cannot look one way on screen,
 * another on paper and be checked against a third. `kindSpec` is an exhaustive switch: a kind added to
 * DOCUMENT_KINDS does not compile until it is described here.
 */

/** The body sections a kind can have, drafted by build.ts; each is printed only when it has content. */
export type SectionId =
  'overall' | 'indicators' | 'districts' | 'problems' | 'next' | 'outlook' | 'praise' | 'requirements';

/** A workspace setting holding the next number per year (DocumentSettings). */
export type CounterSetting = 'issueCounters' | 'reportCounters' | 'noticeCounters';

export interface CounterSpec {
  setting: CounterSetting;
  /** How the number is printed: "第8期" or a 发文字号 "湖制造专班〔2026〕8号" (GB/T 9704 §7.2.5). */
  format: 'issue' | 'docNumber';
}

/** The part above the title. */
export type HeadLayout =
  /** 简报 报头: red name 20 mm below the type area, 第N期, 编印单位 and date, red rule. */
  | 'briefingMasthead'
  /** 发文机关标志 35 mm below the type area, 发文字号, red rule (GB/T 9704 §7.2). */
  | 'noticeMark'
  /** No 版头: title first, then 第N期 and the 编印单位 and date under it. */
  | 'reportTitle';

/** The 版记 at the foot of the last page. */
export type EndBlockLayout =
  /** 报：/送：/发： lines, then （共印N份）. */
  | 'distribution'
  /** 抄送： line, then 印发机关 and 印发日期 (GB/T 9704 §7.4). */
  | 'copyTo';

export interface KindSpec {
  kind: DocumentKind;
  /** Sections in printed order with their headings (numbered 一、二、… over those that have content). */
  sections: readonly { id: SectionId; heading: string }[];
  head: HeadLayout;
  counter: CounterSpec;
  /** 主送机关 line under the title, and the sentence that opens the body ("现将…通报如下："). */
  addressee: boolean;
  /** The sentence that closes the body ("特此通报。"), or none. */
  closing: string | null;
  /** 发文机关署名 and 成文日期 after the body (GB/T 9704 §7.3.5.2). */
  signature: boolean;
  /** Where the district tables go: in the body under 分区县情况, or as 附件 after the 署名 (§7.3.7). */
  districtTables: 'body' | 'attachment';
  /** The chart: districts side by side, the year's trend against last year, or none. */
  chart: 'districtBars' | 'trend' | 'none';
  /** One analysis paragraph per key indicator with a 原因 placeholder the clerk fills in. */
  reasonPlaceholders: boolean;
  /** 当月 next to 累计 and 环比, where monthly year-to-date figures exist. */
  monthlyDetail: boolean;
  endBlock: EndBlockLayout;
  /** Blank lines between the 版头's red rule and the title (GB/T 9704 §7.3.1: two). */
  titleLinesBefore: number;
  /** The title's words around the period and the subject. */
  titleParts: (periodText: string, subject: string) => string[];
}

const BRIEFING: KindSpec = {
  kind: '简报',
  sections: [
    { id: 'overall', heading: '总体情况' },
    { id: 'districts', heading: '分区县情况' },
    { id: 'problems', heading: '存在问题' },
    { id: 'next', heading: '下步工作' },
  ],
  head: 'briefingMasthead',
  counter: { setting: 'issueCounters', format: 'issue' },
  addressee: false,
  closing: null,
  signature: false,
  districtTables: 'body',
  chart: 'districtBars',
  reasonPlaceholders: false,
  monthlyDetail: false,
  endBlock: 'distribution',
  titleLinesBefore: 2,
  titleParts: (period, subject) => [period, subject, '主要指标运行情况'],
};

const REPORT: KindSpec = {
  kind: '运行分析报告',
  sections: [
    { id: 'overall', heading: '总体运行情况' },
    { id: 'indicators', heading: '主要指标分析' },
    { id: 'districts', heading: '分区县情况' },
    { id: 'outlook', heading: '下步预判和建议' },
  ],
  head: 'reportTitle',
  counter: { setting: 'reportCounters', format: 'issue' },
  addressee: false,
  closing: null,
  signature: false,
  districtTables: 'body',
  chart: 'trend',
  reasonPlaceholders: true,
  monthlyDetail: true,
  endBlock: 'distribution',
  titleLinesBefore: 0,
  titleParts: (period, subject) => [period, subject, '运行分析报告'],
};

const NOTICE: KindSpec = {
  kind: '通报',
  sections: [
    { id: 'overall', heading: '总体情况' },
    { id: 'districts', heading: '各区县进展情况' },
    { id: 'praise', heading: '表扬和督促' },
    { id: 'requirements', heading: '下步要求' },
  ],
  head: 'noticeMark',
  counter: { setting: 'noticeCounters', format: 'docNumber' },
  addressee: true,
  closing: '特此通报。',
  signature: true,
  districtTables: 'attachment',
  chart: 'none',
  reasonPlaceholders: false,
  monthlyDetail: false,
  endBlock: 'copyTo',
  titleLinesBefore: 2,
  titleParts: (period, subject) => ['关于', `${period}${subject}`, '主要指标进展情况的通报'],
};

/** The description of a kind. */
export function kindSpec(kind: DocumentKind): KindSpec {
  switch (kind) {
    case '简报':
      return BRIEFING;
    case '运行分析报告':
      return REPORT;
    case '通报':
      return NOTICE;
  }
}

/** 一、二、… for a section's place among the printed ones (1-based). */
export function chineseOrdinal(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}

/** The printed number of a document: "第8期" or "湖制造专班〔2026〕8号" (no 第, no leading zeros). */
export function formatDocumentNumber(spec: CounterSpec, prefix: string, year: number | string, n: number): string {
  switch (spec.format) {
    case 'issue':
      return `第${n}期`;
    case 'docNumber':
      return `${prefix}〔${year}〕${n}号`;
  }
}

/** The next number of a kind for a year from the workspace's counters (1 when the year has none yet). */
export function nextNumber(
  spec: CounterSpec,
  counters: Readonly<Record<CounterSetting, Readonly<Record<string, number>>>>,
  year: number | string,
): number {
  return counters[spec.setting][String(year)] ?? 1;
}
