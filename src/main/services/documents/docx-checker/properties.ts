import { withoutUndefined } from '../../../../shared/objects';
import { attr, child, children, isOn, numAttr, type XmlNode } from './xml';

export interface BorderInfo {
  val: string;
  sz?: number;
  color?: string;
}

/** Paragraph properties as in effect after defaults, styles and direct formatting. */
export interface ParaProps {
  jc?: string;
  left?: number;
  right?: number;
  firstLine?: number;
  firstLineChars?: number;
  hanging?: number;
  line?: number;
  lineRule?: string;
  snapToGrid?: boolean;
  top?: BorderInfo;
  bottom?: BorderInfo;
}

export interface RunProps {
  ascii?: string;
  hAnsi?: string;
  eastAsia?: string;
  cs?: string;
  hint?: string;
  sz?: number;
  color?: string;
  bold?: boolean;
  spacing?: number;
}

function border(node: XmlNode | undefined): BorderInfo | undefined {
  if (!node) return undefined;
  const val = attr(node, 'w:val') ?? 'single';
  const sz = numAttr(node, 'w:sz');
  const color = attr(node, 'w:color');
  return { val, ...(sz === undefined ? {} : { sz }), ...(color === undefined ? {} : { color }) };
}

export function readParaProps(pPr: XmlNode | undefined): ParaProps {
  if (!pPr) return {};
  const ind = child(pPr, 'w:ind');
  const spacing = child(pPr, 'w:spacing');
  const bdr = child(pPr, 'w:pBdr');
  const snap = child(pPr, 'w:snapToGrid');
  return withoutUndefined({
    jc: attr(child(pPr, 'w:jc'), 'w:val'),
    left: numAttr(ind, 'w:left') ?? numAttr(ind, 'w:start'),
    right: numAttr(ind, 'w:right') ?? numAttr(ind, 'w:end'),
    firstLine: numAttr(ind, 'w:firstLine'),
    firstLineChars: numAttr(ind, 'w:firstLineChars'),
    hanging: numAttr(ind, 'w:hanging'),
    line: numAttr(spacing, 'w:line'),
    lineRule: attr(spacing, 'w:lineRule') ?? (numAttr(spacing, 'w:line') !== undefined ? 'auto' : undefined),
    snapToGrid: isOn(snap),
    top: border(child(bdr, 'w:top')),
    bottom: border(child(bdr, 'w:bottom')),
  });
}

export function readRunProps(rPr: XmlNode | undefined): RunProps {
  if (!rPr) return {};
  const f = child(rPr, 'w:rFonts');
  const theme = (slot: string) => {
    const t = attr(f, `w:${slot}Theme`);
    return t ? `主题字体（${t}）` : attr(f, `w:${slot}`);
  };
  return withoutUndefined({
    ascii: theme('ascii'),
    hAnsi: theme('hAnsi'),
    eastAsia: theme('eastAsia'),
    cs: attr(f, 'w:cs'),
    hint: attr(f, 'w:hint'),
    sz: numAttr(child(rPr, 'w:sz'), 'w:val'),
    color: attr(child(rPr, 'w:color'), 'w:val'),
    bold: isOn(child(rPr, 'w:b')),
    spacing: numAttr(child(rPr, 'w:spacing'), 'w:val'),
  });
}

interface StyleEntry {
  basedOn?: string;
  para: ParaProps;
  run: RunProps;
}

/** The document's styles with inheritance resolved on demand. */
export class StyleSheet {
  private readonly styles = new Map<string, StyleEntry>();
  private defaultParagraphStyle: string | undefined;
  readonly defaultsPara: ParaProps;
  readonly defaultsRun: RunProps;

  constructor(stylesXml: XmlNode | undefined) {
    const root = stylesXml?.children.find((c) => c.name === 'w:styles');
    const defaults = child(root, 'w:docDefaults');
    this.defaultsPara = readParaProps(child(child(defaults, 'w:pPrDefault'), 'w:pPr'));
    this.defaultsRun = readRunProps(child(child(defaults, 'w:rPrDefault'), 'w:rPr'));
    for (const s of children(root, 'w:style')) {
      const id = attr(s, 'w:styleId');
      if (!id) continue;
      const basedOn = attr(child(s, 'w:basedOn'), 'w:val');
      this.styles.set(id, {
        ...(basedOn ? { basedOn } : {}),
        para: readParaProps(child(s, 'w:pPr')),
        run: readRunProps(child(s, 'w:rPr')),
      });
      const isDefault = ['1', 'true', 'on'].includes(attr(s, 'w:default') ?? '');
      if (attr(s, 'w:type') === 'paragraph' && isDefault) this.defaultParagraphStyle = id;
    }
  }

  private chain(id: string | undefined): StyleEntry[] {
    const out: StyleEntry[] = [];
    const seen = new Set<string>();
    let cur = id ?? this.defaultParagraphStyle;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const s = this.styles.get(cur);
      if (!s) break;
      out.unshift(s);
      cur = s.basedOn;
    }
    return out;
  }

  paragraph(styleId: string | undefined, direct: ParaProps): ParaProps {
    return Object.assign({}, this.defaultsPara, ...this.chain(styleId).map((s) => s.para), direct);
  }

  run(styleId: string | undefined, direct: RunProps): RunProps {
    return Object.assign({}, this.defaultsRun, ...this.chain(styleId).map((s) => s.run), direct);
  }
}
