import type { DocxPackage } from './package';
import { readParaProps, readRunProps, StyleSheet, type ParaProps, type RunProps } from './properties';
import { attr, child, children, isOn, numAttr, type XmlNode } from './xml';

export interface RunInfo {
  text: string;
  props: RunProps;
}

export interface ParagraphInfo {
  text: string;
  styleId?: string;
  inTable: boolean;
  para: ParaProps;
  runs: RunInfo[];
  /** The run properties covering most of the paragraph's characters. */
  main: RunProps;
  /** Fields in the paragraph, by instruction (" PAGE " → "PAGE"). */
  fields: string[];
}

export interface TableInfo {
  floating: boolean;
  widthType?: string;
  width?: number;
  grid: number[];
  rows: { header: boolean; text: string }[];
  borders: Record<string, { val: string; sz?: number; color?: string }>;
}

export interface SectionInfo {
  pageWidth?: number;
  pageHeight?: number;
  top?: number;
  bottom?: number;
  left?: number;
  right?: number;
  footerDistance?: number;
  gridType?: string;
  linePitch?: number;
  charSpace?: number;
  footers: Map<string, string>;
  headers: Map<string, string>;
}

export interface PartView {
  paragraphs: ParagraphInfo[];
}

export interface DocView {
  styles: StyleSheet;
  paragraphs: ParagraphInfo[];
  tables: TableInfo[];
  section: SectionInfo;
  evenAndOddHeaders: boolean;
  /** Footer part per type (default, even, first). */
  footers: Map<string, PartView>;
  headers: Map<string, PartView>;
  /** All text of the body, headers and footers, paragraphs separated by newlines. */
  allText: string;
}

const TEXT_WRAPPERS = new Set([
  'w:hyperlink',
  'w:ins',
  'w:smartTag',
  'w:customXml',
  'w:sdt',
  'w:sdtContent',
  'w:fldSimple',
  'w:dir',
  'w:bdo',
]);

/** Runs of a paragraph with their text; complex-field instructions become fields, their results are skipped. */
function readParagraph(p: XmlNode, styles: StyleSheet, inTable: boolean): ParagraphInfo {
  const pPr = child(p, 'w:pPr');
  const styleId = attr(child(pPr, 'w:pStyle'), 'w:val');
  const runs: RunInfo[] = [];
  const fields: string[] = [];
  let fieldState: 'none' | 'instr' | 'result' = 'none';
  let instr = '';
  const visit = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === 'w:fldSimple') {
        const ins = (attr(c, 'w:instr') ?? '').trim();
        fields.push(ins.split(/\s+/)[0]?.toUpperCase() ?? '');
        runs.push({
          text: `{${ins.split(/\s+/)[0]?.toUpperCase() ?? ''}}`,
          props: styles.run(styleId, readRunProps(child(child(c, 'w:r'), 'w:rPr'))),
        });
        continue;
      }
      if (c.name === 'w:r') {
        const props = styles.run(styleId, readRunProps(child(c, 'w:rPr')));
        let text = '';
        for (const r of c.children) {
          if (r.name === 'w:fldChar') {
            const t = attr(r, 'w:fldCharType');
            if (t === 'begin') {
              fieldState = 'instr';
              instr = '';
            } else if (t === 'separate' || (t === 'end' && fieldState === 'instr')) {
              const name = instr.trim().split(/\s+/)[0]?.toUpperCase() ?? '';
              fields.push(name);
              text += `{${name}}`;
              fieldState = t === 'separate' ? 'result' : 'none';
            } else if (t === 'end') fieldState = 'none';
          } else if (r.name === 'w:instrText') instr += r.text;
          else if (fieldState === 'result') continue;
          else if (r.name === 'w:t') text += r.text.replace(/\u2060/g, '');
          else if (r.name === 'w:tab') text += '\t';
          else if (r.name === 'w:br' || r.name === 'w:cr') text += '\n';
        }
        if (text) runs.push({ text, props });
      } else if (TEXT_WRAPPERS.has(c.name)) visit(c);
    }
  };
  visit(p);
  const counts = new Map<RunProps, number>();
  for (const r of runs) counts.set(r.props, (counts.get(r.props) ?? 0) + r.text.length);
  const main =
    [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? styles.run(styleId, readRunProps(child(pPr, 'w:rPr')));
  return {
    text: runs.map((r) => r.text).join(''),
    ...(styleId ? { styleId } : {}),
    inTable,
    para: styles.paragraph(styleId, readParaProps(pPr)),
    runs,
    main,
    fields,
  };
}

function readTable(tbl: XmlNode, styles: StyleSheet, paragraphs: ParagraphInfo[], tables: TableInfo[]): void {
  const tblPr = child(tbl, 'w:tblPr');
  const w = child(tblPr, 'w:tblW');
  const info: TableInfo = {
    floating: child(tblPr, 'w:tblpPr') !== undefined,
    ...(attr(w, 'w:type') ? { widthType: attr(w, 'w:type')! } : {}),
    ...(numAttr(w, 'w:w') !== undefined ? { width: numAttr(w, 'w:w')! } : {}),
    grid: children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => numAttr(g, 'w:w') ?? 0),
    rows: [],
    borders: {},
  };
  for (const b of child(tblPr, 'w:tblBorders')?.children ?? []) {
    info.borders[b.name.replace('w:', '')] = {
      val: attr(b, 'w:val') ?? '',
      ...(numAttr(b, 'w:sz') !== undefined ? { sz: numAttr(b, 'w:sz')! } : {}),
      ...(attr(b, 'w:color') ? { color: attr(b, 'w:color')! } : {}),
    };
  }
  tables.push(info);
  for (const tr of children(tbl, 'w:tr')) {
    const header = isOn(child(child(tr, 'w:trPr'), 'w:tblHeader')) === true;
    const texts: string[] = [];
    for (const tc of children(tr, 'w:tc')) {
      for (const block of tc.children) {
        if (block.name === 'w:p') {
          const p = readParagraph(block, styles, true);
          paragraphs.push(p);
          texts.push(p.text);
        } else if (block.name === 'w:tbl') readTable(block, styles, paragraphs, tables);
      }
    }
    info.rows.push({ header, text: texts.join('|') });
  }
}

function readBlocks(
  container: XmlNode | undefined,
  styles: StyleSheet,
  paragraphs: ParagraphInfo[],
  tables: TableInfo[],
): void {
  for (const c of container?.children ?? []) {
    if (c.name === 'w:p') paragraphs.push(readParagraph(c, styles, false));
    else if (c.name === 'w:tbl') readTable(c, styles, paragraphs, tables);
    else if (c.name === 'w:sdt') readBlocks(child(c, 'w:sdtContent'), styles, paragraphs, tables);
  }
}

function readSection(sectPr: XmlNode | undefined, rels: Map<string, string>): SectionInfo {
  const pgSz = child(sectPr, 'w:pgSz');
  const pgMar = child(sectPr, 'w:pgMar');
  const grid = child(sectPr, 'w:docGrid');
  const refs = (name: string) =>
    new Map(
      children(sectPr, name)
        .map((r) => [attr(r, 'w:type') ?? 'default', rels.get(attr(r, 'r:id') ?? '') ?? ''] as const)
        .filter(([, path]) => path !== ''),
    );
  const info: SectionInfo = { footers: refs('w:footerReference'), headers: refs('w:headerReference') };
  const set = <K extends keyof SectionInfo>(key: K, value: SectionInfo[K] | undefined) => {
    if (value !== undefined) info[key] = value;
  };
  set('pageWidth', numAttr(pgSz, 'w:w'));
  set('pageHeight', numAttr(pgSz, 'w:h'));
  set('top', numAttr(pgMar, 'w:top'));
  set('bottom', numAttr(pgMar, 'w:bottom'));
  set('left', numAttr(pgMar, 'w:left'));
  set('right', numAttr(pgMar, 'w:right'));
  set('footerDistance', numAttr(pgMar, 'w:footer'));
  set('gridType', attr(grid, 'w:type'));
  set('linePitch', numAttr(grid, 'w:linePitch'));
  set('charSpace', numAttr(grid, 'w:charSpace'));
  return info;
}

function readPart(pkg: DocxPackage, path: string, styles: StyleSheet): PartView {
  const root = pkg.xml(path)?.children[0];
  const paragraphs: ParagraphInfo[] = [];
  readBlocks(root, styles, paragraphs, []);
  return { paragraphs };
}

export function readDocument(pkg: DocxPackage): DocView {
  const styles = new StyleSheet(pkg.xml('word/styles.xml'));
  const body = child(
    pkg.xml('word/document.xml')?.children.find((c) => c.name === 'w:document'),
    'w:body',
  );
  const paragraphs: ParagraphInfo[] = [];
  const tables: TableInfo[] = [];
  readBlocks(body, styles, paragraphs, tables);
  const section = readSection(child(body, 'w:sectPr'), pkg.relationships('word/document.xml'));
  const settings = pkg.xml('word/settings.xml')?.children.find((c) => c.name === 'w:settings');
  const footers = new Map([...section.footers].map(([type, path]) => [type, readPart(pkg, path, styles)] as const));
  const headers = new Map([...section.headers].map(([type, path]) => [type, readPart(pkg, path, styles)] as const));
  const allText = [
    ...paragraphs.map((p) => p.text),
    ...[...headers.values(), ...footers.values()].flatMap((v) => v.paragraphs.map((p) => p.text)),
  ].join('\n');
  return {
    styles,
    paragraphs,
    tables,
    section,
    evenAndOddHeaders: isOn(child(settings, 'w:evenAndOddHeaders')) === true,
    footers,
    headers,
    allText,
  };
}
