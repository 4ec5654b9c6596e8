import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { metaSignature, readMetaSheet } from '../../../src/main/services/documents/xlsx-forms/form-meta';
import { applyImport, decodeUploads, previewImport, type ImportFile } from '../../../src/main/services/import';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { sofficeAvailable } from '../../support/libreoffice';
import { context, tempDir, templates } from '../../support/workspace';
import { fillForm, openForm, saveForm, sampleWorkspace, setMetaValue } from './helpers';

const run = promisify(execFile);
const PERIODS = ['2023-12', '2023Q4', '2023'];

let ws: Workspace;
let good: Buffer;
let goodName: string;
const others: Workspace[] = [];

beforeAll(async () => {
  ws = await sampleWorkspace();
  const [form] = await generateFillForms(ws, '2023-12', { regions: ['吴兴'] });
  goodName = form!.fileName;
  good = await fillForm(form!.buffer, (f) => {
    f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 6.6;
  });
});
afterAll(async () => {
  await ws.close();
  for (const o of others) await o.close();
});

async function revisions(): Promise<number[]> {
  return Promise.all(PERIODS.map(async (p) => (await ws.figures.get(p)).revision));
}

/** A minimal package with the given parts, deflated. */
function zip(parts: Record<string, Uint8Array>): Buffer {
  return Buffer.from(zipSync(parts, { level: 9 }));
}

const XLSX_SKELETON = {
  '[Content_Types].xml': strToU8(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  ),
  'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook/>'),
};

/** A skeleton whose workbook names sheet1 as the form sheet, so the importer reads that part. */
const XLSX_WITH_FORM_SHEET = {
  ...XLSX_SKELETON,
  'xl/workbook.xml': strToU8(
    '<?xml version="1.0"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报表" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  'xl/_rels/workbook.xml.rels': strToU8(
    '<?xml version="1.0"?><Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
};

/** Rewrites the uncompressed size an entry declares, in its local header and the central directory. */
function declareSize(bytes: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const encoded = Buffer.from(name, 'utf8');
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.subarray(i + 30, i + 30 + encoded.length).equals(encoded))
      out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + encoded.length).equals(encoded))
      out.writeUInt32LE(size, i + 24);
  }
  return out;
}

function ole2(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  let offset = 0;
  for (const n of streamNames) {
    Buffer.from(n, 'utf16le').copy(directory, offset);
    offset += 128;
  }
  return Buffer.concat([header, directory, randomBytes(1024)]);
}

async function retouch(bytes: Buffer, edit: (form: Awaited<ReturnType<typeof openForm>>) => void): Promise<Buffer> {
  const form = await openForm(bytes);
  edit(form);
  return saveForm(form);
}

/**
 * Changes the meta and signs it again with the workspace's own key: a form this workspace could have
 * issued that says something else (a district cannot do this; it tests the checks after the signature).
 */
async function forgeMeta(bytes: Buffer, key: string, value: string): Promise<Buffer> {
  const signing = (await ws.formSigningKey(false))!;
  return retouch(bytes, (form) => {
    setMetaValue(form, key, value);
    const read = readMetaSheet(form.meta as never);
    if (!read.ok) throw new Error(read.message);
    setMetaValue(form, 'signature', metaSignature(read.meta, signing.key));
  });
}

async function preview(files: ImportFile[], period?: string) {
  return previewImport(ws, files, period ? { period } : {});
}

describe('refusing whole files, each with a Chinese message naming it, and writing nothing', () => {
  const cases: [string, () => Promise<Buffer> | Buffer, string][] = [
    [
      '旧表.xls',
      () => ole2(['Root Entry', 'Workbook', 'SummaryInformation']),
      '是旧版 Excel 97-2003 格式（.xls 或 WPS .et），程序无法读取',
    ],
    [
      '加密.xlsx',
      () => ole2(['Root Entry', 'EncryptionInfo', 'EncryptedPackage', 'DataSpaces']),
      '设置了打开密码（文件已加密），程序无法读取',
    ],
    ['超大.xlsx', () => Buffer.alloc(20 * 1024 * 1024 + 1), '大小为 20.0 MB，超过 20 MB 上限'],
    ['空文件.xlsx', () => Buffer.alloc(0), '是空文件（0 字节）'],
    [
      '乱码.xlsx',
      () => Buffer.concat([Buffer.from('zjb'), randomBytes(4000)]),
      '不是 Excel 工作簿（.xlsx），也不是能识别的表格文件',
    ],
    ['截断.xlsx', () => good.subarray(0, Math.floor(good.length / 2)), '不是有效的 .xlsx 文件：压缩包结构不完整'],
    ['压缩包.xlsx', () => zip({ 'readme.txt': strToU8('hello') }), '是一个压缩包，但不是 Excel 工作簿（.xlsx）'],
    [
      '文档.xlsx',
      () => zip({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }),
      '是 Word 文档，不是 Excel 工作簿',
    ],
    [
      '炸弹-压缩比.xlsx',
      () => zip({ ...XLSX_SKELETON, 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }),
      '压缩比异常',
    ],
    [
      '炸弹-声明.xlsx',
      () =>
        declareSize(
          zip({ ...XLSX_SKELETON, 'xl/worksheets/sheet1.xml': strToU8('<worksheet/>') }),
          'xl/worksheets/sheet1.xml',
          250 * 1024 * 1024,
        ),
      '解压后将达 250.0 MB（超过 200.0 MB 上限），疑似“压缩炸弹”',
    ],
    [
      '炸弹-谎报.xlsx',
      () =>
        declareSize(
          zip({ ...XLSX_WITH_FORM_SHEET, 'xl/worksheets/sheet1.xml': new Uint8Array(8 * 1024 * 1024) }),
          'xl/worksheets/sheet1.xml',
          1000,
        ),
      '实际解压大小超过声明的大小',
    ],
    [
      '损坏的工作簿.xlsx',
      () => zip({ ...XLSX_SKELETON, 'xl/workbook.xml': strToU8('<workbook><sheets>') }),
      '已损坏，无法按 Excel 工作簿（.xlsx）读取',
    ],
    [
      '普通表格.xlsx',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Sheet1').getCell('A1').value = '规上工业增加值增长';
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      // Says what the file is and where it belongs instead, not only what it lacks.
      '是一个普通的 Excel 工作簿（工作表“Sheet1”），不是本程序下发的填报表（缺少隐藏的 _meta 工作表），无法确定它属于哪个区县和哪一期。如果这是单位已有的历史数据表，请点本页的“导入历史数据”',
    ],
    [
      '改了区县.xlsx',
      () => retouch(good, (f) => setMetaValue(f, 'region', '南浔')),
      '隐藏的 _meta 工作表签名不符（内容被改动过）',
    ],
    [
      '改了行号.xlsx',
      () =>
        retouch(good, (f) =>
          f.meta.eachRow((r) =>
            r.getCell(3).value === 'industrial-value-added-growth' ? (r.getCell(1).value = '8') : undefined,
          ),
        ),
      '签名不符',
    ],
    [
      '新版模板.xlsx',
      () => retouch(good, (f) => setMetaValue(f, 'templateVersion', '3')),
      '是未知版本（“3”）的填报表模板，本程序只能读取第 2 版',
    ],
    [
      '删了元数据行.xlsx',
      () => retouch(good, (f) => setMetaValue(f, 'workspaceId', '')),
      '隐藏的 _meta 工作表内容不完整或被改动',
    ],
    ['未知区县.xlsx', () => forgeMeta(good, 'region', '长合区'), '的填报单位“长合区”不是本工作区的区县'],
    ['期别超范围.xlsx', () => forgeMeta(good, 'period', '2030-12'), '的统计期有误：2030-12 不在本工作区的年度范围内'],
    [
      '改了布局.xlsx',
      () => retouch(good, (f) => (f.sheet.getCell('B7').value = '别的指标')),
      '表格布局被改动：填报表第 7 行应为“规上工业增加值增长”，现在是“别的指标”',
    ],
  ];

  it.each(cases)('%s', async (name, build, expected) => {
    const before = await revisions();
    const p = await preview([{ name, bytes: await build() }]);
    expect(p.files[0]?.status).toBe('refused');
    expect(p.files[0]?.message).toContain(`“${name}”`);
    expect(p.files[0]?.message).toContain(expected);
    expect(p.files[0]?.cells).toEqual([]);
    const result = await applyImport(ws, p);
    expect(result.applied).toEqual([]);
    expect(await revisions()).toEqual(before);
  });

  it('refuses a file over 20 MB sent as base64 without decoding it', async () => {
    const base64 = 'A'.repeat(Math.ceil(((20 * 1024 * 1024 + 10) * 4) / 3 / 4) * 4);
    const [file] = decodeUploads([{ name: '大文件.xlsx', base64 }]);
    expect(file).toEqual({ name: '大文件.xlsx', size: expect.any(Number) });
    const p = await preview([file!]);
    expect(p.files[0]?.message).toMatch(/^“大文件\.xlsx”大小为 20\.0 MB，超过 20 MB 上限/);
  });

  it('refuses a form of another workspace of the same city', async () => {
    const other = await sampleWorkspace(5);
    others.push(other);
    const [form] = await generateFillForms(other, '2023-12', { regions: ['吴兴'] });
    const p = await preview([{ name: '别的工作区.xlsx', bytes: form!.buffer }]);
    expect(p.files[0]?.message).toBe(
      `“别的工作区.xlsx”属于另一个工作区“${other.settings.name}”（编号 sample-5），不是当前工作区“${ws.settings.name}”，不能导入。请在对应的工作区中导入，或用本工作区重新生成填报表下发`,
    );
  });

  it('refuses a form filled for another city', async () => {
    const jiaxing = await Workspace.create(
      join(tempDir(), 'jx'),
      { name: '嘉兴专班', city: '嘉兴', systems: [await templates.get('jx-plan-2023')] },
      await context(),
    );
    others.push(jiaxing);
    const [form] = await generateFillForms(jiaxing, '2023-12', { regions: ['南湖'] });
    const p = await preview([{ name: form!.fileName, bytes: form!.buffer }]);
    expect(p.files[0]?.message).toContain(
      `“${form!.fileName}”是嘉兴的填报表（工作区“嘉兴专班”），当前工作区是湖州的“${ws.settings.name}”，不能导入`,
    );
  });

  it('refuses a form of another period than the one being imported', async () => {
    const p = await preview([{ name: goodName, bytes: good }], '2023-11');
    expect(p.files[0]?.message).toBe(
      `“${goodName}”是2023年1—12月的填报表，本次导入的是2023年1—11月，不能导入。请核对文件或所选的统计期`,
    );
  });

  it('imports the same file picked twice once, and refuses two different files for the same region and period', async () => {
    const twice = await preview([
      { name: 'a.xlsx', bytes: good },
      { name: 'b.xlsx', bytes: good },
    ]);
    expect(twice.files.map((f) => f.status)).toEqual(['accepted', 'refused']);
    expect(twice.files[1]?.message).toBe('“b.xlsx”与“a.xlsx”是同一份文件，只导入一次');

    const other = await retouch(
      good,
      (f) => (f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 7.7),
    );
    const before = await revisions();
    const conflict = await preview([
      { name: '吴兴-第一次.xlsx', bytes: good },
      { name: '吴兴-更正.xlsx', bytes: other },
      { name: 'c.xlsx', bytes: good },
    ]);
    expect(conflict.files.map((f) => f.status)).toEqual(['refused', 'refused', 'refused']);
    expect(conflict.files[1]?.message).toBe(
      '“吴兴-更正.xlsx”与“吴兴-第一次.xlsx”、“c.xlsx”都是吴兴2023年1—12月的填报表，同一区县同一期一次只能导入一份。请确认哪一份是正确的，只选那一份重新导入',
    );
    await applyImport(ws, conflict);
    expect(await revisions()).toEqual(before);
  });

  it('in a batch, writes the good file and nothing from the refused ones', async () => {
    const before = await revisions();
    const p = await preview([
      { name: '旧表.xls', bytes: ole2(['Workbook']) },
      { name: goodName, bytes: good },
      { name: '改了区县.xlsx', bytes: await retouch(good, (f) => setMetaValue(f, 'region', '南浔')) },
    ]);
    expect(p.files.map((f) => f.status)).toEqual(['refused', 'accepted', 'refused']);
    expect(p.totals.refusedFiles).toBe(2);
    const result = await applyImport(ws, p);
    expect(result.applied.map((a) => a.file)).toEqual([goodName]);
    const after = await revisions();
    expect(after[0]).toBe((before[0] ?? 0) + 1);
    expect(after.slice(1)).toEqual(before.slice(1));
    const dec = await ws.figures.get('2023-12');
    expect(dec.figures['hz-mfg-cluster-regional-2023']?.['industrial-value-added-growth']?.['南浔']).toBeUndefined();
  });
});

describe('cells that cannot be read are rejected with their sheet!cell, the rest of the file still applies', () => {
  it('rejects a formula without a cached result and a date, naming the cells', async () => {
    const [form] = await generateFillForms(ws, '2023-10', { regions: ['安吉'] });
    const bytes = await fillForm(form!.buffer, (f) => {
      f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = { formula: 'D8*2' } as never;
      const date = f.sheet.getCell(`D${f.row('manufacturing-investment-growth')}`);
      date.value = new Date(Date.UTC(2023, 9, 5));
      date.style = { ...date.style, numFmt: 'm月d日' };
      f.sheet.getCell(`D${f.row('digital-core-mfg-va-growth')}`).value = 9.1;
    });
    const p = await preview([{ name: form!.fileName, bytes }]);
    const cells = p.files[0]!.cells;
    expect(cells[0]).toMatchObject({
      status: 'rejected',
      message:
        '填报表!D7：“=D8*2”是公式，但文件中没有保存计算结果（可能由不自动计算的程序生成）。请在 Excel 或 WPS 中打开、确认计算结果后保存再发回，或直接填写数值',
    });
    expect(cells[1]).toMatchObject({
      status: 'rejected',
      message:
        '填报表!D8：“2023-10-05”是日期（2023-10-05），不是数值。如本应是数字，请把单元格格式改为“常规”后重新输入',
    });
    expect(cells[2]).toMatchObject({ status: 'changed', new: 9.1 });
    const result = await applyImport(ws, p);
    expect(result).toMatchObject({ changed: 1, skippedCells: 2 });
  });
});

describe.skipIf(!sofficeAvailable)('a real .xls written by LibreOffice', () => {
  it('is refused as the old format, not crashed on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zjb-xls-'));
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'form.xlsx'), good);
    const profile = mkdtempSync(join(tmpdir(), 'zjb-lo-profile-'));
    await run(
      'soffice',
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--convert-to',
        'xls',
        '--outdir',
        join(dir, 'out'),
        join(dir, 'form.xlsx'),
      ],
      { timeout: 120_000 },
    );
    const p = await preview([{ name: '吴兴.xls', bytes: readFileSync(join(dir, 'out', 'form.xls')) }]);
    expect(p.files[0]?.message).toContain('“吴兴.xls”是旧版 Excel 97-2003 格式');
  });
});
