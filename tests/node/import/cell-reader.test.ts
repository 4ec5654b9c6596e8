import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isPercentFormat, readTextCell, readValueCell } from '../../../src/main/services/import/cell-reader';

/** Writes cells with exceljs and reads them back from the saved file, as the importer sees them. */
async function roundTrip(fill: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('填报表'));
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load((await wb.xlsx.writeBuffer()) as ExcelJS.Buffer);
  return loaded.getWorksheet('填报表')!;
}

describe('reading a returned cell', () => {
  it.each([
    ['0.0%', true],
    ['0%', true],
    ['0.0"%"', false],
    ['0.0\\%', false],
    ['General', false],
    [undefined, false],
  ])('percent format %j scales by 100: %s', (fmt, expected) => {
    expect(isPercentFormat(fmt)).toBe(expected);
  });

  it('reads every kind of value exceljs gives back', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 7.2;
      s.getCell('A2').value = 0.052;
      s.getCell('A2').numFmt = '0.0%';
      s.getCell('A3').value = 5.2;
      s.getCell('A3').numFmt = '0.0"%"';
      s.getCell('A4').value = { richText: [{ text: '1,2' }, { text: '34.5' }] };
      s.getCell('A5').value = { text: '8.8', hyperlink: 'https://example.com' };
      s.getCell('A6').value = { formula: 'A1*2', result: 14.4 };
      s.getCell('B1').value = 1;
      s.getCell('B2').value = 2;
      s.getCell('C1').value = { formula: 'B1*3', result: 3, shareType: 'shared', ref: 'C1:C2' } as never;
      s.getCell('C2').value = { sharedFormula: 'C1', result: 6 } as never;
      s.getCell('A7').value = { error: '#DIV/0!' } as never;
      s.getCell('A8').value = true;
      s.getCell('A9').value = '   ';
      s.getCell('A10').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as never;
      s.getCell('D1').value = 9.5;
      s.mergeCells('D1:D2');
    });
    expect(readValueCell(ws.getCell('A1'))).toEqual({ kind: 'value', raw: '7.2', input: 7.2, fromFormula: false });
    expect(readValueCell(ws.getCell('A2'))).toEqual({ kind: 'value', raw: '5.2%', input: '5.2%', fromFormula: false });
    expect(readValueCell(ws.getCell('A3'))).toEqual({ kind: 'value', raw: '5.2', input: 5.2, fromFormula: false });
    expect(readValueCell(ws.getCell('A4'))).toMatchObject({ kind: 'value', input: '1,234.5' });
    expect(readValueCell(ws.getCell('A5'))).toMatchObject({ kind: 'value', input: '8.8' });
    expect(readValueCell(ws.getCell('A6'))).toEqual({
      kind: 'value',
      raw: '=A1*2 → 14.4',
      input: 14.4,
      fromFormula: true,
    });
    expect(readValueCell(ws.getCell('C2'))).toEqual({ kind: 'value', raw: '=B2*3 → 6', input: 6, fromFormula: true });
    expect(readValueCell(ws.getCell('A7'))).toEqual({
      kind: 'error',
      raw: '#DIV/0!',
      message: '是错误值 #DIV/0!，请改为数值',
    });
    expect(readValueCell(ws.getCell('A8'))).toEqual({ kind: 'error', raw: 'TRUE', message: '是逻辑值 TRUE，不是数值' });
    expect(readValueCell(ws.getCell('A9')).kind).toBe('blank');
    expect(readValueCell(ws.getCell('A10'))).toEqual({
      kind: 'error',
      raw: '=A1/0 → #DIV/0!',
      message: '公式结果是错误值 #DIV/0!，请改为数值',
    });
    expect(readValueCell(ws.getCell('D2'))).toMatchObject({ kind: 'value', input: 9.5 });
    expect(readValueCell(ws.getCell('Z99'))).toEqual({ kind: 'blank', raw: '' });
    expect(readTextCell(ws.getCell('A4'))).toBe('1,234.5');
    expect(readTextCell(ws.getCell('A6'))).toBe('14.4');
  });
});
