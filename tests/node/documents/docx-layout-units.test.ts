import { describe, expect, it } from 'vitest';
import { placeHeader } from '../../../src/main/services/documents/docx/header-grid';
import { columnWidthsTwips, tableBlockChildren } from '../../../src/main/services/documents/docx/table';
import { emWidth, fitOneLinePt } from '../../../src/main/services/documents/docx/text-fit';
import { mmToTwip, PAGE, TEXT_HEIGHT, TEXT_WIDTH } from '../../../src/main/services/documents/docx/units';
import { distributionLine } from '../../../src/main/services/documents/docx/end-block';
import type { TableColumn } from '../../../src/shared/report/model';

describe('units', () => {
  it('rounds millimetres to the nearest twip (docx floors: A4 would be 11905×16837)', () => {
    expect([mmToTwip(210), mmToTwip(297), mmToTwip(37), mmToTwip(35), mmToTwip(28), mmToTwip(26)]).toEqual([
      11906, 16838, 2098, 1984, 1587, 1474,
    ]);
    expect(PAGE.width).toBe(11906);
    expect([TEXT_WIDTH, TEXT_HEIGHT]).toEqual([8845, 12756]);
    // 22 lines of 579 twips fill the type area; 580 would only give 21.
    expect(22 * 579).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect(22 * 580).toBeGreaterThan(TEXT_HEIGHT);
  });

  it('fits 28 characters of 3号 with −0.25 pt spacing, and not with −0.2 pt', () => {
    expect(28 * (16 - 0.25)).toBeLessThanOrEqual(TEXT_WIDTH / 20);
    expect(28 * (16 - 0.2)).toBeGreaterThan(TEXT_WIDTH / 20);
  });
});

describe('text width and fitting', () => {
  it('counts full-width characters as 1 em, digits as ½ em and a ¼ em between Chinese and digits', () => {
    expect(emWidth('简报')).toBe(2);
    expect(emWidth('2023')).toBe(2);
    expect(emWidth('2023年10月8日')).toBe(2 + 1 + 1 + 1 + 0.5 + 1 + 5 * 0.25);
    expect(emWidth('（共印60份）')).toBe(5 + 1 + 0.5);
  });

  it('keeps a short name at the model size and shrinks a long one to fit one line, in ½ pt steps, not below the minimum', () => {
    expect(fitOneLinePt('工作简报', 42, 22)).toBe(42);
    const fitted = fitOneLinePt('湖州市先进制造业集群培育工程简报', 42, 22);
    expect(fitted * 16).toBeLessThanOrEqual(TEXT_WIDTH / 20);
    expect(fitted % 0.5).toBe(0);
    expect(fitOneLinePt('很'.repeat(40), 42, 22)).toBe(22);
  });
});

describe('table columns', () => {
  const col = (width: number): TableColumn => ({ key: String(width), width, align: 'right', role: 'value' });

  it('scales relative widths to exactly the type area', () => {
    const widths = columnWidthsTwips([col(1.7), col(1), col(1.1), col(0.8), col(1), col(1.1), col(0.8)]);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(8845);
    expect(widths[0]! / widths[1]!).toBeCloseTo(1.7, 1);
  });

  it('prints nothing for a table without columns', () => {
    expect(
      tableBlockChildren(
        { type: 'table', id: 't', title: '空表', header: [], columns: [], rows: [], notes: [], legend: [] },
        { withTitle: true },
      ),
    ).toEqual([]);
  });

  it('treats a zero or missing width as 1', () => {
    expect(columnWidthsTwips([col(0), col(Number.NaN), col(2)])).toEqual([2211, 2211, 4423]);
  });
});

describe('multi-row header placement', () => {
  const h = (text: string, colSpan = 1, rowSpan = 1) => ({ text, colSpan, rowSpan });

  it('places row-spanning cells with restart above and continue below, column spans in between', () => {
    const rows = placeHeader(
      [
        [h('地区', 1, 2), h('规上工业增加值', 3), h('制造业投资', 3)],
        [h('增速'), h('完成率'), h('位次'), h('增速'), h('完成率'), h('位次')],
      ],
      7,
      '表1',
    );
    expect(rows[0]!.map((c) => [c.text, c.column, c.colSpan, c.vMerge])).toEqual([
      ['地区', 0, 1, 'restart'],
      ['规上工业增加值', 1, 3, undefined],
      ['制造业投资', 4, 3, undefined],
    ]);
    expect(rows[1]!.map((c) => [c.text, c.column, c.vMerge])).toEqual([
      ['', 0, 'continue'],
      ['增速', 1, undefined],
      ['完成率', 2, undefined],
      ['位次', 3, undefined],
      ['增速', 4, undefined],
      ['完成率', 5, undefined],
      ['位次', 6, undefined],
    ]);
  });

  it('handles several row-spanning cells in one row, between column-spanning ones', () => {
    const rows = placeHeader(
      [
        [h('序号', 1, 2), h('指标', 1, 2), h('1—9月', 2), h('责任单位', 1, 2)],
        [h('完成值'), h('完成率')],
      ],
      5,
      '表2',
    );
    expect(rows[1]!.map((c) => [c.text, c.column, c.vMerge])).toEqual([
      ['', 0, 'continue'],
      ['', 1, 'continue'],
      ['完成值', 2, undefined],
      ['完成率', 3, undefined],
      ['', 4, 'continue'],
    ]);
  });

  it('refuses headers that do not fit, in Chinese, naming the table', () => {
    expect(() => placeHeader([[h('地区'), h('指标', 3)]], 3, '表1')).toThrow(
      /表格“表1”的表头第1行“指标”超出了表格的3列/,
    );
    expect(() => placeHeader([[h('地区', 1, 3)]], 1, '表1')).toThrow(/向下合并3行，但表头只有1行/);
    expect(() => placeHeader([[h('地区')], []], 1, '表1')).toThrow(/第2行第1列是空的/);
  });
});

describe('版记 lines', () => {
  it('joins names with full-width commas and ends with one full stop', () => {
    expect(distributionLine('报', ['市委', '市政府。'])).toBe('报：市委，市政府。');
    expect(distributionLine('发', ['  '])).toBeUndefined();
  });
});
