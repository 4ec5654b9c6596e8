import { TableCell, type IContext, type IXmlableObject } from 'docx';

/**
 * A table cell whose XML is assembled directly as docx's serialisable object, instead of as a tree of docx
 * components (cell properties, paragraph, paragraph properties, run, run properties, text). The 83-row table
 * has ~750 cells: building and walking those component trees was most of the document's writing time. The output
 * is the XML docx itself writes for the same cell (a unit test compares both).
 */
export class PrebuiltCell extends TableCell {
  private readonly xml: IXmlableObject;

  constructor(xml: IXmlableObject, columnSpan?: number) {
    super({ children: [], ...(columnSpan && columnSpan > 1 ? { columnSpan } : {}) });
    this.xml = xml;
  }

  override prepForXml(_context: IContext): IXmlableObject {
    return this.xml;
  }
}

export interface PrebuiltCellSpec {
  width: number;
  style: string;
  text: string;
  alignment?: 'left' | 'right';
  bold?: boolean;
  fill?: string;
  vAlignCenter?: boolean;
  /** Keep the row on the page of the row after it. */
  keepNext?: boolean;
}

const attr = (a: Record<string, string | number>) => ({ _attr: a });

/** `<w:tc>` with width, shading, vertical alignment, one paragraph with style/alignment and one run. */
export function prebuiltCellXml(c: PrebuiltCellSpec): IXmlableObject {
  const tcPr: IXmlableObject[] = [{ 'w:tcW': attr({ 'w:type': 'dxa', 'w:w': c.width }) }];
  if (c.fill) tcPr.push({ 'w:shd': attr({ 'w:fill': c.fill, 'w:color': 'auto', 'w:val': 'clear' }) });
  if (c.vAlignCenter) tcPr.push({ 'w:vAlign': attr({ 'w:val': 'center' }) });
  const pPr: IXmlableObject[] = [{ 'w:pStyle': attr({ 'w:val': c.style }) }];
  if (c.keepNext) pPr.push({ 'w:keepNext': {} });
  if (c.alignment) pPr.push({ 'w:jc': attr({ 'w:val': c.alignment }) });
  const run: IXmlableObject[] = [];
  if (c.bold) run.push({ 'w:rPr': [{ 'w:b': {} }, { 'w:bCs': {} }] });
  run.push({ 'w:t': [attr({ 'xml:space': 'preserve' }), c.text] });
  return { 'w:tc': [{ 'w:tcPr': tcPr }, { 'w:p': [{ 'w:pPr': pPr }, { 'w:r': run }] }] };
}
