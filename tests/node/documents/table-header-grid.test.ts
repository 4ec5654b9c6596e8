import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import type { HeaderCell, TableColumn } from '../../../src/shared/report/model';
import { placeHeaderCells } from '../../../src/shared/report/table-header-grid';

const h = (text: string, colSpan = 1, rowSpan = 1): HeaderCell => ({ text, colSpan, rowSpan });
const cols = (n: number): TableColumn[] =>
  Array.from({ length: n }, (_, i) => ({ key: `c${i}`, width: 1, align: 'center', role: 'value' }));
const table = (header: HeaderCell[][], n: number) => ({ title: '测试表', header, columns: cols(n) });
const where = (cells: ReturnType<typeof placeHeaderCells>) =>
  cells.map((c) => `${c.text}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);

describe('placeHeaderCells: HTML-style spans onto a grid', () => {
  it('places a two-row header with a row-spanning first cell', () => {
    const cells = placeHeaderCells(
      table(
        [
          [h('地区', 1, 2), h('规上工业增加值', 2)],
          [h('增速（%）'), h('位次')],
        ],
        3,
      ),
    );
    expect(where(cells)).toEqual(['地区@0,0 2x1', '规上工业增加值@0,1 1x2', '增速（%）@1,1 1x1', '位次@1,2 1x1']);
  });

  it('skips every position still covered from above, even several at the start of a row', () => {
    // Three rows; two cells in the first row span down, so row 3 starts at column 2 (docx #695's case).
    const header = [
      [h('序号', 1, 3), h('指标', 1, 3), h('全市', 2), h('吴兴', 2)],
      [h('目标', 1, 2), h('完成', 1, 2), h('累计'), h('位次')],
      [h('当月'), h('排名')],
    ];
    const cells = placeHeaderCells(table(header, 6));
    expect(where(cells)).toEqual([
      '序号@0,0 3x1',
      '指标@0,1 3x1',
      '全市@0,2 1x2',
      '吴兴@0,4 1x2',
      '目标@1,2 2x1',
      '完成@1,3 2x1',
      '累计@1,4 1x1',
      '位次@1,5 1x1',
      '当月@2,4 1x1',
      '排名@2,5 1x1',
    ]);
  });

  it.each<[string, HeaderCell[][], number, string]>([
    ['a row wider than the table', [[h('地区'), h('指标', 3)]], 3, '第1行“指标”超出了表格的3列'],
    ['a span below the header', [[h('地区', 1, 3), h('指标')]], 2, '第1行“地区”向下跨越的行数超过了表头的1行'],
    ['a hole', [[h('地区', 1, 2), h('指标', 2)], [h('增速')]], 3, '第2行第3列没有单元格'],
    ['a zero span', [[h('地区', 0)]], 1, '跨列数或跨行数不是正整数'],
  ])('refuses %s with a message naming the table, row and cell', (_name, header, n, message) => {
    let error: unknown;
    try {
      placeHeaderCells(table(header, n));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_INPUT');
    expect((error as AppError).message).toContain('表格“测试表”的表头');
    expect((error as AppError).message).toContain(message);
  });
});
