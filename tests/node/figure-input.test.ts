import { describe, expect, it } from 'vitest';
import { parseFigureInput, type FigureSpec } from '../../src/shared/domain/figure-input';

const percent: FigureSpec = { name: '规上工业增加值增长', unit: '%', kind: 'growth', decimals: 1 };
const yi: FigureSpec = { name: '制造业投资', unit: '亿元', kind: 'level', decimals: 1 };
const firms: FigureSpec = { name: '整治企业数', unit: '家', kind: 'count', decimals: 0 };
const share: FigureSpec = { name: '研发比重', unit: '%', kind: 'share', decimals: 1 };

describe('parsing a typed, pasted or imported value', () => {
  it.each<[unknown, FigureSpec, number | '/' | null]>([
    ['7.2', percent, 7.2],
    ['5.2%', percent, 5.2],
    ['５．２％', percent, 5.2],
    ['  -1.3 ', percent, -1.3],
    ['－1.3', percent, -1.3],
    ['1,234.5', yi, 1234.5],
    ['1，234.5', yi, 1234.5],
    ['1234.5亿元', yi, 1234.5],
    ['12家', firms, 12],
    [12.300000000000001, yi, 12.3],
    ['/', percent, '/'],
    ['／', percent, '/'],
    ['', percent, null],
    ['—', percent, null],
    ['-', percent, null],
    [null, percent, null],
    ['.5', share, 0.5],
    [0, share, 0],
  ])('%j as %o → %j', (raw, spec, expected) => {
    expect(parseFigureInput(raw, spec)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, FigureSpec, string]>([
    ['abc', percent, '“abc”不是数字'],
    ['7.2.1', percent, '不是数字'],
    ['12,34', yi, '不是数字'],
    ['5%', yi, '单位“%”不对，“制造业投资”单位应为亿元'],
    ['5万元', yi, '单位“万元”不对'],
    ['12.5', firms, '“整治企业数”是个数，应为整数'],
    ['-3', firms, '不能为负数'],
    ['-101', percent, '不可能低于-100%'],
    ['-2', share, '不能为负数'],
    ['7.12345', percent, '小数位过多：“规上工业增加值增长”发布精度为1位小数，最多可填3位'],
    ['1e3', yi, '不是数字'],
    [Number.NaN, yi, '数值无效'],
    [true, yi, '无法识别'],
    ['9999999999999', yi, '超出合理范围'],
  ])('%j as %o is refused: %s', (raw, spec, message) => {
    const result = parseFigureInput(raw, spec);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});

describe('computed values (an imported formula result) with more decimals than allowed', () => {
  it('rounds them half up to the indicator precision + 2 and says from what, instead of refusing', () => {
    expect(parseFigureInput(100 / 3, yi, { excessDecimals: 'round' })).toEqual({
      ok: true,
      value: 33.333,
      rounded: { from: 33.3333333333 },
    });
    expect(parseFigureInput(7.12351, percent, { excessDecimals: 'round' })).toEqual({
      ok: true,
      value: 7.124,
      rounded: { from: 7.12351 },
    });
    expect(parseFigureInput('7.12345', percent, { excessDecimals: 'round' })).toEqual({
      ok: true,
      value: 7.123,
      rounded: { from: 7.12345 },
    });
    expect(parseFigureInput(7.25, percent, { excessDecimals: 'round' })).toEqual({ ok: true, value: 7.25 });
  });

  it('still refuses what rounding cannot make right', () => {
    const count = parseFigureInput(12.5, firms, { excessDecimals: 'round' });
    expect(count.ok ? '' : count.message).toContain('应为整数');
    const negative = parseFigureInput(-101.00001, percent, { excessDecimals: 'round' });
    expect(negative.ok ? '' : negative.message).toContain('不可能低于-100%');
    expect(parseFigureInput(7.12345, percent).ok).toBe(false);
  });
});
