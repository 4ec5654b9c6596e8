import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderBriefingDocx } from '../../../src/main/services/documents/docx';
import { checkBriefingDocx, type CheckItem } from '../../../src/main/services/documents/docx-checker';
import { briefingFixture, longBriefingFixture } from '../../fixtures/report-model';
import { unzipDocx } from './docx-helpers';

const byId = (items: CheckItem[]) => new Map(items.map((i) => [i.id, i]));
const failed = (items: CheckItem[]) => items.filter((i) => !i.pass).map((i) => `${i.id}: ${i.measured}`);

describe('checkBriefingDocx on the writer’s output', () => {
  it.each([
    ['简报', () => briefingFixture()],
    ['简报（长表）', () => longBriefingFixture({ withChart: false })],
    ['通报', () => briefingFixture({ kind: '通报' })],
    ['运行分析报告', () => briefingFixture({ kind: '运行分析报告', sample: false })],
  ] as const)('passes every check for a %s', async (_, make) => {
    const model = make();
    const items = await checkBriefingDocx(await renderBriefingDocx(model), {
      kind: model.meta.kind,
      linePitchTwips: model.style.linePitchTwips,
      fonts: model.style.fonts,
      sample: model.sample,
      copies: model.meta.copies,
      dateText: model.meta.dateText,
    });
    expect(failed(items)).toEqual([]);
    expect(items.length).toBeGreaterThanOrEqual(28);
    for (const i of items) expect(i.label).toMatch(/[\u4e00-\u9fff]/);
    // Every layout item speaks the clerk's language; the technical values stay in measured/expected only.
    for (const i of items.filter((x) => x.group === '格式')) {
      expect(i.plain ?? `${i.id} has no plain wording`, i.id).toMatch(/^[\u4e00-\u9fff]/);
      expect(i.plain, i.id).not.toMatch(/twip|dxa|半磅|w:|U\+|FF0000|center|exact|firstLine|settings\.xml|pt\b/);
    }
    expect(byId(items).get('line-spacing')?.plain).toBe(
      `正文行距：固定值${model.style.linePitchTwips / 20}磅，每页22行`,
    );
  });
});

describe('checkBriefingDocx on a document built with docx defaults', () => {
  let items: Map<string, CheckItem>;
  beforeAll(async () => {
    const texts = [
      '湖州市先进制造业集群培育工程简报',
      '一、总体情况',
      '1-9月，全市规上工业增加值增长-2.1%，完成年度目标的78.6%，比上年同期回落0.4个百分点。',
      '印发日期：2023年09月08日',
      '报：市委、市政府领导',
    ];
    const doc = new Document({ sections: [{ children: texts.map((t) => new Paragraph(t)) }] });
    items = byId(await checkBriefingDocx(await Packer.toBuffer(doc), { kind: '简报' }));
  });

  it('fails the page set-up with what it found', () => {
    expect(items.get('page-size')!.pass).toBe(true);
    expect(items.get('margins')).toMatchObject({
      pass: false,
      measured: '上 25.4 mm，下 25.4 mm，左 25.4 mm，右 25.4 mm',
    });
  });

  it('fails fonts, size, line spacing and indent: nothing is set', () => {
    expect(items.get('body-font')).toMatchObject({ pass: false, measured: '未设置中文字体（w:eastAsia）' });
    expect(items.get('body-size')).toMatchObject({ pass: false, measured: '未设置' });
    expect(items.get('line-spacing')!.pass).toBe(false);
    expect(items.get('first-line-indent')).toMatchObject({
      pass: false,
      measured: 'firstLineChars 未设置，firstLine 未设置 twip',
    });
    expect(items.get('heading1-font')).toMatchObject({ pass: false, measured: '1 处：未设置' });
    expect(items.get('title')).toMatchObject({ pass: false, measured: '未找到居中的标题' });
  });

  it('fails the masthead, the red rule and the page numbers', () => {
    expect(items.get('red-rule')).toMatchObject({ pass: false, measured: '没有红色分隔线' });
    expect(items.get('masthead')!.pass).toBe(false);
    expect(items.get('footers')).toMatchObject({ pass: false, measured: '无页脚' });
    expect(items.get('even-odd-headers')!.pass).toBe(false);
    expect(items.get('page-field')!.pass).toBe(false);
  });

  it('fails the wording: 报 line without 。, no 印数, 1-9月, 增长-2.1%, 09月08日', () => {
    expect(items.get('distribution')).toMatchObject({
      pass: false,
      measured: '1 行，未以句号结尾：报：市委、市政府领导',
    });
    expect(items.get('copies')).toMatchObject({ pass: false, measured: '没有“（共印N份）”' });
    expect(items.get('period-dash')).toMatchObject({ pass: false, measured: '一字线 0 处；其他连接号 1 处（1-9月）' });
    expect(items.get('negative-growth')).toMatchObject({ pass: false, measured: '增长-2' });
    expect(items.get('date-format')).toMatchObject({ pass: false, measured: '2023年09月08日；不规范：2023年09月08日' });
    expect(items.get('no-textbox')!.pass).toBe(true);
  });
});

describe('checkBriefingDocx on altered and broken files', () => {
  it('finds a text box, a 580-twip line and a missing tblHeader that were patched into a good document', async () => {
    const parts = unzipDocx(await renderBriefingDocx(briefingFixture({ withChart: false })));
    const patched = new Map(parts);
    patched.set('word/styles.xml', parts.get('word/styles.xml')!.replace('w:line="579"', 'w:line="580"'));
    patched.set(
      'word/document.xml',
      parts
        .get('word/document.xml')!
        .replace(/<w:tblHeader[^>]*\/>/g, '')
        .replace(
          '</w:body>',
          '<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:p/></w:txbxContent></v:textbox></w:pict></w:r></w:p></w:body>',
        ),
    );
    const zipped = zipSync(Object.fromEntries([...patched].map(([k, v]) => [k, strToU8(v)])));
    const items = byId(await checkBriefingDocx(Buffer.from(zipped), { kind: '简报' }));
    expect(items.get('line-spacing')).toMatchObject({ pass: false, measured: '固定值 580 twip，22 行共 12760 twip' });
    expect(items.get('table-header')).toMatchObject({ pass: false, measured: '数据表1：没有标题行' });
    expect(items.get('no-textbox')).toMatchObject({ pass: false, measured: '文本框在 word/document.xml' });
  });

  it('answers garbage bytes with one failed item saying the file is not a .docx', async () => {
    const items = await checkBriefingDocx(Buffer.from('这不是一个 Word 文档'));
    expect(items).toEqual([
      {
        id: 'docx-valid',
        label: '文件格式',
        pass: false,
        measured: expect.stringContaining('不是有效的 zip 压缩包'),
        expected: '有效的 .docx（Word 文档）文件',
        group: '格式',
      },
    ]);
  });

  it('answers a zip without word/document.xml, and a document whose XML is broken, the same way', async () => {
    const noDocument = await checkBriefingDocx(Buffer.from(zipSync({ 'a.txt': strToU8('x') })));
    expect(noDocument).toHaveLength(1);
    expect(noDocument[0]!.measured).toBe('压缩包中没有 word/document.xml');
    const broken = await checkBriefingDocx(
      Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:body>') })),
    );
    expect(broken).toHaveLength(1);
    expect(broken[0]!.measured).toMatch(/^无法读取文档内容（XML 标记不匹配/);
  });

  it('checks an empty but valid document without crashing', async () => {
    const items = await checkBriefingDocx(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
    expect(items.length).toBeGreaterThan(20);
    expect(items.find((i) => i.id === 'body-font')!.measured).toBe('未找到正文段落');
  });
});
