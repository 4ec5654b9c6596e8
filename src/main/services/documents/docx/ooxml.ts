import { ImportedXmlComponent } from 'docx';

/**
 * Builds WordprocessingML elements docx has no option for (paragraph-level snapToGrid and widowControl in
 * styles, document defaults written once), as docx components: no XML string is parsed at run time.
 */
export type Attributes = Record<string, string | number | undefined>;

export function x(
  name: string,
  attributes: Attributes = {},
  children: readonly (ImportedXmlComponent | undefined)[] = [],
): ImportedXmlComponent {
  const attrs: Record<string, string | number> = {};
  let any = false;
  for (const [k, v] of Object.entries(attributes)) {
    if (v !== undefined) {
      attrs[k] = v;
      any = true;
    }
  }
  const node = new ImportedXmlComponent(name, any ? attrs : undefined);
  for (const child of children) if (child) node.push(child);
  return node;
}

/** A paragraph border line: val, width in 1/8 pt, space in pt. */
export interface BorderLine {
  val: 'single' | 'thick' | 'double';
  sz: number;
  space: number;
  color: string;
}

export interface ParagraphProps {
  keepNext?: boolean;
  keepLines?: boolean;
  widowControl?: boolean;
  border?: { top?: BorderLine; bottom?: BorderLine };
  tabs?: { val: 'left' | 'right' | 'center'; pos: number }[];
  snapToGrid?: boolean;
  spacing?: { before?: number; after?: number; line?: number; lineRule?: 'exact' | 'auto' | 'atLeast' };
  ind?: {
    left?: number;
    right?: number;
    firstLine?: number;
    firstLineChars?: number;
    hanging?: number;
    hangingChars?: number;
  };
  jc?: 'left' | 'right' | 'center' | 'both';
  outlineLvl?: number;
}

export interface RunProps {
  /** Chinese font for eastAsia/hAnsi and Latin font for ascii/cs; or one font in all four slots. */
  fonts?: { chinese: string; latin: string } | { all: string };
  bold?: boolean;
  color?: string;
  /** Character spacing in twips (w:spacing). */
  spacing?: number;
  /** Size in half-points. */
  sz?: number;
  lang?: boolean;
}

const onOff = (name: string, value: boolean | undefined) =>
  value === undefined ? undefined : x(name, { 'w:val': value ? 1 : 0 });

function borderLine(name: string, b: BorderLine | undefined) {
  return b ? x(name, { 'w:val': b.val, 'w:sz': b.sz, 'w:space': b.space, 'w:color': b.color }) : undefined;
}

/** `w:pPr` in the schema's element order (Word reports unreadable content otherwise). */
export function pPr(p: ParagraphProps): ImportedXmlComponent {
  return x('w:pPr', {}, [
    onOff('w:keepNext', p.keepNext),
    onOff('w:keepLines', p.keepLines),
    onOff('w:widowControl', p.widowControl),
    p.border
      ? x('w:pBdr', {}, [borderLine('w:top', p.border.top), borderLine('w:bottom', p.border.bottom)])
      : undefined,
    p.tabs
      ? x(
          'w:tabs',
          {},
          p.tabs.map((t) => x('w:tab', { 'w:val': t.val, 'w:pos': t.pos })),
        )
      : undefined,
    onOff('w:snapToGrid', p.snapToGrid),
    p.spacing
      ? x('w:spacing', {
          'w:before': p.spacing.before,
          'w:after': p.spacing.after,
          'w:line': p.spacing.line,
          'w:lineRule': p.spacing.lineRule,
        })
      : undefined,
    p.ind
      ? x('w:ind', {
          'w:left': p.ind.left,
          'w:right': p.ind.right,
          'w:hangingChars': p.ind.hangingChars,
          'w:hanging': p.ind.hanging,
          'w:firstLineChars': p.ind.firstLineChars,
          'w:firstLine': p.ind.firstLine,
        })
      : undefined,
    p.jc ? x('w:jc', { 'w:val': p.jc }) : undefined,
    p.outlineLvl === undefined ? undefined : x('w:outlineLvl', { 'w:val': p.outlineLvl }),
  ]);
}

export const LANGUAGE_ATTRS = { 'w:val': 'en-US', 'w:eastAsia': 'zh-CN', 'w:bidi': 'ar-SA' };

/** `w:rPr` in the schema's element order. */
export function rPr(r: RunProps): ImportedXmlComponent {
  const f = r.fonts;
  const fonts = !f
    ? undefined
    : 'all' in f
      ? x('w:rFonts', { 'w:ascii': f.all, 'w:hAnsi': f.all, 'w:eastAsia': f.all, 'w:cs': f.all, 'w:hint': 'eastAsia' })
      : x('w:rFonts', {
          'w:ascii': f.latin,
          'w:hAnsi': f.chinese,
          'w:eastAsia': f.chinese,
          'w:cs': f.latin,
          'w:hint': 'eastAsia',
        });
  return x('w:rPr', {}, [
    fonts,
    r.bold === undefined ? undefined : onOff('w:b', r.bold),
    r.bold === undefined ? undefined : onOff('w:bCs', r.bold),
    r.color ? x('w:color', { 'w:val': r.color }) : undefined,
    r.spacing === undefined ? undefined : x('w:spacing', { 'w:val': r.spacing }),
    r.sz === undefined ? undefined : x('w:sz', { 'w:val': r.sz }),
    r.sz === undefined ? undefined : x('w:szCs', { 'w:val': r.sz }),
    r.lang ? x('w:lang', LANGUAGE_ATTRS) : undefined,
  ]);
}

export interface StyleDef {
  id: string;
  /** Chinese display name, so the styles read sensibly in Word's and WPS's style list. */
  name: string;
  basedOn?: string;
  next?: string;
  isDefault?: boolean;
  paragraph?: ParagraphProps;
  run?: RunProps;
}

export function paragraphStyle(s: StyleDef): ImportedXmlComponent {
  return x('w:style', { 'w:type': 'paragraph', 'w:default': s.isDefault ? 1 : undefined, 'w:styleId': s.id }, [
    x('w:name', { 'w:val': s.name }),
    s.basedOn ? x('w:basedOn', { 'w:val': s.basedOn }) : undefined,
    s.next ? x('w:next', { 'w:val': s.next }) : undefined,
    x('w:qFormat'),
    s.paragraph ? pPr(s.paragraph) : undefined,
    s.run ? rPr(s.run) : undefined,
  ]);
}

export function documentDefaults(run: RunProps, paragraph: ParagraphProps): ImportedXmlComponent {
  return x('w:docDefaults', {}, [x('w:rPrDefault', {}, [rPr(run)]), x('w:pPrDefault', {}, [pPr(paragraph)])]);
}
