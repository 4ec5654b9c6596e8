import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { cellContent, numberFormat, safeText } from '../../../src/main/services/documents/xlsx/cell-content';
import { StyleBook } from '../../../src/main/services/documents/xlsx/sheet-styles';
import { textWidthUnits, wrappedLineCount } from '../../../src/main/services/documents/xlsx/text-metrics';

const where = () => '表格“测试表”第2行（吴兴）第3列';

describe('cellContent: the printed text decides number or text', () => {
  it.each<[string, number | undefined, string]>([
    ['7.2', 7.2, '0.0'],
    ['7.2', 7.24, '0.0'],
    ['-3.4', -3.4, '0.0'],
    ['939', 939, '0'],
    ['1422.0', 1422, '0.0'],
    ['0.05', undefined, '0.00'],
    ['12,345.6', 12345.6, '#,##0.0'],
    ['97.2%', 97.2, '0.0"%"'],
    ['1.01', 1.005, '0.00'],
  ])('"%s" (value %s) → number with format %s', (text, value, format) => {
    const content = cellContent({ text, ...(value === undefined ? {} : { value }) }, where);
    expect(content.kind).toBe('number');
    if (content.kind !== 'number') return;
    expect(content.value).toBe(Number(text.replace(/[,%]/g, '')));
    expect(numberFormat(content)).toBe(format);
  });

  it.each(['—', '/', '', '待省下达', '第3位', '1—2家', '3.'])('"%s" stays text', (text) => {
    expect(cellContent({ text }, where)).toEqual({ kind: 'text', text });
  });

  it('never writes -0', () => {
    const content = cellContent({ text: '-0.0', value: -0.01 }, where);
    expect(content.kind === 'number' && Object.is(content.value, 0)).toBe(true);
  });

  it.each<[string, number]>([
    ['5.3', 5.1],
    ['1.00', 1.005],
    ['7.3', 7.249],
  ])('refuses "%s" printed for the value %s, naming the cell', (text, value) => {
    let error: unknown;
    try {
      cellContent({ text, value }, where);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('表格“测试表”第2行（吴兴）第3列');
    expect((error as AppError).message).toContain(`“${text}”`);
  });

  it('puts a status mark after the number, or keeps its room free in a marked column', () => {
    const content = cellContent({ text: '82.4' }, where);
    if (content.kind !== 'number') throw new Error('expected a number');
    expect(numberFormat(content, '▲')).toBe('0.0"▲"');
    expect(numberFormat(content, undefined, '▲')).toBe('0.0_▲');
  });
});

describe('safeText: no text can turn into a formula', () => {
  it.each<[string, string]>([
    ['=SUM(A1:A9)', '＝SUM(A1:A9)'],
    ['+86 0572', '＋86 0572'],
    ['-1+1', '－1+1'],
    ['@某人', '＠某人'],
    ['\t=1+1', '＝1+1'],
    ['注：1. 数据来源。', '注：1. 数据来源。'],
    ['南太湖新区', '南太湖新区'],
    ['—', '—'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(safeText(input)).toBe(output);
  });
});

describe('text metrics', () => {
  it('counts a CJK character as about two column units at 11 pt', () => {
    const five = textWidthUnits('南太湖新区', 11) - textWidthUnits('', 11);
    expect(five).toBeGreaterThan(9.5);
    expect(five).toBeLessThan(11.5);
  });

  it('wraps long CJK text and keeps short text on one line', () => {
    expect(wrappedLineCount('位次', 60, 11)).toBe(1);
    expect(wrappedLineCount('规上工业单位增加值能耗下降率', 60, 11)).toBe(3);
    expect(wrappedLineCount('12345.6789', 20, 11)).toBeGreaterThan(1);
  });
});

describe('StyleBook', () => {
  const fonts = {
    title: '方正小标宋简体',
    subtitle: '楷体_GB2312',
    header: '黑体',
    body: '仿宋_GB2312',
    number: 'Times New Roman',
  };

  it('returns one frozen object per look, so a shared style cannot be changed in place', () => {
    const book = new StyleBook(fonts);
    const a = book.style({ font: 'body', size: 11, horizontal: 'left', border: true });
    const b = book.style({ font: 'body', size: 11, horizontal: 'left', border: true });
    const bold = book.style({ font: 'body', size: 11, horizontal: 'left', border: true, bold: true });
    expect(a).toBe(b);
    expect(bold).not.toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a.font)).toBe(true);
    expect(Object.isFrozen(a.border?.top)).toBe(true);
    expect(() => {
      (a.font as { bold?: boolean }).bold = true;
    }).toThrow(TypeError);
    expect(a.font?.name).toBe('仿宋_GB2312');
  });
});
