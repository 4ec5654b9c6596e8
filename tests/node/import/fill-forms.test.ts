import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms, type FillForm } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { canonicalMeta, metaSignature, readMetaSheet } from '../../../src/main/services/documents/xlsx-forms/form-meta';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import { copyArtifact, pdfPages, pdfToPngs, sofficeAvailable, squash, toPdf } from '../../support/libreoffice';
import { CITY_TARGETS, openForm, REGIONAL, sampleWorkspace } from './helpers';

let ws: Workspace;
let forms: FillForm[];

beforeAll(async () => {
  ws = await sampleWorkspace();
  forms = await generateFillForms(ws, '2023-09');
});
afterAll(() => ws.close());

function part(buffer: Buffer, name: string): string {
  const file = unzipSync(new Uint8Array(buffer))[name];
  if (!file) throw new Error(`missing ${name}`);
  return strFromU8(file);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('fill-in workbooks (填报表)', () => {
  it('makes one workbook per region, named by period and region and marked 示例数据 for the sample', () => {
    expect(forms.map((f) => f.region)).toEqual(['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区']);
    expect(forms[0]?.fileName).toBe('2023年1—9月_吴兴_填报表（示例数据）.xlsx');
  });

  it('lays out instructions, the columns, and a month form with its quarterly section under its own period', async () => {
    const form = await openForm(forms[0]!.buffer);
    const text = (ref: string) => String(form.sheet.getCell(ref).value ?? '');
    expect(text('A1')).toBe('2023年1—9月吴兴指标数据填报表（示例数据）');
    for (const phrase of [
      '只填数字，不带单位',
      '填“/”',
      '不要填 0',
      '请勿增删行列',
      '请于2023年10月8日前将本表发回湖州市先进制造业集群培育工程工作专班办公室',
    ]) {
      expect(text('A3')).toContain(phrase);
    }
    expect(['A5', 'B5', 'C5', 'D5', 'E5', 'F5', 'G5', 'H5'].map(text)).toEqual([
      '序号',
      '指标名称',
      '单位',
      '本期数（请填写）',
      '备注',
      '年度目标',
      '上年同期',
      '上期',
    ]);
    expect(text('A6')).toBe('一、按月报送指标（本期：2023年1—9月；上年同期：2022年1—9月；上期：2023年1—8月）');

    const rows = form.rows();
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2023-09', '2023Q3']));
    const monthly = rows.filter((r) => r.period === '2023-09').map((r) => r.indicatorId);
    expect(monthly.slice(0, 3)).toEqual([
      'industrial-value-added-growth',
      'manufacturing-investment-growth',
      'digital-core-mfg-va-growth',
    ]);
    const quarterHeading = rows.find((r) => r.period === '2023Q3')!.row - 1;
    expect(text(`A${quarterHeading}`)).toBe(
      '二、按季度报送指标（本期：2023年第三季度；上年同期：2022年第三季度；上期：2023年第二季度）',
    );
    // The 2023 target table repeats the district table's growth rates: each indicator appears once.
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    expect(rows.find((r) => r.indicatorId === 'industrial-value-added-growth')?.systemId).toBe(REGIONAL);
  });

  it('pre-fills the stored figure and shows the region target, last year and the previous period from the workspace', async () => {
    const form = await openForm(forms[0]!.buffer);
    const value = async (period: string, id: string, system = REGIONAL) =>
      (await ws.figures.get(period)).figures[system]?.[id]?.['吴兴']?.v;
    const growthRow = form.row('industrial-value-added-growth');
    expect(form.sheet.getCell(`D${growthRow}`).value).toBe(await value('2023-09', 'industrial-value-added-growth'));
    expect(form.sheet.getCell(`F${growthRow}`).value).toBe(7);
    expect(form.sheet.getCell(`G${growthRow}`).value).toBe(await value('2022-09', 'industrial-value-added-growth'));
    expect(form.sheet.getCell(`H${growthRow}`).value).toBe(await value('2023-08', 'industrial-value-added-growth'));
    const landRow = form.row('inefficient-rectification-land-freed', '2023Q3');
    expect(form.sheet.getCell(`H${landRow}`).value).toBe(await value('2023Q2', 'inefficient-rectification-land-freed'));
    expect(form.sheet.getCell(`F${form.row('energy-intensity-reduction')}`).value).toBe('4.5(含南太湖新区)');
    const cityRow = form
      .rows()
      .find((r) => r.systemId === CITY_TARGETS && r.indicatorId === 'tech-upgrade-investment-growth')!.row;
    expect(form.sheet.getCell(`F${cityRow}`).value).toBe('全市：10');
    expect(form.sheet.getCell(`G${cityRow}`).value).toBe('—');

    // 南太湖新区 is not assigned the energy target ("/"): the form says so and pre-fills "/".
    const nth = await openForm(forms[5]!.buffer);
    const energy = nth.row('energy-intensity-reduction');
    expect(nth.sheet.getCell(`F${energy}`).value).toBe('/');
    expect(nth.sheet.getCell(`D${energy}`).value).toBe('/');
  });

  it('unlocks only the input cells, protects the sheet with a small spinCount, and validates by range with Chinese messages', async () => {
    const form = await openForm(forms[0]!.buffer);
    const first = form.rows()[0]!.row;
    for (const ref of [`D${first}`, `E${first}`, 'C4', 'F4'])
      expect(form.sheet.getCell(ref).protection?.locked).toBe(false);
    for (const ref of [`B${first}`, `F${first}`, `G${first}`, 'A1', 'A5'])
      expect(form.sheet.getCell(ref).protection?.locked).not.toBe(false);

    const sheetXml = part(forms[0]!.buffer, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toMatch(/<sheetProtection [^>]*sheet="1"/);
    expect(sheetXml).toMatch(/<sheetProtection [^>]*spinCount="1000"/);
    const validations = [...sheetXml.matchAll(/<dataValidation ([^>]*)>\s*<formula1>([^<]*)<\/formula1>/g)].map(
      (m) => ({ attrs: m[1] ?? '', formula: m[2] ?? '' }),
    );
    const valueRules = validations.filter((v) => v.attrs.includes('type="custom"'));
    expect(valueRules.length).toBeGreaterThan(3);
    for (const v of valueRules) {
      const sqref = /sqref="([^"]+)"/.exec(v.attrs)?.[1] ?? '';
      expect(sqref).toMatch(/^D\d+(:D\d+)?$/);
      const top = sqref.split(':')[0]!;
      expect(v.formula).toContain(`ISNUMBER(${top})`);
      expect(v.formula).toContain(`${top}=&quot;/&quot;`);
      expect(v.attrs).toContain('allowBlank="1"');
      expect(v.attrs).toContain('errorTitle="数值不符合要求"');
      expect(v.attrs).toMatch(/error="请填写[^"]*不适用请填“\/”/);
    }
    const growth = valueRules.find((v) => v.attrs.includes(`sqref="D${first}:`));
    expect(growth?.formula).toBe(
      `OR(D${first}=&quot;/&quot;,D${first}=&quot;／&quot;,AND(ISNUMBER(D${first}),D${first}&gt;=-100,D${first}&lt;=10000))`,
    );
    const count = valueRules.find((v) => v.attrs.includes(`sqref="D${form.row('inefficient-firms-rectified')}"`));
    expect(count?.formula).toContain('=INT(');
    expect(sheetXml).not.toMatch(/sqref="[A-Z]+:[A-Z]+"/);
    expect(sheetXml).not.toContain('1048576');
    expect(validations.some((v) => v.attrs.includes('type="textLength"') && v.formula === '500')).toBe(true);
  });

  it('hides a signed _meta sheet (veryHidden) naming template, workspace, city, region, period and every row', async () => {
    expect(part(forms[0]!.buffer, 'xl/workbook.xml')).toMatch(/<sheet [^>]*name="_meta"[^>]*state="veryHidden"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(forms[0]!.buffer as unknown as ExcelJS.Buffer);
    const read = readMetaSheet(wb.getWorksheet('_meta')!);
    if (!read.ok) throw new Error(read.message);
    expect(read.meta).toMatchObject({
      templateId: 'zjb-fill-form',
      templateVersion: 2,
      workspaceId: ws.settings.id,
      workspaceName: ws.settings.name,
      city: '湖州',
      region: '吴兴',
      period: '2023-09',
      sample: true,
    });
    // Signed with the workspace's own key, which stays in the workspace: the form carries only its id.
    const key = (await ws.formSigningKey(false))!;
    expect(read.keyId).toBe(key.keyId);
    expect(read.signature).toBe(metaSignature(read.meta, key.key));
    const bytes = forms[0]!.buffer;
    expect(bytes.includes(key.key)).toBe(false);
    expect(bytes.toString('latin1')).not.toContain(key.key.toString('base64'));
    expect(canonicalMeta(read.meta)).toContain(
      '"rows":[{"row":7,"systemId":"hz-mfg-cluster-regional-2023","indicatorId":"industrial-value-added-growth","period":"2023-09"',
    );
  });

  it('sets up printing: A4 landscape, one page wide, header row repeated, page numbers', () => {
    const xml = part(forms[0]!.buffer, 'xl/worksheets/sheet1.xml');
    expect(xml).toMatch(
      /<pageSetup [^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/,
    );
    expect(xml).toContain('&amp;C第 &amp;P 页 共 &amp;N 页');
    expect(part(forms[0]!.buffer, 'xl/workbook.xml')).toMatch(
      /_xlnm\.Print_Titles[^>]*>(&apos;)?填报表(&apos;)?!\$5:\$5</,
    );
  });

  it('adds the annual section in December, and makes quarter-only forms', async () => {
    const [december] = await generateFillForms(ws, '2023-12', { regions: ['德清'] });
    const rows = (await openForm(december!.buffer)).rows();
    expect([...new Set(rows.map((r) => r.period))]).toEqual(['2023-12', '2023Q4', '2023']);
    expect(rows.find((r) => r.indicatorId === 'high-value-invention-patents-per-10k')?.period).toBe('2023');
    expect(december?.fileName).toBe('2023年1—12月_德清_填报表（示例数据）.xlsx');

    const [quarter] = await generateFillForms(ws, '2023Q3', { regions: ['德清'] });
    expect(new Set((await openForm(quarter!.buffer)).rows().map((r) => r.period))).toEqual(new Set(['2023Q3']));
    expect(quarter?.fileName).toBe('2023年第三季度_德清_填报表（示例数据）.xlsx');
  });

  it('refuses what it cannot make, in Chinese', async () => {
    expect((await rejection(generateFillForms(ws, '2023H1'))).message).toContain('没有按半年报送的指标');
    expect((await rejection(generateFillForms(ws, '2023-09', { regions: ['杭州'] }))).message).toContain(
      '“杭州”不是本工作区的区县',
    );
    expect((await rejection(generateFillForms(ws, '2030-01'))).message).toContain('2030-01 不在本工作区的年度范围内');
    expect((await rejection(generateFillForms(ws, '2023-13'))).message).toContain('月份应在 01 到 12 之间');
  });

  it.skipIf(!sofficeAvailable)(
    'renders in LibreOffice with the instructions, every row, the header row on each page and page numbers',
    async () => {
      const pdf = await toPdf(forms[0]!.buffer, 'fill-form-wuxing.xlsx');
      copyArtifact(pdf, 'fill-form-wuxing');
      await pdfToPngs(pdf, 'fill-form-wuxing');
      const pages = (await pdfPages(pdf)).map(squash);
      const all = pages.join('');
      expect(pages[0]).toContain(squash('2023年1—9月吴兴指标数据填报表（示例数据）'));
      expect(pages[0]).toContain(squash('请于2023年10月8日前将本表发回'));
      pages.forEach((page, i) => {
        // pdftotext reads a wrapped header cell out of order: check the header's words, not their sequence.
        for (const word of ['序号', '指标名称', '单位', '备注', '年度目标', '上年同期', '上期'])
          expect(page).toContain(word);
        expect(page).toContain(`第${i + 1}页共${pages.length}页`);
      });
      // Long names wrap inside their cell and come out interleaved with the row's numbers: match their start.
      for (const r of (await openForm(forms[0]!.buffer)).rows()) expect(all).toContain(squash(r.name).slice(0, 12));
      expect(all).toContain(squash('示例数据：本表中的参考数是程序合成的示例数据'));
    },
  );
});
