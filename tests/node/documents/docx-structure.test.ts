import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import { PrebuiltCell, prebuiltCellXml } from '../../../src/main/services/documents/docx/prebuilt-cell';
import { PROJECT_ROOT } from '../../support/project';
import { briefingFixture, longBriefingFixture } from '../../fixtures/report-model';
import { child, children, descendants, rootOf, styleById, textOf, unzipDocx } from './docx-helpers';

let std: Map<string, string>;
let long: Map<string, string>;

beforeAll(async () => {
  std = unzipDocx(await renderBriefingDocx(briefingFixture()));
  long = unzipDocx(await renderBriefingDocx(longBriefingFixture({ withChart: false })));
});

const body = (parts: Map<string, string>) => child(rootOf(parts, 'word/document.xml'), 'w:body')!;

describe('section: page, margins, grid, header and footer references', () => {
  it('is A4 with the GB/T 9704 margins in whole twips and a line-only grid at the model pitch', () => {
    const sectPr = child(body(std), 'w:sectPr')!;
    expect(child(sectPr, 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(child(sectPr, 'w:pgMar')!.attrs).toMatchObject({
      'w:top': '2098',
      'w:bottom': '1984',
      'w:left': '1587',
      'w:right': '1474',
    });
    expect(child(sectPr, 'w:docGrid')!.attrs).toMatchObject({ 'w:type': 'lines', 'w:linePitch': '579' });
    expect(child(sectPr, 'w:docGrid')!.attrs['w:charSpace']).toBeUndefined();
    expect(
      children(sectPr, 'w:footerReference')
        .map((r) => r.attrs['w:type'])
        .sort(),
    ).toEqual(['default', 'even']);
    expect(
      children(sectPr, 'w:headerReference')
        .map((r) => r.attrs['w:type'])
        .sort(),
    ).toEqual(['default', 'even']);
  });

  it('turns on different odd and even headers in the settings', () => {
    expect(descendants(rootOf(std, 'word/settings.xml'), 'w:evenAndOddHeaders')).toHaveLength(1);
  });
});

describe('styles: document defaults, fonts, sizes, line rule, indent', () => {
  it('sets the document defaults once: 仿宋 in eastAsia and hAnsi with the eastAsia hint, Times New Roman for digits, 3号, zh-CN', () => {
    const styles = rootOf(std, 'word/styles.xml');
    expect(children(styles, 'w:docDefaults')).toHaveLength(1);
    const rPr = child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr')!;
    expect(child(rPr, 'w:rFonts')!.attrs).toEqual({
      'w:ascii': 'Times New Roman',
      'w:hAnsi': '仿宋_GB2312',
      'w:eastAsia': '仿宋_GB2312',
      'w:cs': 'Times New Roman',
      'w:hint': 'eastAsia',
    });
    expect(child(rPr, 'w:sz')!.attrs['w:val']).toBe('32');
    expect(child(rPr, 'w:lang')!.attrs['w:eastAsia']).toBe('zh-CN');
  });

  it('gives the body exact 579-twip lines, a two-character first-line indent, −0.25 pt spacing and no widow control', () => {
    const styles = rootOf(std, 'word/styles.xml');
    const normal = styleById(styles, 'Normal');
    expect(child(child(normal, 'w:pPr'), 'w:spacing')!.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    expect(child(child(normal, 'w:pPr'), 'w:widowControl')!.attrs['w:val']).toBe('0');
    const bodyStyle = styleById(styles, 'GwBody');
    expect(child(child(bodyStyle, 'w:pPr'), 'w:ind')!.attrs).toMatchObject({
      'w:firstLineChars': '200',
      'w:firstLine': '640',
    });
    expect(child(child(bodyStyle, 'w:rPr'), 'w:spacing')!.attrs['w:val']).toBe('-5');
  });

  it('sets headings and the title in their own fonts (no blue Calibri heading styles anywhere)', () => {
    const styles = rootOf(std, 'word/styles.xml');
    const eastAsia = (id: string) => child(child(styleById(styles, id), 'w:rPr'), 'w:rFonts')?.attrs['w:eastAsia'];
    expect(eastAsia('GwHeading1')).toBe('黑体');
    expect(eastAsia('GwHeading2')).toBe('楷体_GB2312');
    expect(eastAsia('GwTitle')).toBe('方正小标宋简体');
    const title = styleById(styles, 'GwTitle');
    expect(child(child(title, 'w:rPr'), 'w:sz')!.attrs['w:val']).toBe('44');
    expect(child(child(title, 'w:pPr'), 'w:jc')!.attrs['w:val']).toBe('center');
    expect(child(child(title, 'w:pPr'), 'w:snapToGrid')!.attrs['w:val']).toBe('0');
    expect(std.get('word/styles.xml')).not.toMatch(/2E74B5|Calibri/);
    expect(children(styles, 'w:style').filter((s) => s.attrs['w:styleId']?.startsWith('Heading'))).toHaveLength(0);
  });

  it('sets the masthead name red in 小标宋, fitted to one line, not snapped to the grid', () => {
    const styles = rootOf(std, 'word/styles.xml');
    const name = styleById(styles, 'GwMastheadName');
    const rPr = child(name, 'w:rPr')!;
    expect(child(rPr, 'w:color')!.attrs['w:val']).toBe('FF0000');
    expect(child(rPr, 'w:rFonts')!.attrs['w:eastAsia']).toBe('方正小标宋简体');
    // 16 characters do not fit at 42 pt (672 pt > 442 pt): shrunk to ~27 pt.
    const sz = Number(child(rPr, 'w:sz')!.attrs['w:val']);
    expect(sz).toBeLessThanOrEqual(Math.floor((442.25 / 16) * 2));
    expect(sz).toBeGreaterThanOrEqual(44);
    expect(child(child(name, 'w:pPr'), 'w:snapToGrid')!.attrs['w:val']).toBe('0');
  });

  it('uses the model’s fonts and masthead size, not built-in names', async () => {
    const model = briefingFixture();
    model.meta.briefingName = '工作简报';
    model.style = {
      ...model.style,
      mastheadSizePt: 36,
      fonts: {
        body: '仿宋',
        title: '方正小标宋_GBK',
        heading1: '黑体',
        heading2: '楷体',
        pageNumber: '宋体',
        latin: 'Times New Roman',
      },
    };
    const parts = unzipDocx(await renderBriefingDocx(model));
    const styles = rootOf(parts, 'word/styles.xml');
    expect(child(child(styleById(styles, 'GwBody'), 'w:rPr'), 'w:rFonts')).toBeUndefined();
    expect(
      child(child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia'],
    ).toBe('仿宋');
    expect(child(child(styleById(styles, 'GwHeading2'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('楷体');
    expect(child(child(styleById(styles, 'GwMastheadName'), 'w:rPr'), 'w:sz')!.attrs['w:val']).toBe('72');
    expect(child(child(styleById(styles, 'GwTitle'), 'w:rPr'), 'w:rFonts')!.attrs['w:eastAsia']).toBe('方正小标宋_GBK');
  });
});

describe('document body', () => {
  it('writes the masthead, the 示例数据 line, the title and the ~12 narrative paragraphs in their styles', () => {
    const paragraphs = children(body(std), 'w:p');
    const styled = (id: string) =>
      paragraphs.filter((p) => child(child(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'] === id);
    expect(styled('GwMastheadName').map(textOf)).toEqual(['湖州市先进制造业集群培育工程简报']);
    expect(styled('GwMastheadIssue').map(textOf)).toEqual(['第9期（总第32期）']);
    expect(textOf(styled('GwMastheadIssuer')[0]!)).toBe('湖州市先进制造业集群培育工作专班办公室编2023年10月8日');
    expect(styled('GwSampleMark').map(textOf)).toEqual(['（示例数据，仅供演示）']);
    expect(styled('GwTitle').map(textOf)).toEqual(['2023年1—9月全市先进制造业集群培育工程运行情况']);
    expect(styled('GwBody').filter((p) => textOf(p).length > 20).length).toBeGreaterThanOrEqual(12);
    expect(styled('GwHeading1').map(textOf)).toEqual([
      '一、总体情况',
      '二、分区县情况',
      '三、存在问题',
      '四、下步工作',
    ]);
    expect(styled('GwEditorNote').map(textOf)[0]).toMatch(/^编者按：今年以来/);
  });

  it('puts the red rule in a paragraph of its own, as wide as the type area (no indent), with no text boxes anywhere', () => {
    const styles = rootOf(std, 'word/styles.xml');
    const rule = child(styleById(styles, 'GwRedRule'), 'w:pPr')!;
    expect(child(child(rule, 'w:pBdr'), 'w:bottom')!.attrs).toMatchObject({ 'w:val': 'single', 'w:color': 'FF0000' });
    expect(child(rule, 'w:ind')!.attrs['w:left']).toBeUndefined();
    for (const [, xml] of std) expect(xml).not.toMatch(/<(wps:txbx|v:textbox|w:txbxContent)\b/);
  });

  it('ends with the 报/送/发 block: full stops, 4号 lines with a hanging indent, （共印60份）, rules 1 pt / 0.75 pt', () => {
    const tables = children(body(std), 'w:tbl');
    const end = tables[tables.length - 1]!;
    const texts = descendants(end, 'w:p').map(textOf);
    expect(texts).toEqual([
      '报：省经信厅，市委、市人大常委会、市政府、市政协有关领导。',
      '送：市发展改革委，市经信局，市科技局，市财政局，市自然资源和规划局，市商务局，市市场监管局，市统计局，市金融办。',
      '发：各区县人民政府（管委会），市先进制造业集群培育工作专班各成员单位。',
      '（共印60份）',
    ]);
    const tblPr = child(end, 'w:tblPr')!;
    expect(child(tblPr, 'w:tblpPr')!.attrs).toMatchObject({
      'w:vertAnchor': 'margin',
      'w:tblpYSpec': 'bottom',
      'w:horzAnchor': 'page',
      'w:tblpX': '1587',
    });
    const borders = child(tblPr, 'w:tblBorders')!;
    expect(child(borders, 'w:top')!.attrs['w:sz']).toBe('8');
    expect(child(borders, 'w:bottom')!.attrs['w:sz']).toBe('8');
    expect(child(borders, 'w:insideH')!.attrs['w:sz']).toBe('6');
    const line = child(child(styleById(rootOf(std, 'word/styles.xml'), 'GwEndLine'), 'w:pPr'), 'w:ind')!;
    expect(line.attrs).toMatchObject({ 'w:left': '840', 'w:hanging': '560', 'w:right': '280' });
  });
});

describe('footers: page numbers', () => {
  const footer = (type: 'default' | 'even') => {
    const sectPr = child(body(std), 'w:sectPr')!;
    const id = children(sectPr, 'w:footerReference').find((r) => r.attrs['w:type'] === type)!.attrs['r:id']!;
    const rels = rootOf(std, 'word/_rels/document.xml.rels');
    const target = children(rels, 'Relationship').find((r) => r.attrs['Id'] === id)!.attrs['Target']!;
    return rootOf(std, `word/${target}`);
  };

  it('writes "— PAGE —" with U+2014 and a PAGE field, right on odd pages and left on even pages, one 4号 character in', () => {
    for (const [type, jc, side] of [
      ['default', 'right', 'w:right'],
      ['even', 'left', 'w:left'],
    ] as const) {
      const p = child(footer(type), 'w:p')!;
      const pPr = child(p, 'w:pPr')!;
      expect(child(pPr, 'w:pStyle')!.attrs['w:val']).toBe('GwFooter');
      expect(child(pPr, 'w:jc')!.attrs['w:val']).toBe(jc);
      expect(child(pPr, 'w:ind')!.attrs).toMatchObject({ [side]: '280', 'w:firstLine': '0' });
      const sequence = descendants(p, 'w:r')
        .flatMap((r) => r.children)
        .filter((n) => n.name !== 'w:rPr')
        .map((n) =>
          n.name === 'w:t'
            ? n.text
            : n.name === 'w:fldChar'
              ? `<${n.attrs['w:fldCharType']}>`
              : n.name === 'w:instrText'
                ? `{${n.text.trim()}}`
                : n.name,
        );
      expect(sequence).toEqual(['\u2014 ', '<begin>', '{PAGE}', '<separate>', '<end>', ' \u2014']);
      expect(descendants(p, 'w:instrText').map((i) => i.text.trim())).toEqual(['PAGE']);
      expect(descendants(p, 'w:fldChar').map((f) => f.attrs['w:fldCharType'])).toEqual(['begin', 'separate', 'end']);
    }
  });

  it('sets the page number style in 宋体 in all four slots, 28 half-points, no first-line indent', () => {
    const footerStyle = styleById(rootOf(std, 'word/styles.xml'), 'GwFooter');
    expect(child(child(footerStyle, 'w:rPr'), 'w:rFonts')!.attrs).toMatchObject({
      'w:ascii': '宋体',
      'w:hAnsi': '宋体',
      'w:eastAsia': '宋体',
      'w:cs': '宋体',
    });
    expect(child(child(footerStyle, 'w:rPr'), 'w:sz')!.attrs['w:val']).toBe('28');
    expect(child(child(footerStyle, 'w:pPr'), 'w:ind')!.attrs).toMatchObject({
      'w:firstLine': '0',
      'w:firstLineChars': '0',
    });
  });
});

describe('tables', () => {
  const dataTables = (parts: Map<string, string>) =>
    children(body(parts), 'w:tbl').filter((t) => !child(child(t, 'w:tblPr'), 'w:tblpPr'));

  it('fits every table to the 8845-twip type area with a DXA width, fixed layout and an explicit grid', () => {
    for (const parts of [std, long]) {
      for (const t of children(body(parts), 'w:tbl')) {
        const tblPr = child(t, 'w:tblPr')!;
        expect(child(tblPr, 'w:tblW')!.attrs).toMatchObject({ 'w:w': '8845', 'w:type': 'dxa' });
        expect(child(tblPr, 'w:tblLayout')!.attrs['w:type']).toBe('fixed');
        const grid = children(child(t, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
        expect(grid.reduce((a, b) => a + b, 0)).toBe(8845);
      }
    }
  });

  it('marks both header rows to repeat and writes the merges explicitly (vMerge restart/continue, gridSpan 3)', () => {
    const [ranking] = dataTables(std);
    const rows = children(ranking!, 'w:tr');
    expect(rows).toHaveLength(2 + 7);
    const isHeader = (tr: (typeof rows)[number]) => child(child(tr, 'w:trPr'), 'w:tblHeader') !== undefined;
    expect(rows.map(isHeader)).toEqual([true, true, false, false, false, false, false, false, false]);
    const [first, second] = rows.map((tr) => children(tr, 'w:tc'));
    expect(first!.map(textOf)).toEqual(['地区', '规上工业增加值', '制造业投资']);
    expect(child(child(first![0]!, 'w:tcPr'), 'w:vMerge')!.attrs['w:val']).toBe('restart');
    expect(first!.slice(1).map((c) => child(child(c, 'w:tcPr'), 'w:gridSpan')!.attrs['w:val'])).toEqual(['3', '3']);
    expect(child(child(second![0]!, 'w:tcPr'), 'w:vMerge')!.attrs['w:val']).toBe('continue');
    expect(second!.slice(1).map(textOf)).toEqual(['增速', '完成率', '位次', '增速', '完成率', '位次']);
  });

  it('prints 全市 first and bold, right-aligns numbers, writes "—" for missing values and ties as equal ranks', () => {
    const [ranking] = dataTables(std);
    const rows = children(ranking!, 'w:tr').slice(2);
    expect(rows.map((r) => textOf(children(r, 'w:tc')[0]!))).toEqual([
      '全市',
      '吴兴',
      '南浔',
      '德清',
      '长兴',
      '安吉',
      '南太湖新区',
    ]);
    expect(descendants(rows[0]!, 'w:b').length).toBeGreaterThan(0);
    expect(descendants(rows[1]!, 'w:b')).toHaveLength(0);
    const cells = (r: number) => children(rows[r]!, 'w:tc');
    expect(child(child(child(cells(1)[1]!, 'w:p'), 'w:pPr'), 'w:jc')!.attrs['w:val']).toBe('right');
    expect(textOf(cells(6)[5]!)).toBe('—');
    expect([textOf(cells(2)[3]!), textOf(cells(4)[3]!), textOf(cells(1)[3]!)]).toEqual(['3', '3', '5']);
    // 安吉's completion rate is behind the time progress: shaded, and the legend says what the shade means.
    expect(child(child(cells(5)[2]!, 'w:tcPr'), 'w:shd')!.attrs['w:fill']).toBe('D9D9D9');
    expect(std.get('word/document.xml')).toContain('落后序时进度');
  });

  it('writes the 83-row table of the long variant as an attachment with its two header rows repeated, in 5号', () => {
    const tables = dataTables(long);
    const targets = tables[tables.length - 1]!;
    const rows = children(targets, 'w:tr');
    expect(rows).toHaveLength(2 + 83);
    expect(rows.slice(0, 3).map((tr) => child(child(tr, 'w:trPr'), 'w:tblHeader') !== undefined)).toEqual([
      true,
      true,
      false,
    ]);
    expect(child(child(child(children(rows[2]!, 'w:tc')[0]!, 'w:p'), 'w:pPr'), 'w:pStyle')!.attrs['w:val']).toBe(
      'GwCellSmall',
    );
    expect(long.get('word/document.xml')).toContain('>附件<');
  });

  it('writes prebuilt cells exactly as docx writes the same cell', async () => {
    const viaDocx = new TableCell({
      verticalAlign: VerticalAlignTable.CENTER,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' },
      children: [
        new Paragraph({ style: 'GwCell', alignment: 'right', children: [new TextRun({ text: '72.3', bold: true })] }),
      ],
    });
    const prebuilt = new PrebuiltCell(
      prebuiltCellXml({
        width: 1000,
        style: 'GwCell',
        text: '72.3',
        alignment: 'right',
        bold: true,
        fill: 'D9D9D9',
        vAlignCenter: true,
      }),
    );
    const xmlOf = async (cell: TableCell) => {
      const doc = new Document({
        sections: [
          {
            children: [
              new Table({
                rows: [new TableRow({ children: [cell] })],
                columnWidths: [1000],
                width: { size: 1000, type: WidthType.DXA },
              }),
            ],
          },
        ],
      });
      const xml = unzipDocx(await Packer.toBuffer(doc)).get('word/document.xml')!;
      return xml.slice(xml.indexOf('<w:tc>'), xml.indexOf('</w:tc>') + 7);
    };
    expect(await xmlOf(prebuilt)).toBe(await xmlOf(viaDocx));
  });
});

describe('text comes from the model', () => {
  it('has no place or office names in the writer’s code', () => {
    const dir = join(PROJECT_ROOT, 'src/main/services/documents/docx');
    for (const file of readdirSync(dir)) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/湖州|嘉兴|专班|南太湖|吴兴/);
    }
  });
});
