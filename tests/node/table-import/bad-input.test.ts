import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readGrids } from '../../../src/main/services/table-import/read-grid';
import { AppError } from '../../../src/shared/errors';
import { MAX_TARGET_TABLE_ROWS } from '../../../src/shared/table-import/target-table';
import { resaveWithLibreOffice, sofficeAvailable } from '../../support/target-tables';
import { allMessages, errors, previewOf, rowNamed } from './helpers';

async function book(build: (ws: ExcelJS.Worksheet) => void, name = '目标表'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet(name));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rows(ws: ExcelJS.Worksheet, data: (string | number | null)[][]): void {
  for (const r of data) ws.addRow(r);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.message;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('bad target tables get a Chinese message naming sheet and cell, and no system', () => {
  it('no recognisable name column', async () => {
    const p = await previewOf(
      await book((ws) =>
        rows(ws, [
          ['序号', '单位', '2026年目标', '责任单位'],
          [1, '%', 7, '市经信局'],
        ]),
      ),
    );
    expect(p.system).toBeNull();
    expect(errors(p)).toEqual([
      '工作表“目标表”第 1 行的表头中没有指标名称列（如“指标名称”“指标”“二级指标”）。请在表头中写明，或在“列的含义”中指定哪一列是指标名称',
    ]);
    const fixed = await previewOf(
      await book((ws) =>
        rows(ws, [
          ['序号', '名目', '单位', '2026年目标'],
          [1, '规上工业增加值增长', '%', 7],
        ]),
      ),
      { columns: { B: { role: 'name' } } },
    );
    expect(errors(fixed)).toEqual([]);
    expect(fixed.system?.indicators[0]?.name).toBe('规上工业增加值增长');
  });

  it('a sheet without any header', async () => {
    const p = await previewOf(
      await book((ws) =>
        rows(ws, [
          ['甲', '乙', '丙'],
          [1, 2, 3],
        ]),
      ),
    );
    expect(errors(p)[0]).toMatch(/^工作表“目标表”第 1—2 行中没有找到表头：至少需要“指标名称”一列/);
  });

  it('duplicate indicator names: both cells named, and a row can be left out to fix it', async () => {
    const file = await book((ws) =>
      rows(ws, [
        ['指标名称', '单位', '2026年'],
        ['制造业投资增长', '%', 10],
        ['规上工业营业收入', '亿元', 8800],
        ['制造业投资增长 ', '%', 12],
      ]),
    );
    const p = await previewOf(file);
    expect(errors(p)).toEqual([
      '工作表“目标表”A4：指标名称“制造业投资增长”与第 2 行（A2）重复。请在预览中取消勾选其中一行，或修改名称加以区分',
    ]);
    const fixed = await previewOf(file, { rows: [{ row: 4, include: false }] });
    expect(errors(fixed)).toEqual([]);
    expect(fixed.system?.indicators.map((i) => i.name)).toEqual(['制造业投资增长', '规上工业营业收入']);
  });

  it('a unit missing: an error until the clerk fills it in (无 for none)', async () => {
    const file = await book((ws) =>
      rows(ws, [
        ['指标名称', '单位', '2026年目标'],
        ['数据中心PUE值', null, '≤1.3'],
        ['新增专精特新企业', null, '20家以上'],
      ]),
    );
    const p = await previewOf(file);
    expect(errors(p)).toEqual([
      '工作表“目标表”B2：指标“数据中心PUE值”没有单位（单位列为空，名称后也没有括号注明）。请在预览中填写单位；确实没有单位的，填“无”',
    ]);
    expect(rowNamed(p, '新增专精特新企业')).toMatchObject({
      unit: '家',
      unitReason: '表中没有写单位，取自目标值中的单位',
    });
    const fixed = await previewOf(file, { rows: [{ row: 2, unit: '无' }] });
    expect(errors(fixed)).toEqual([]);
    expect(fixed.system?.indicators[0]).toMatchObject({ unit: '', direction: 'lower', targets: { '2026': '≤1.3' } });
  });

  it('"2023年目标" style year headers are read as the year, and the reason names the header', async () => {
    const p = await previewOf(
      await book((ws) =>
        rows(ws, [
          ['指标名称', '单位', '2023年目标', '2025年目标值', '2027年 目标'],
          ['数字经济核心产业增加值', '亿元', 230, 350, 440],
        ]),
      ),
    );
    expect(p.table.columns.slice(2).map((c) => [c.role, c.reason])).toEqual([
      [{ role: 'target', year: '2023' }, '表头“2023年目标”'],
      [{ role: 'target', year: '2025' }, '表头“2025年目标值”'],
      [{ role: 'target', year: '2027' }, '表头“2027年目标”'],
    ]);
    expect(p.system?.years).toEqual(['2023', '2025', '2027']);
  });

  it('"5.2%" and "1,234" are read as numbers with a note; a percentage for an indicator in 亿元 stays text', async () => {
    const p = await previewOf(
      await book((ws) => {
        rows(ws, [
          ['指标名称', '单位', '2026年'],
          ['研发经费占GDP比重', '%', '5.2%'],
          ['网络零售额', '亿元', '1,234'],
          ['数字经济增加值', '亿元', '5.2%'],
          ['高新技术产业增加值占比', '%', 0.66],
        ]);
        ws.getCell('C5').numFmt = '0%';
      }),
    );
    expect(rowNamed(p, '研发经费占GDP比重').targets['2026']?.value).toBe(5.2);
    expect(rowNamed(p, '研发经费占GDP比重').notes).toContain('C2：“5.2%”按数值 5.2 读取');
    expect(rowNamed(p, '网络零售额').targets['2026']?.value).toBe(1234);
    expect(rowNamed(p, '高新技术产业增加值占比').targets['2026']?.value).toBe(66);
    const mismatch = rowNamed(p, '数字经济增加值');
    expect(mismatch.targets['2026']?.value).toBe('5.2%');
    expect(mismatch.messages.map((m) => m.text)).toEqual([
      '工作表“目标表”C4：目标“5.2%”按原文保存，程序无法自动判断是否达到（目标单位“%”与指标单位“亿元”不一致，需人工判断）',
    ]);
  });

  it('merged header cells: the merge is named and split over its columns', async () => {
    const p = await previewOf(
      await book((ws) => {
        rows(ws, [
          ['指标名称', '单位', '2026年分区县目标', null, null],
          [null, null, '吴兴', '南浔', '全市'],
          ['规上工业增加值增长', '%', 6.5, 6, 7],
        ]);
        ws.mergeCells('A1:A2');
        ws.mergeCells('B1:B2');
        ws.mergeCells('C1:E1');
      }),
    );
    expect(errors(p)).toEqual([]);
    expect(allMessages(p).map((m) => m.text)).toContain(
      '工作表“目标表”C1:E1：合并的表头“2026年分区县目标”分到 C、D、E 列（吴兴、南浔、全市）',
    );
  });

  it('hidden rows and columns are left out by default, with a message; the clerk can include the row', async () => {
    const file = await book((ws) => {
      rows(ws, [
        ['指标名称', '单位', '2026年', '2025年'],
        ['制造业投资增长', '%', 10, 9],
        ['旧指标', '%', 1, 1],
        ['网络零售额', '亿元', 1300, 1200],
      ]);
      ws.getRow(3).hidden = true;
      ws.getColumn(4).hidden = true;
    });
    const p = await previewOf(file);
    const hidden = rowNamed(p, '旧指标');
    expect(hidden).toMatchObject({ include: false, excludedReason: '隐藏行' });
    expect(allMessages(p).map((m) => m.text)).toEqual(
      expect.arrayContaining([
        '工作表“目标表”第 3 行是隐藏行（指标“旧指标”），默认不导入；如要导入，请在预览中勾选该行',
        '工作表“目标表”D列是隐藏列，未读取；如需读取，请在“列的含义”中为它选择含义',
      ]),
    );
    expect(p.system?.indicators.map((i) => i.name)).toEqual(['制造业投资增长', '网络零售额']);
    expect(p.system?.years).toEqual(['2026']);
    const included = await previewOf(file, { rows: [{ row: 3, include: true }] });
    expect(included.system?.indicators.map((i) => i.name)).toEqual(['制造业投资增长', '旧指标', '网络零售额']);
  });

  it('a 10,000-row sheet is refused by its declared size, without loading the workbook', async () => {
    const file = await book((ws) => {
      ws.addRow(['指标名称', '单位', '2026年']);
      for (let i = 1; i < 10_000; i++) ws.addRow([`指标${i}`, '亿元', i]);
    });
    const grids = await readGrids(
      { kind: 'file', name: 'big.xlsx', bytes: file },
      { maxRows: MAX_TARGET_TABLE_ROWS + 1 },
    );
    expect(grids.map((g) => [g.name, g.rowCount, g.totalRows])).toEqual([['目标表', 0, 10_000]]);
    const smallBeside = await (async () => {
      const wb = new ExcelJS.Workbook();
      const big = wb.addWorksheet('大表');
      for (let i = 0; i < 3000; i++) big.addRow([`指标${i}`, '亿元', i]);
      const small = wb.addWorksheet('目标表');
      small.addRow(['指标名称', '单位', '2026年']);
      small.addRow(['网络零售额', '亿元', 1300]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    })();
    const both = await previewOf(smallBeside);
    expect(both.table.sheet).toBe('目标表');
    expect(both.system?.indicators.map((i) => i.name)).toEqual(['网络零售额']);
    expect(both.sheets).toEqual([
      { name: '大表', rows: 3000, table: false },
      { name: '目标表', rows: 2, table: true },
    ]);
    const p = await previewOf(file);
    expect(errors(p)).toEqual([
      '工作表“目标表”有 10000 行，超过 2000 行的上限，不像是指标目标表（一张目标表通常不到 200 行）。请确认选择了正确的工作表，或把目标表复制到一个新工作表后再导入',
    ]);
    expect(p.system).toBeNull();
  });

  it('a sheet of prose', async () => {
    const p = await previewOf(
      await book((ws) =>
        rows(ws, [
          ['湖州市聚焦八大新兴产业链建设聚力打造湖州市先进制造业集群行动方案(2023—2027年)'],
          [
            '为深入贯彻落实省委、省政府关于推动制造业高质量发展的决策部署，加快建设现代化产业体系，结合我市实际，制定本方案。',
          ],
          ['一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，聚焦八大新兴产业链。'],
        ]),
      ),
    );
    expect(errors(p)).toEqual([
      '工作表“目标表”是一段文字，不是表格（没有找到“指标名称”“单位”“目标值”等表头）。请只复制方案中的指标表，或选择有目标表的工作表',
    ]);
  });

  it('a date or a formula without its result in a target cell', async () => {
    const p = await previewOf(
      await book((ws) => {
        rows(ws, [
          ['指标名称', '单位', '2026年'],
          ['网络零售额', '亿元', null],
          ['数字贸易总额', '亿元', null],
        ]);
        ws.getCell('C2').value = new Date(Date.UTC(2026, 4, 20));
        ws.getCell('C3').value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
      }),
    );
    expect(errors(p)).toEqual([
      '工作表“目标表”C2：是日期（2026-05-20），不是目标值。如本应是数字，请把单元格格式改为“常规”后重新输入。请在表格中改正后重新导入',
      '工作表“目标表”C3：是公式，但文件中没有保存计算结果（可能由不自动计算的程序生成）。请在 Excel 或 WPS 中打开、确认计算结果后保存再发回，或直接填写数值。请在表格中改正后重新导入',
    ]);
  });

  it('.xls and .et files, and an old-format file named .xlsx, are refused with what to do', async () => {
    const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    for (const name of ['目标表.xls', '目标表.et'])
      expect(await refusal(readGrids({ kind: 'file', name, bytes: ole2 }, { maxRows: 10 }))).toBe(
        `“${name}”是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式，程序无法读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入`,
      );
    expect(await refusal(readGrids({ kind: 'file', name: '改名的.xlsx', bytes: ole2 }, { maxRows: 10 }))).toBe(
      '“改名的.xlsx”是旧版 Excel 97-2003 格式（.xls 或 WPS .et），程序无法读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入',
    );
    expect(
      await refusal(readGrids({ kind: 'file', name: '说明.xlsx', bytes: Buffer.from('只是文字') }, { maxRows: 10 })),
    ).toMatch(
      /^“说明\.xlsx”不是 Excel 工作簿（\.xlsx），也不是能识别的表格文件，无法读取。请选择 Excel 工作簿（\.xlsx）$/,
    );
    if (!sofficeAvailable) console.warn('[table-import] LibreOffice (soffice) not found: no real .xls file is tried.');
    else {
      // A real Excel 97-2003 file, as LibreOffice writes it: refused the same way under .xls, .et and .xlsx.
      const table = await book((ws) =>
        rows(ws, [
          ['指标名称', '单位', '2026年目标'],
          ['网络零售额', '亿元', 1300],
        ]),
      );
      const [xls] = await resaveWithLibreOffice([{ name: '目标表.xlsx', data: table }], 'xls');
      expect(xls?.subarray(0, 4).toString('hex')).toBe('d0cf11e0');
      for (const name of ['目标表.xls', '目标表.et'])
        expect(await refusal(readGrids({ kind: 'file', name, bytes: xls! }, { maxRows: 10 }))).toBe(
          `“${name}”是旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式，程序无法读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入`,
        );
      expect(await refusal(readGrids({ kind: 'file', name: '改名的.xlsx', bytes: xls! }, { maxRows: 10 }))).toMatch(
        /^“改名的\.xlsx”是旧版 Excel 97-2003 格式/,
      );
    }
    expect(await refusal(readGrids({ kind: 'text', text: '  \n ' }, { maxRows: 10 }))).toBe(
      '没有粘贴任何内容。请在 Excel、WPS 或 Word 中选中表格复制后再粘贴',
    );
  }, 180_000);
});
