import type { ReportStyle } from '../../../../shared/report/model';
import type { DocView, ParagraphInfo } from './document-view';
import type { DocxPackage } from './package';
import type { CheckExpectations, CheckItem } from './types';

export const GB = {
  pageWidth: 11906,
  pageHeight: 16838,
  marginsMm: { top: 37, bottom: 35, left: 28, right: 26 },
  toleranceMm: 1,
  lines: 22,
  chars: 28,
} as const;

export const DEFAULT_FONTS: ReportStyle['fonts'] = {
  body: '仿宋_GB2312',
  title: '方正小标宋简体',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
};

export interface CheckContext {
  pkg: DocxPackage;
  doc: DocView;
  expect: CheckExpectations;
  fonts: ReportStyle['fonts'];
  textWidth: number;
  textHeight: number;
}

export function contextOf(pkg: DocxPackage, doc: DocView, expect: CheckExpectations): CheckContext {
  const s = doc.section;
  const width = s.pageWidth ?? GB.pageWidth;
  const height = s.pageHeight ?? GB.pageHeight;
  return {
    pkg,
    doc,
    expect,
    fonts: { ...DEFAULT_FONTS, ...Object.fromEntries(Object.entries(expect.fonts ?? {}).filter(([, v]) => v)) },
    textWidth: width - (s.left ?? 0) - (s.right ?? 0),
    textHeight: height - (s.top ?? 0) - (s.bottom ?? 0),
  };
}

export const mm = (twips: number) => (twips * 25.4) / 1440;
export const fmtMm = (twips: number) => `${mm(twips).toFixed(1)} mm`;
export const pt = (twips: number) => twips / 20;

export function item(
  id: string,
  label: string,
  pass: boolean,
  measured: string,
  expected: string,
  group: CheckItem['group'] = '格式',
): CheckItem {
  return { id, label, pass, measured, expected, group };
}

const FAMILIES: [RegExp, string][] = [
  [/小标宋/, '小标宋'],
  [/仿宋|fangsong/i, '仿宋'],
  [/楷体|kaiti|楷/i, '楷体'],
  [/黑体|simhei/i, '黑体'],
  [/宋体|simsun/i, '宋体'],
];

/** The type family of a font name (仿宋_GB2312 and 仿宋 are both 仿宋). */
export function family(font: string | undefined): string | undefined {
  if (!font) return undefined;
  return FAMILIES.find(([re]) => re.test(font))?.[1] ?? font;
}

/** A font matches when its family matches; with the font named in the expectations, only that exact name. */
export function fontMatches(actual: string | undefined, wanted: string, exact: boolean): boolean {
  if (!actual) return false;
  return exact ? actual === wanted : family(actual) === family(wanted);
}

export const show = (v: string | number | undefined, missing = '未设置') =>
  v === undefined || v === '' ? missing : String(v);

const HEADING_PATTERNS: [1 | 2 | 3 | 4, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^[（(][一二三四五六七八九十]+[）)]/],
  [3, /^\d+[.．](?!\d)/],
  [4, /^[（(]\d+[）)]/],
];

export function headingLevel(p: ParagraphInfo): 1 | 2 | 3 | 4 | undefined {
  const text = p.text.trim();
  if (p.inTable || text.length > 60) return undefined;
  return HEADING_PATTERNS.find(([, re]) => re.test(text))?.[0];
}

export function isRed(color: string | undefined): boolean {
  if (!color || !/^[0-9a-fA-F]{6}$/.test(color)) return false;
  const r = parseInt(color.slice(0, 2), 16);
  const g = parseInt(color.slice(2, 4), 16);
  const b = parseInt(color.slice(4, 6), 16);
  return r >= 192 && g <= 80 && b <= 80;
}
