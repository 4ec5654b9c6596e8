import { describe, expect, it } from 'vitest';
import { applyFiguresTable, previewFiguresTable } from '../../../src/main/services/table-import/figures-import';
import { AppError } from '../../../src/shared/errors';
import { periodFromText, storageKey } from '../../../src/shared/table-import/period-text';
import type { FiguresReadOptions } from '../../../src/shared/table-import/figures-table';
import type { FiguresImportPreview } from '../../../src/shared/table-import/types';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { longFigures, wideFigures } from '../../support/figure-tables';
import { resaveWithLibreOffice, sofficeAvailable } from '../../support/target-tables';
import { newWorkspace, REGIONAL, templates } from '../../support/workspace';

const GROWTH = 'industrial-value-added-growth';
const INVEST = 'manufacturing-investment-growth';
const TAX = 'industrial-tax-per-mu';

async function preview(ws: Workspace, bytes: Buffer, options: FiguresReadOptions = {}, name = '历史数据.xlsx') {
  return previewFiguresTable(ws, { source: { kind: 'file', name, bytes }, options }, await templates.registries());
}

async function apply(ws: Workspace, bytes: Buffer, p: FiguresImportPreview, options: FiguresReadOptions = {}) {
  return applyFiguresTable(
    ws,
    { source: { kind: 'file', name: '历史数据.xlsx', bytes }, options },
    { digest: p.digest, basis: p.basis },
    await templates.registries(),
  );
}

function cell(p: FiguresImportPreview, address: string) {
  return p.cells.filter((c) => c.cell === address);
}

const WIDE_2025 = () =>
  wideFigures([
    {
      name: '2025年',
      blocks: [
        {
          title: '2025年1—9月主要指标完成情况（示例数据）',
          rows: [
            ['规上工业增加值增长(%)', 6.1, 5.2, '7.3%', 8, 4.9, 11.2, 7.1],
            ['制造业投资增长', '1,2', 11, '—', '/', 8, 13, 10.5],
            ['规上工业亩均税收', 45, 31, 36, 36, 36, 35, 36],
            ['规上工业增加值', 100, 200, 300, 400, 500, 600, 2100],
          ],
        },
        { title: '2025年1—8月', rows: [['规上工业亩均税收', 40, 30, 33, 33, 33, 32, 33]] },
      ],
    },
    { name: '2024年1—12月', blocks: [{ title: null, rows: [['规上工业增加值增长', 5, 5, 5, 5, 5, 5, 5]] }] },
  ]);

describe('periods as offices write them', () => {
  it.each([
    ['2025年1—9月', { kind: 'month', year: 2025, month: 9 }],
    ['2025年1-9月累计', { kind: 'month', year: 2025, month: 9 }],
    ['2025年1～12月', { kind: 'month', year: 2025, month: 12 }],
    ['2025年9月', { kind: 'month', year: 2025, month: 9 }],
    ['2025-09', { kind: 'month', year: 2025, month: 9 }],
    ['2025-09-30', { kind: 'month', year: 2025, month: 9 }],
    ['2025年三季度', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['2025年第3季度', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['2025Q3', { kind: 'quarter', year: 2025, quarter: 3 }],
    ['2025年上半年', { kind: 'half', year: 2025, half: 1 }],
    ['2025年', { kind: 'year', year: 2025 }],
    ['2025年全年主要指标', { kind: 'year', year: 2025 }],
    ['主要指标完成情况', null],
  ])('%s', (text, period) => {
    expect(periodFromText(text)).toEqual(period);
  });

  it('stores each period where the indicator is reported', () => {
    const nine = { kind: 'month', year: 2025, month: 9 } as const;
    expect(storageKey(nine, 'monthly')).toEqual({ key: '2025-09' });
    expect(storageKey(nine, 'quarterly')).toEqual({ key: '2025Q3' });
    expect(storageKey(nine, 'annual')).toEqual({ reason: '该指标按年报送，只能导入全年（1—12月）的数' });
    expect(storageKey({ kind: 'month', year: 2025, month: 8 }, 'quarterly')).toEqual({
      reason: '该指标按季度报送，2025年1—8月不是季末，无法存入季度期别',
    });
    expect(storageKey({ kind: 'year', year: 2025 }, 'monthly')).toEqual({ key: '2025-12' });
    expect(storageKey({ kind: 'year', year: 2025 }, 'annual')).toEqual({ key: '2025' });
  });
});

describe('past figures from a wide sheet', () => {
  it('reads each block under its title and the sheet named by its period, and says what it cannot read', async () => {
    const { ws } = await newWorkspace();
    const p = await preview(ws, await WIDE_2025());
    expect(p.blocks.map((b) => [b.sheet, b.headerRow, b.periodTitle, b.periodReason])).toEqual([
      ['2025年', 2, '2025年1—9月', '取自“2025年1—9月主要指标完成情况（示例数据）”'],
      ['2025年', 9, '2025年1—8月', '取自“2025年1—8月”'],
      ['2024年1—12月', 1, '2024年1—12月', '取自工作表名“2024年1—12月”'],
    ]);
    expect(cell(p, 'B3')[0]).toMatchObject({
      period: '2025-09',
      region: '吴兴',
      indicatorId: GROWTH,
      status: 'changed',
      new: 6.1,
    });
    expect(cell(p, 'D3')[0]).toMatchObject({ region: '德清', new: 7.3, raw: '7.3%' });
    expect(cell(p, 'B4')[0]?.message).toBe(
      '工作表“2025年”B4：“1,2”不是数字。请输入数字（如 12.5）、“/”表示不适用，或留空',
    );
    expect(cell(p, 'D4')).toEqual([]);
    expect(cell(p, 'E4')[0]).toMatchObject({ new: '/', status: 'changed' });
    expect(cell(p, 'B5')[0]).toMatchObject({ indicatorId: TAX, period: '2025Q3', new: 45 });
    expect(cell(p, 'B10')[0]?.message).toBe(
      '工作表“2025年”B10：该指标按季度报送，2025年1—8月不是季末，无法存入季度期别（2025年1—8月），未导入',
    );
    expect(p.unmatched).toEqual([
      {
        name: '规上工业增加值',
        cells: ['B6', 'C6', 'D6', 'E6', 'F6'],
        suggestions: [
          expect.objectContaining({ indicatorId: GROWTH, name: '规上工业增加值增长' }),
          expect.objectContaining({ indicatorId: 'industrial-value-added-per-mu' }),
          expect.objectContaining({ indicatorId: 'high-tech-industry-va-share' }),
        ],
      },
    ]);
    expect(p.periods.map((x) => [x.period, x.changed, x.rejected])).toEqual([
      ['2024-12', 7, 0],
      ['2025-09', 12, 1],
      ['2025Q3', 7, 0],
    ]);
  });

  it('writes each period as one revision, every figure naming its file, sheet and cell; blanks erase nothing', async () => {
    const { ws } = await newWorkspace();
    await ws.setFigures('2025-09', [{ systemId: REGIONAL, indicatorId: INVEST, region: '德清', value: 9.9 }], {
      kind: 'entry',
    });
    const bytes = await WIDE_2025();
    const p = await preview(ws, bytes);
    const result = await apply(ws, bytes, p);
    expect(result.periods).toEqual([
      { period: '2024-12', revision: 1, changed: 7 },
      { period: '2025-09', revision: 2, changed: 12 },
      { period: '2025Q3', revision: 1, changed: 7 },
    ]);
    const sept = await ws.figures.get('2025-09');
    expect(sept.figures[REGIONAL]?.[GROWTH]?.['德清']).toMatchObject({
      v: 7.3,
      origin: { kind: 'import', file: '历史数据.xlsx', sheet: '2025年', cell: 'D3' },
    });
    expect(sept.figures[REGIONAL]?.[INVEST]?.['德清']?.v).toBe(9.9);
    expect(sept.figures[REGIONAL]?.[INVEST]?.['吴兴']).toBeUndefined();
    const history = await ws.figures.cellHistory('2025-09', REGIONAL, GROWTH, '全市');
    expect(history.at(-1)).toMatchObject({
      new: 7.1,
      origin: { kind: 'import', file: '历史数据.xlsx', sheet: '2025年', cell: 'H3' },
    });
    const again = await preview(ws, bytes);
    expect(again.totals.changed).toBe(0);
    expect(again.totals.unchanged).toBe(26);
  });

  it('refuses the whole apply when a period moved after the preview, or the table is another one', async () => {
    const { ws } = await newWorkspace();
    const bytes = await WIDE_2025();
    const p = await preview(ws, bytes);
    await ws.setFigures('2025-09', [{ systemId: REGIONAL, indicatorId: GROWTH, region: '吴兴', value: 1 }], {
      kind: 'entry',
    });
    const moved = await apply(ws, bytes, p).catch((e: unknown) => e);
    expect(moved).toBeInstanceOf(AppError);
    expect((moved as AppError).message).toBe(
      '2025-09 的数据在预览之后被修改过（第 0 版 → 第 1 版），为免覆盖，本次未导入任何数据。请重新预览后再导入。',
    );
    expect((await ws.figures.get('2024-12')).revision).toBe(0);
    const other = await apply(
      ws,
      await wideFigures([
        { name: '2025年1—9月', blocks: [{ title: null, rows: [['制造业投资增长', 1, 1, 1, 1, 1, 1, 1]] }] },
      ]),
      {
        ...p,
        basis: { ...p.basis, '2025-09': 1 },
      },
    ).catch((e: unknown) => e);
    expect((other as AppError).message).toBe(
      '要导入的表格与预览时的不是同一份（内容变了），本次未导入任何数据。请重新预览。',
    );
  });

  it('takes the clerk’s match for an unmatched name, the chosen period and one system only', async () => {
    const { ws } = await newWorkspace();
    const bytes = await wideFigures([
      { name: 'Sheet1', blocks: [{ title: null, rows: [['工业增加值增速', 6, 6, 6, 6, 6, 6, 6]] }] },
    ]);
    const first = await preview(ws, bytes);
    expect(first.messages[0]?.text).toBe(
      '工作表“Sheet1”第 1 行起的表格没有写统计期（表名、工作表名都没有“2025年1—9月”这样的字样）。请在预览中选择统计期，或在表格上方写明',
    );
    const options: FiguresReadOptions = {
      period: '2025-06',
      systemId: REGIONAL,
      names: { 工业增加值增速: { systemId: REGIONAL, indicatorId: GROWTH } },
    };
    const p = await preview(ws, bytes, options);
    expect(p.blocks[0]).toMatchObject({ periodTitle: '2025年1—6月', periodReason: '由您选择' });
    expect(p.matched).toEqual([expect.objectContaining({ name: '工业增加值增速', chosen: true })]);
    expect(p.totals.changed).toBe(7);
    const result = await apply(ws, bytes, p, options);
    expect(result.changed).toBe(7);
  });

  it('names a district the workspace does not have, and a unit that differs from the indicator’s', async () => {
    const { ws } = await newWorkspace();
    const bytes = await wideFigures(
      [
        {
          name: '2025年1—9月',
          unitColumn: true,
          blocks: [
            {
              title: null,
              rows: [
                ['规上工业增加值增长', '%', 6, 6, 6],
                ['规上工业亩均税收', '元/亩', 450000, 1, 1],
              ],
            },
          ],
        },
      ],
      ['吴兴', '长合区', '全省'],
    );
    const p = await preview(ws, bytes);
    expect(p.messages.map((m) => m.text)).toContain(
      '工作表“2025年1—9月”D1：“长合区”不在本工作区的区县中（吴兴、南浔、德清、长兴、安吉、南太湖新区），该列未导入。如需导入，请先在工作区中添加该区县',
    );
    expect(cell(p, 'E2')[0]).toMatchObject({ region: '全省', new: 6 });
    expect(cell(p, 'C3')[0]?.message).toBe(
      '工作表“2025年1—9月”C3：表中单位“元/亩”与指标“规上工业亩均税收”的单位“万元/亩”不同，未导入。请换算为万元/亩后再导入',
    );
  });

  it.runIf(sofficeAvailable)(
    'reads the same sheet re-saved by LibreOffice alike',
    async () => {
      const { ws } = await newWorkspace();
      const bytes = await WIDE_2025();
      const [resaved] = await resaveWithLibreOffice([{ name: 'wide.xlsx', data: bytes }]);
      const a = await preview(ws, bytes);
      const b = await preview(ws, resaved ?? Buffer.alloc(0));
      const strip = (p: FiguresImportPreview) => ({ ...p, digest: '' });
      expect(strip(b)).toEqual(strip(a));
    },
    120_000,
  );
});

describe('past figures from a long sheet (期别 / 指标 / 地区 / 数值)', () => {
  it('reads every row with its own period; a bad period or region is named', async () => {
    const { ws } = await newWorkspace();
    const bytes = await longFigures([
      ['2025年1—9月', '规上工业增加值增长', '吴兴区', 6.1],
      ['2025年1—9月', '规上工业增加值增长', '全市', 7.1],
      ['2025年三季度', '规上工业亩均税收', '德清县', 36],
      ['上年同期', '规上工业增加值增长', '南浔', 5],
      ['2025年1—9月', '规上工业增加值增长', '湖州经开区', 5],
      ['2025年1—9月', '规上工业增加值增长', '全市', 7.2],
    ]);
    const p = await preview(ws, bytes);
    expect(p.blocks).toEqual([
      { sheet: '数据', layout: 'long', headerRow: 1, lastRow: 7, periodReason: '每行的统计期列' },
    ]);
    expect(p.messages.map((m) => m.text)).toEqual([
      '工作表“数据”A5：统计期“上年同期”无法识别，该行未导入。请写成“2025年1—9月”“2025年三季度”“2025-09”或“2025年”',
      '工作表“数据”C6：“湖州经开区”不是区县名称，该行未导入',
    ]);
    expect(cell(p, 'D2')[0]).toMatchObject({ region: '吴兴', period: '2025-09', new: 6.1 });
    expect(cell(p, 'D4')[0]).toMatchObject({ region: '德清', period: '2025Q3', new: 36 });
    expect(cell(p, 'D3')[0]).toMatchObject({ status: 'rejected' });
    expect(cell(p, 'D3')[0]?.message).toBe(
      '全市2025年1—9月的“规上工业增加值增长”在 数据!D3（7.1）、数据!D7（7.2） 出现了几次，数值不同，均未导入。请只保留正确的一处',
    );
  });

  it('previews a 10,000-row sheet', async () => {
    const { ws } = await newWorkspace();
    const bytes = await longFigures([['2025年1—9月', '规上工业增加值增长', '吴兴', 6.1]], 10_000);
    const p = await preview(ws, bytes);
    expect(p.totals.changed).toBe(1);
    expect(p.unmatched).toHaveLength(300);
  }, 60_000);
});
