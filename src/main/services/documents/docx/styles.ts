import type { ImportedXmlComponent } from 'docx';
import type { Fonts } from './fonts';
import { documentDefaults, paragraphStyle, type StyleDef } from './ooxml';
import { S } from './style-ids';
import { charTwips, mmToTwip, SANHAO_CHARACTER_SPACING, SIZE_PT } from './units';

export const RED = 'FF0000';

/** Half-point sizes used by the styles. */
export const SZ = {
  sanhao: SIZE_PT.sanhao * 2,
  erhao: SIZE_PT.erhao * 2,
  sihao: SIZE_PT.sihao * 2,
  wuhao: SIZE_PT.wuhao * 2,
} as const;

/** Per-document numbers the styles depend on. */
export interface StyleParams {
  fonts: Fonts;
  linePitch: number;
  /** Masthead name / 发文机关标志 size in points, already fitted to one line. */
  mastheadPt: number;
}

const NO_INDENT = { firstLine: 0, firstLineChars: 0 };
const ONE_CHAR_SIHAO = charTwips(SIZE_PT.sihao);
const ONE_CHAR_SANHAO = charTwips(SIZE_PT.sanhao);

/** Lines of the 版记 (4号): left and right one character in, wrapped lines aligned after "报：". */
export const END_LINE_INDENT = { left: ONE_CHAR_SIHAO * 3, hanging: ONE_CHAR_SIHAO * 2, right: ONE_CHAR_SIHAO };

/**
 * All paragraph styles and the document defaults. Every paragraph of the briefing names one of these, so the
 * document body carries almost no direct formatting (smaller, faster to write, and editable in Word as styles).
 */
export function styleDefinitions(p: StyleParams): StyleDef[] {
  const f = p.fonts;
  const bigLine = (pt: number) => Math.round(pt * 20 * 1.25);
  return [
    {
      id: S.normal,
      name: 'Normal',
      isDefault: true,
      // Widow control off: it would move a line to the next page and leave 21 lines on a full page.
      paragraph: {
        widowControl: false,
        spacing: { before: 0, after: 0, line: p.linePitch, lineRule: 'exact' },
        jc: 'both',
      },
    },
    {
      id: S.body,
      name: '公文正文',
      basedOn: S.normal,
      paragraph: { ind: { firstLineChars: 200, firstLine: charTwips(SIZE_PT.sanhao) * 2 } },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.heading1,
      name: '公文一级标题',
      basedOn: S.body,
      next: S.body,
      paragraph: { keepNext: true, outlineLvl: 0 },
      run: { fonts: { chinese: f.heading1, latin: f.latin } },
    },
    {
      id: S.heading2,
      name: '公文二级标题',
      basedOn: S.body,
      next: S.body,
      paragraph: { keepNext: true, outlineLvl: 1 },
      run: { fonts: { chinese: f.heading2, latin: f.latin } },
    },
    {
      id: S.heading3,
      name: '公文三级标题',
      basedOn: S.body,
      next: S.body,
      paragraph: { keepNext: true, outlineLvl: 2 },
    },
    {
      id: S.heading4,
      name: '公文四级标题',
      basedOn: S.body,
      next: S.body,
      paragraph: { keepNext: true, outlineLvl: 3 },
    },
    {
      id: S.title,
      name: '公文标题',
      basedOn: S.normal,
      next: S.body,
      paragraph: { keepNext: true, keepLines: true, snapToGrid: false, ind: NO_INDENT, jc: 'center' },
      run: { fonts: { chinese: f.title, latin: f.latin }, sz: SZ.erhao },
    },
    { id: S.editorNote, name: '编者按', basedOn: S.body, run: { fonts: { chinese: f.heading2, latin: f.latin } } },
    {
      id: S.note,
      name: '公文注释',
      basedOn: S.normal,
      paragraph: {
        snapToGrid: false,
        spacing: { line: 440, lineRule: 'exact' },
        ind: { firstLineChars: 200, firstLine: ONE_CHAR_SIHAO * 2 },
      },
      run: { sz: SZ.sihao },
    },
    {
      id: S.mastheadName,
      name: '简报名称',
      basedOn: S.normal,
      paragraph: {
        snapToGrid: false,
        spacing: { line: bigLine(p.mastheadPt), lineRule: 'exact' },
        ind: NO_INDENT,
        jc: 'center',
      },
      run: { fonts: { chinese: f.title, latin: f.latin }, color: RED, sz: Math.round(p.mastheadPt * 2) },
    },
    {
      id: S.mastheadIssue,
      name: '简报期号',
      basedOn: S.normal,
      paragraph: { ind: NO_INDENT, jc: 'center' },
      run: { fonts: { chinese: f.heading2, latin: f.latin }, spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.mastheadIssuer,
      name: '编印单位行',
      basedOn: S.normal,
      paragraph: { ind: NO_INDENT, jc: 'left' },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.redRule,
      name: '版头分隔线',
      basedOn: S.normal,
      // The rule is the bottom border of a 3 mm high paragraph, as wide as the type area: with the line above's
      // descent that puts it 4 mm under the text (measured on the rendered PDF).
      paragraph: {
        snapToGrid: false,
        spacing: { line: mmToTwip(3), lineRule: 'exact' },
        border: { bottom: { val: 'single', sz: 18, space: 0, color: RED } },
        ind: NO_INDENT,
      },
      run: { sz: 2 },
    },
    {
      id: S.sampleMark,
      name: '示例数据标注',
      basedOn: S.normal,
      paragraph: { ind: NO_INDENT, jc: 'center' },
      run: { fonts: { chinese: f.heading2, latin: f.latin }, spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.noticeMark,
      name: '发文机关标志',
      basedOn: S.normal,
      paragraph: {
        snapToGrid: false,
        spacing: { line: bigLine(p.mastheadPt), lineRule: 'exact' },
        ind: NO_INDENT,
        jc: 'center',
      },
      run: { fonts: { chinese: f.title, latin: f.latin }, color: RED, sz: Math.round(p.mastheadPt * 2) },
    },
    {
      id: S.noticeNumber,
      name: '发文字号',
      basedOn: S.normal,
      paragraph: { ind: NO_INDENT, jc: 'center' },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.signature,
      name: '署名和日期',
      basedOn: S.normal,
      paragraph: { keepNext: true, ind: NO_INDENT, jc: 'left' },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      // The date ends the 署名 block: it must not pull the 署名 onto an attachment's new page.
      id: S.signatureDate,
      name: '成文日期',
      basedOn: S.normal,
      paragraph: { ind: NO_INDENT, jc: 'left' },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.addressee,
      name: '主送机关',
      basedOn: S.normal,
      paragraph: { keepNext: true, ind: NO_INDENT, jc: 'left' },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.attachmentNote,
      name: '附件说明',
      basedOn: S.normal,
      // One blank line above, two characters in; wrapped lines align after "附件：" (GB/T 9704 §7.3.4).
      paragraph: {
        spacing: { before: p.linePitch },
        ind: { left: ONE_CHAR_SANHAO * 5, hanging: ONE_CHAR_SANHAO * 3 },
        jc: 'left',
      },
      run: { spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.attachmentLabel,
      name: '附件标识',
      basedOn: S.normal,
      paragraph: { keepNext: true, ind: NO_INDENT, jc: 'left' },
      run: { fonts: { chinese: f.heading1, latin: f.latin } },
    },
    {
      id: S.caption,
      name: '图表标题',
      basedOn: S.normal,
      paragraph: {
        keepNext: true,
        keepLines: true,
        spacing: { before: Math.round(p.linePitch / 2) },
        ind: NO_INDENT,
        jc: 'center',
      },
      run: { fonts: { chinese: f.title, latin: f.latin }, spacing: SANHAO_CHARACTER_SPACING },
    },
    {
      id: S.tableSubtitle,
      name: '表格副题',
      basedOn: S.normal,
      paragraph: {
        keepNext: true,
        snapToGrid: false,
        spacing: { line: 400, lineRule: 'exact' },
        ind: NO_INDENT,
        jc: 'center',
      },
      run: { fonts: { chinese: f.heading2, latin: f.latin }, sz: SZ.sihao },
    },
    {
      id: S.tableUnit,
      name: '表格单位行',
      basedOn: S.normal,
      paragraph: {
        keepNext: true,
        snapToGrid: false,
        spacing: { line: 400, lineRule: 'exact' },
        ind: NO_INDENT,
        jc: 'right',
      },
      run: { sz: SZ.sihao },
    },
    {
      id: S.cell,
      name: '表格文字',
      basedOn: S.normal,
      paragraph: { snapToGrid: false, spacing: { line: 320, lineRule: 'exact' }, ind: NO_INDENT, jc: 'center' },
      run: { sz: SZ.sihao },
    },
    { id: S.cellHead, name: '表头文字', basedOn: S.cell, run: { fonts: { chinese: f.heading1, latin: f.latin } } },
    {
      id: S.cellSmall,
      name: '表格文字（小）',
      basedOn: S.cell,
      paragraph: { spacing: { line: 260, lineRule: 'exact' } },
      run: { sz: SZ.wuhao },
    },
    {
      id: S.cellHeadSmall,
      name: '表头文字（小）',
      basedOn: S.cellSmall,
      run: { fonts: { chinese: f.heading1, latin: f.latin } },
    },
    {
      id: S.tableNote,
      name: '表注',
      basedOn: S.normal,
      paragraph: { snapToGrid: false, spacing: { line: 400, lineRule: 'exact' }, ind: NO_INDENT },
      run: { sz: SZ.sihao },
    },
    {
      id: S.tableNoteSmall,
      name: '表注（小）',
      basedOn: S.tableNote,
      paragraph: { spacing: { line: 300, lineRule: 'exact' } },
      run: { sz: SZ.wuhao },
    },
    {
      id: S.figure,
      name: '图片',
      basedOn: S.normal,
      paragraph: { snapToGrid: false, spacing: { line: 240, lineRule: 'auto' }, ind: NO_INDENT, jc: 'center' },
    },
    {
      id: S.endLine,
      name: '版记',
      basedOn: S.normal,
      paragraph: {
        snapToGrid: false,
        spacing: { line: 480, lineRule: 'exact' },
        ind: { ...END_LINE_INDENT, firstLineChars: 0 },
        jc: 'left',
      },
      run: { sz: SZ.sihao },
    },
    {
      id: S.endRight,
      name: '版记（右）',
      basedOn: S.endLine,
      paragraph: { ind: { left: 0, hanging: 0, right: ONE_CHAR_SIHAO }, jc: 'right' },
    },
    {
      id: S.anchor,
      name: '定位段落',
      basedOn: S.normal,
      paragraph: { snapToGrid: false, spacing: { line: 20, lineRule: 'exact' }, ind: NO_INDENT },
      run: { sz: 2 },
    },
    {
      id: S.footer,
      name: '页码',
      paragraph: {
        widowControl: false,
        snapToGrid: false,
        spacing: { before: 0, after: 0, line: 280, lineRule: 'exact' },
        ind: NO_INDENT,
      },
      run: { fonts: { all: f.pageNumber }, sz: SZ.sihao },
    },
    {
      id: S.header,
      name: '页眉',
      paragraph: {
        widowControl: false,
        snapToGrid: false,
        spacing: { before: 0, after: 0, line: 300, lineRule: 'exact' },
        ind: NO_INDENT,
        jc: 'right',
      },
      run: { fonts: { all: f.pageNumber }, sz: SZ.wuhao },
    },
  ] satisfies StyleDef[];
}

/** The document defaults (body font, 3号, zh-CN) and all styles, as docx components. */
export function styleComponents(p: StyleParams): ImportedXmlComponent[] {
  const defaults = documentDefaults(
    { fonts: { chinese: p.fonts.body, latin: p.fonts.latin }, sz: SZ.sanhao, lang: true },
    { spacing: { before: 0, after: 0 } },
  );
  return [defaults, ...styleDefinitions(p).map(paragraphStyle)];
}
