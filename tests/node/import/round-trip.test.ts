import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms, type FillForm } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, ImportPreviewStore, missingRegions, previewImport } from '../../../src/main/services/import';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { AppError } from '../../../src/shared/errors';
import type { ImportPreview } from '../../../src/shared/import-types';
import { sofficeAvailable } from '../../support/libreoffice';
import { CITY_TARGETS, fillForm, REGIONAL, sampleWorkspace } from './helpers';

const run = promisify(execFile);

let ws: Workspace;
let wuxing: FillForm;
let nanxun: FillForm;

beforeAll(async () => {
  ws = await sampleWorkspace();
  [wuxing, nanxun] = (await generateFillForms(ws, '2023-12', { regions: ['吴兴', '南浔'] })) as [FillForm, FillForm];
});
afterAll(() => ws.close());

/** Every form of value a district sends back, in 吴兴's December form (months, Q4 and the year in one file). */
function fillWuxing(): Promise<Buffer> {
  return fillForm(wuxing.buffer, (f) => {
    const d = (id: string, period?: string) => f.sheet.getCell(`D${f.row(id, period)}`);
    d('industrial-value-added-growth').value = '5.2%';
    f.sheet.getCell(`E${f.row('industrial-value-added-growth')}`).value = '含新投产企业';
    d('manufacturing-investment-growth').value = '１２．５';
    d('digital-core-mfg-va-growth').value = { richText: [{ text: '8' }, { text: '.4', font: { bold: true } }] };
    d('tech-upgrade-investment-growth').value = '/';
    d('mfg-medium-long-term-loans').value = { formula: '100+23.45', result: 123.45 };
    d('industrial-tax-per-mu').value = { formula: '100/3', result: 100 / 3 };
    const ratio = d('mfg-rd-expense-ratio');
    ratio.value = 0.028; // typed "2.8%" in Excel: stored as 0.028 in a percent format
    ratio.style = { ...ratio.style, numFmt: '0.0%' };
    d('inefficient-rectification-land-freed').value = '1,234.5';
    d('inefficient-firms-rectified').value = 160;
    d('emerging-chain-revenue-share-increase').value = 1.6000000000000001;
    d('high-value-invention-patents-per-10k').value = '19.23';
    d('energy-intensity-reduction').value = '—';
    // A clerk merged two value cells: both rows read the merged (master) cell.
    const perMu = f.row('industrial-value-added-per-mu');
    expect(f.row('mfg-labour-productivity')).toBe(perMu + 1);
    f.sheet.getCell(`D${perMu}`).value = 150;
    f.sheet.mergeCells(`D${perMu}:D${perMu + 1}`);
    f.sheet.getCell('C4').value = '张三';
    f.sheet.getCell('F4').value = '0572-1234567';
  });
}

/** 南浔 sends some good and some bad cells. */
function fillNanxun(): Promise<Buffer> {
  return fillForm(nanxun.buffer, (f) => {
    const d = (id: string) => f.sheet.getCell(`D${f.row(id)}`);
    d('industrial-value-added-growth').value = 7.1;
    d('manufacturing-investment-growth').value = 'abc';
    const date = d('digital-core-mfg-va-growth');
    date.value = new Date(Date.UTC(2023, 8, 1));
    date.style = { ...date.style, numFmt: 'yyyy-mm-dd' };
    d('mfg-medium-long-term-loans').value = { formula: 'SUM(A1:A3)' } as never;
    d('tech-upgrade-investment-growth').value = '12.5万元';
    d('inefficient-firms-rectified').value = 12.5;
    d('industrial-tax-per-mu').value = 31.2;
  });
}

describe('round trip: generate → fill → preview → apply', () => {
  let preview: ImportPreview;
  let before: Record<string, number>;

  it('previews every cell without writing anything', async () => {
    before = {};
    for (const p of ['2023-12', '2023Q4', '2023']) before[p] = (await ws.figures.get(p)).revision;
    preview = await previewImport(ws, [
      { name: wuxing.fileName, bytes: await fillWuxing() },
      { name: nanxun.fileName, bytes: await fillNanxun() },
    ]);
    for (const p of ['2023-12', '2023Q4', '2023']) expect((await ws.figures.get(p)).revision).toBe(before[p]);
    expect(preview.files.map((f) => f.status)).toEqual(['accepted', 'accepted']);

    const w = preview.files[0]!;
    expect(w).toMatchObject({
      region: '吴兴',
      period: '2023-12',
      periodTitle: '2023年1—12月',
      reporter: { name: '张三', phone: '0572-1234567' },
    });
    const cell = (id: string, file = w) => file.cells.find((c) => c.indicatorId === id)!;
    const expected: [string, number | '/'][] = [
      ['industrial-value-added-growth', 5.2],
      ['manufacturing-investment-growth', 12.5],
      ['digital-core-mfg-va-growth', 8.4],
      ['tech-upgrade-investment-growth', '/'],
      ['mfg-medium-long-term-loans', 123.45],
      ['industrial-tax-per-mu', 33.333],
      ['mfg-rd-expense-ratio', 2.8],
      ['inefficient-rectification-land-freed', 1234.5],
      ['inefficient-firms-rectified', 160],
      ['emerging-chain-revenue-share-increase', 1.6],
      ['high-value-invention-patents-per-10k', 19.23],
      ['industrial-value-added-per-mu', 150],
      ['mfg-labour-productivity', 150],
    ];
    for (const [id, value] of expected)
      expect(cell(id), id).toMatchObject({ status: 'changed', old: null, new: value });
    expect(cell('industrial-value-added-growth')).toMatchObject({
      ref: '填报表!D7',
      raw: '5.2%',
      newNote: '含新投产企业',
    });
    expect(cell('digital-core-mfg-va-growth').raw).toBe('8.4');
    expect(cell('mfg-medium-long-term-loans').raw).toBe('=100+23.45 → 123.45');
    expect(cell('industrial-tax-per-mu').message).toBe('公式结果 33.3333333333 按 3 位小数取为 33.333');
    expect(cell('inefficient-rectification-land-freed').period).toBe('2023Q4');
    expect(cell('high-value-invention-patents-per-10k').period).toBe('2023');
    expect(cell('energy-intensity-reduction').status).toBe('blank');
    expect(w.counts.changed).toBe(expected.length);
    expect(w.counts.rejected).toBe(0);

    const n = preview.files[1]!;
    const row = (id: string) => cell(id, n);
    expect(row('industrial-value-added-growth')).toMatchObject({ status: 'changed', new: 7.1 });
    expect(row('industrial-tax-per-mu')).toMatchObject({ status: 'changed', new: 31.2 });
    const rejected = n.cells.filter((c) => c.status === 'rejected');
    expect(rejected.map((c) => c.indicatorId).sort()).toEqual(
      [
        'digital-core-mfg-va-growth',
        'inefficient-firms-rectified',
        'manufacturing-investment-growth',
        'mfg-medium-long-term-loans',
        'tech-upgrade-investment-growth',
      ].sort(),
    );
    const why = (id: string) => row(id).message ?? '';
    expect(why('manufacturing-investment-growth')).toMatch(/^填报表!D8：“abc”不是数字/);
    expect(why('digital-core-mfg-va-growth')).toMatch(/^填报表!D9：“2023-09-01”是日期（2023-09-01），不是数值/);
    expect(why('mfg-medium-long-term-loans')).toMatch(/^填报表!D\d+：“=SUM\(A1:A3\)”是公式，但文件中没有保存计算结果/);
    expect(why('tech-upgrade-investment-growth')).toContain('单位“万元”不对');
    expect(why('inefficient-firms-rectified')).toContain('应为整数');
    expect(preview.totals).toMatchObject({ files: 2, refusedFiles: 0, rejected: 5 });
  });

  it('applies the changed cells per storage period, one journal entry per file and period, recording file and cell for each', async () => {
    const result = await applyImport(ws, preview);
    expect(result.changed).toBe(15);
    expect(result.skippedCells).toBe(5);
    expect(result.applied.map((a) => [a.region, a.periods.map((p) => p.period)])).toEqual([
      ['吴兴', ['2023-12', '2023Q4', '2023']],
      ['南浔', ['2023-12', '2023Q4']],
    ]);

    const dec = await ws.figures.get('2023-12');
    const q4 = await ws.figures.get('2023Q4');
    const year = await ws.figures.get('2023');
    expect(dec.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']).toMatchObject({
      v: 5.2,
      note: '含新投产企业',
    });
    expect(dec.figures[REGIONAL]?.['manufacturing-investment-growth']?.['吴兴']?.v).toBe(12.5);
    expect(dec.figures[REGIONAL]?.['digital-core-mfg-va-growth']?.['吴兴']?.v).toBe(8.4);
    expect(dec.figures[CITY_TARGETS]?.['tech-upgrade-investment-growth']?.['吴兴']?.v).toBe('/');
    expect(dec.figures[CITY_TARGETS]?.['mfg-medium-long-term-loans']?.['吴兴']?.v).toBe(123.45);
    expect(q4.figures[REGIONAL]?.['industrial-tax-per-mu']?.['吴兴']?.v).toBe(33.333);
    expect(q4.figures[REGIONAL]?.['mfg-rd-expense-ratio']?.['吴兴']?.v).toBe(2.8);
    expect(q4.figures[REGIONAL]?.['inefficient-rectification-land-freed']?.['吴兴']?.v).toBe(1234.5);
    expect(q4.figures[REGIONAL]?.['inefficient-firms-rectified']?.['吴兴']?.v).toBe(160);
    expect(q4.figures[REGIONAL]?.['emerging-chain-revenue-share-increase']?.['吴兴']?.v).toBe(1.6);
    expect(q4.figures[REGIONAL]?.['mfg-labour-productivity']?.['吴兴']?.v).toBe(150);
    expect(year.figures[REGIONAL]?.['high-value-invention-patents-per-10k']?.['吴兴']?.v).toBe(19.23);
    expect(dec.figures[REGIONAL]?.['industrial-value-added-growth']?.['南浔']?.v).toBe(7.1);
    expect(dec.figures[REGIONAL]?.['manufacturing-investment-growth']?.['南浔']).toBeUndefined();
    expect(q4.figures[REGIONAL]?.['inefficient-firms-rectified']?.['南浔']).toBeUndefined();

    // The stored figure itself says where it came from.
    expect(dec.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.origin).toEqual({
      kind: 'import',
      file: wuxing.fileName,
      sheet: '填报表',
      cell: 'D7',
    });

    const history = await ws.figures.history('2023-12');
    expect(history.slice(0, 2).map((h) => h.origin)).toEqual([
      { kind: 'import', file: nanxun.fileName, sheet: '填报表' },
      { kind: 'import', file: wuxing.fileName, sheet: '填报表' },
    ]);
    expect(history[1]?.summary).toBe(`导入 ${wuxing.fileName} 填报表，5 项`);

    // Every changed figure in the audit names its file and cell, and matches the preview's cell.
    const changedCells = preview.files.flatMap((f) =>
      f.cells.filter((c) => c.status === 'changed').map((c) => ({ file: f.file, c })),
    );
    const audited = (await ws.auditLog())
      .filter((a) => a.origin?.kind === 'import')
      .flatMap((a) => (a.changes ?? []).map((ch) => ({ period: a.period, ...ch })));
    expect(audited).toHaveLength(changedCells.length);
    for (const { file, c } of changedCells) {
      const entry = audited.find(
        (a) =>
          a.period === c.period &&
          a.systemId === c.systemId &&
          a.indicatorId === c.indicatorId &&
          a.region === c.region,
      );
      expect(entry?.origin, c.ref).toEqual({
        kind: 'import',
        file,
        sheet: '填报表',
        cell: c.ref.replace('填报表!', ''),
      });
      expect(entry?.new).toEqual(c.new);
    }
    const cellHistory = await ws.figures.cellHistory('2023Q4', REGIONAL, 'inefficient-firms-rectified', '吴兴');
    expect(cellHistory[0]?.origin).toMatchObject({
      kind: 'import',
      file: wuxing.fileName,
      cell: expect.stringMatching(/^D\d+$/),
    });
  });

  it('refuses to apply the same preview twice, and a second preview finds the figures unchanged', async () => {
    const again = await applyImport(ws, preview).then(
      () => null,
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe('CONFLICT');
    expect((again as AppError).message).toContain('在预览之后被修改过');

    const second = await previewImport(ws, [{ name: wuxing.fileName, bytes: await fillWuxing() }]);
    expect(second.files[0]?.counts).toMatchObject({ changed: 0, unchanged: 13, rejected: 0 });
  });

  it('applies by preview id from the store exactly once', async () => {
    const store = new ImportPreviewStore();
    const bytes = await fillForm(nanxun.buffer, (f) => {
      f.sheet.getCell(`D${f.row('manufacturing-investment-growth')}`).value = 9.9;
    });
    const p = await previewImport(ws, [{ name: nanxun.fileName, bytes }], { store });
    const result = await applyImport(ws, p.id, { store });
    expect(result.changed).toBe(1);
    const err = await applyImport(ws, p.id, { store }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('NOT_FOUND');
    expect((err as AppError).message).toContain('找不到这次导入预览');
  });

  it('lists which regions have returned the period (催报)', async () => {
    const [deqing] = await generateFillForms(ws, '2023-10', { regions: ['德清'] });
    const bytes = await fillForm(deqing!.buffer, (f) => {
      for (const r of f.rows())
        f.sheet.getCell(`D${r.row}`).value = r.indicatorId === 'mfg-medium-long-term-loans' ? 40 : 6.5;
    });
    const p = await previewImport(ws, [{ name: deqing!.fileName, bytes }], { period: '2023-10' });
    await applyImport(ws, p);
    const list = await missingRegions(ws, '2023-10');
    expect(list.map((r) => [r.region, r.status])).toEqual([
      ['吴兴', 'missing'],
      ['南浔', 'missing'],
      ['德清', 'returned'],
      ['长兴', 'missing'],
      ['安吉', 'missing'],
      ['南太湖新区', 'missing'],
    ]);
    expect(list[2]).toMatchObject({
      missingIndicators: [],
      dueCount: 5,
      lastImport: { file: deqing!.fileName, by: '导入测试员' },
    });
    expect(list[0]?.missingIndicators).toContain('规上工业增加值增长');

    const december = await missingRegions(ws, '2023-12');
    expect(december.find((r) => r.region === '南浔')).toMatchObject({
      status: 'partial',
      lastImport: { file: nanxun.fileName },
    });
    // The date sent for this one was rejected, so it is still missing.
    expect(december.find((r) => r.region === '南浔')?.missingIndicators).toContain('数字经济核心产业制造业增加值增速');
    expect(december.find((r) => r.region === '南浔')?.missingIndicators).not.toContain('制造业投资增长');
    expect(december.find((r) => r.region === '南浔')?.missingIndicators).toContain(
      '高耗低效整治企业数（2023年第四季度）',
    );
    expect(december.find((r) => r.region === '长兴')?.status).toBe('missing');
  });
});

describe.skipIf(!sofficeAvailable)(
  'a form re-saved by another producer (LibreOffice, as WPS would rewrite the package)',
  () => {
    it('imports the values, formulas with cached results and rich text after LibreOffice rewrote the file', async () => {
      const [changxing] = await generateFillForms(ws, '2023-12', { regions: ['长兴'] });
      const filled = await fillForm(changxing!.buffer, (f) => {
        const d = (id: string) => f.sheet.getCell(`D${f.row(id)}`);
        d('industrial-value-added-growth').value = { formula: '3.1*2', result: 6.2 };
        d('manufacturing-investment-growth').value = { richText: [{ text: '1' }, { text: '1.8' }] };
        d('digital-core-mfg-va-growth').value = '５.５%';
        d('tech-upgrade-investment-growth').value = '/';
        d('inefficient-firms-rectified').value = 171;
        f.sheet.getCell(`E${f.row('inefficient-firms-rectified')}`).value = '含整治提升企业';
      });
      const dir = mkdtempSync(join(tmpdir(), 'zjb-wps-'));
      const input = join(dir, 'in', changxing!.fileName);
      await run('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
      writeFileSync(input, filled);
      const profile = mkdtempSync(join(tmpdir(), 'zjb-lo-profile-'));
      await run(
        'soffice',
        [
          `-env:UserInstallation=file://${profile}`,
          '--headless',
          '--convert-to',
          'xlsx:Calc MS Excel 2007 XML',
          '--outdir',
          join(dir, 'out'),
          input,
        ],
        { timeout: 120_000 },
      );
      const resaved = readFileSync(join(dir, 'out', changxing!.fileName));
      const parts = unzipSync(new Uint8Array(resaved));
      // Another producer really rewrote the package: LibreOffice names itself and turns veryHidden into hidden.
      expect(strFromU8(parts['docProps/app.xml']!)).toContain('LibreOffice');
      expect(strFromU8(parts['xl/workbook.xml']!)).toMatch(/name="_meta"[^>]*state="hidden"/);

      const p = await previewImport(ws, [{ name: changxing!.fileName, bytes: resaved }], { period: '2023-12' });
      expect(p.files[0]?.status).toBe('accepted');
      const cell = (id: string) => p.files[0]!.cells.find((c) => c.indicatorId === id)!;
      expect(cell('industrial-value-added-growth')).toMatchObject({ status: 'changed', new: 6.2, raw: '=3.1*2 → 6.2' });
      expect(cell('manufacturing-investment-growth')).toMatchObject({ status: 'changed', new: 11.8 });
      expect(cell('digital-core-mfg-va-growth')).toMatchObject({ status: 'changed', new: 5.5 });
      expect(cell('tech-upgrade-investment-growth')).toMatchObject({ status: 'changed', new: '/' });
      expect(cell('inefficient-firms-rectified')).toMatchObject({
        status: 'changed',
        new: 171,
        newNote: '含整治提升企业',
      });
      expect(p.totals.rejected).toBe(0);
      await applyImport(ws, p);
      expect(
        (await ws.figures.get('2023Q4')).figures[REGIONAL]?.['inefficient-firms-rectified']?.['长兴'],
      ).toMatchObject({ v: 171, note: '含整治提升企业' });
    });
  },
);
