import { describe, expect, it } from 'vitest';
import { buildLayout, regionColumns } from '../../../src/renderer/features/entry/grid/layout';
import { planPaste } from '../../../src/renderer/features/entry/grid/clipboard';
import { EntrySheet } from '../../../src/renderer/features/entry/grid/sheet';
import { parseTsv } from '../../../src/renderer/shared/tsv';
import { displayValue, validateEntry } from '../../../src/renderer/features/entry/grid/validation';
import { indicator, specsOf } from './fixtures';

const growth = { name: '规上工业增加值增长', unit: '%', kind: 'growth' as const, decimals: 1 };
const level = { name: '数字经济核心产业增加值', unit: '亿元', kind: 'level' as const, decimals: 1 };
const count = { name: '新增规上企业', unit: '家', kind: 'count' as const, decimals: 0 };

describe('cell validation (the rules main applies)', () => {
  it('accepts numbers as clerks type and paste them', () => {
    expect(validateEntry('5.2%', growth)).toEqual({ ok: true, value: 5.2 });
    expect(validateEntry('１２３．４', level)).toEqual({ ok: true, value: 123.4 });
    expect(validateEntry('1,234.5', level)).toEqual({ ok: true, value: 1234.5 });
    expect(validateEntry(' 12 ', count)).toEqual({ ok: true, value: 12 });
    expect(validateEntry('-3.1', growth)).toEqual({ ok: true, value: -3.1 });
  });

  it("reads '/' as not applicable and dashes or blanks as empty", () => {
    expect(validateEntry('/', level)).toEqual({ ok: true, value: '/' });
    expect(validateEntry('／', level)).toEqual({ ok: true, value: '/' });
    expect(validateEntry('—', level)).toEqual({ ok: true, value: null });
    expect(validateEntry('', level)).toEqual({ ok: true, value: null });
  });

  it('says in Chinese what is wrong and what to type', () => {
    const abc = validateEntry('abc', level);
    expect(abc).toEqual({ ok: false, message: '“abc”不是数字。请输入数字（如 12.5）、“/”表示不适用，或留空' });
    const unit = validateEntry('5.2%', level);
    expect(unit.ok).toBe(false);
    if (!unit.ok) expect(unit.message).toBe('“5.2%”的单位“%”不对，“数字经济核心产业增加值”单位应为亿元，请只填数字');
    const fraction = validateEntry('3.5', count);
    if (!fraction.ok) expect(fraction.message).toBe('“新增规上企业”是个数，应为整数，“3.5”有小数');
    expect(fraction.ok).toBe(false);
    const tooLow = validateEntry('-120', growth);
    if (!tooLow.ok) expect(tooLow.message).toBe('增速“-120%”不可能低于-100%，请核对');
    expect(tooLow.ok).toBe(false);
  });

  it('shows stored values plainly', () => {
    expect(displayValue(12.3)).toBe('12.3');
    expect(displayValue(1234567)).toBe('1234567');
    expect(displayValue(0.0015)).toBe('0.0015');
    expect(displayValue('/')).toBe('/');
    expect(displayValue(null)).toBe('');
  });
});

describe('pasting a block from Excel into the sheet', () => {
  const inds = [indicator('level', level), indicator('growth', growth), indicator('count', count)];
  const layout = buildLayout({
    system: { categories: [] },
    indicators: inds,
    regions: regionColumns(['吴兴', '南浔'], false),
    transposed: false,
  });

  it('parses every value through the shared parser: full-width digits, percent, "/", quoted cells', () => {
    const sheet = new EntrySheet(specsOf(inds));
    const text = '"1,234.5"\t１２３\t/\r\n5.2%\t"6.1"\t-\r\n12\tabc\t3.5\r\n';
    const plan = planPaste(layout, parseTsv(text), { top: 0, left: 0, bottom: 0, right: 0 });
    const result = sheet.apply(plan.edits, { record: true });
    expect(result.changes.map((c) => [c.cell.indicatorId, c.cell.region, c.value])).toEqual([
      ['level', '全市', 1234.5],
      ['level', '吴兴', 123],
      ['level', '南浔', '/'],
      ['growth', '全市', 5.2],
      ['growth', '吴兴', 6.1],
      ['count', '全市', 12],
    ]);
    expect(result.invalid.map((c) => [c.cell.indicatorId, c.cell.region])).toEqual([
      ['count', '吴兴'],
      ['count', '南浔'],
    ]);
    expect(sheet.state({ indicatorId: 'count', region: '吴兴' })?.invalid?.message).toContain('不是数字');
    expect(sheet.text({ indicatorId: 'count', region: '南浔' })).toBe('3.5');
    expect(plan.target).toEqual({ top: 0, left: 0, bottom: 2, right: 2 });
  });

  it('fills a selection with a single value and drops cells beyond the edge', () => {
    const one = planPaste(layout, [['7']], { top: 0, left: 1, bottom: 1, right: 2 });
    expect(one.edits.map((e) => `${e.cell.indicatorId}@${e.cell.region}=${e.raw}`)).toEqual([
      'level@吴兴=7',
      'level@南浔=7',
      'growth@吴兴=7',
      'growth@南浔=7',
    ]);
    const over = planPaste(layout, parseTsv('1\t2\t3\r\n4\t5\t6\r\n'), { top: 2, left: 1, bottom: 2, right: 1 });
    expect(over.edits.map((e) => e.raw)).toEqual(['1', '2']);
    expect(over.clipped).toBe(4);
  });
});
