import { beforeAll, describe, expect, it } from 'vitest';
import {
  digitalEconomyTable,
  fyp14Table,
  HZ_DISTRICTS,
  openEconomyTable,
  regionalTable2023,
  regionalTable2026,
  resaveWithLibreOffice,
  sofficeAvailable,
  targetSystemTable,
} from '../../support/target-tables';
import { errors, previewOf, rowNamed, targetText } from './helpers';

/**
 * Every table shape the importer reads, built with exceljs and the same workbook re-saved by LibreOffice
 * (as WPS and Excel users send them): the reading must not depend on which program saved the file.
 */
const BUILDERS = {
  targetSystem: targetSystemTable,
  openEconomy: openEconomyTable,
  digitalEconomy: digitalEconomyTable,
  regional2023: regionalTable2023,
  regional2026: regionalTable2026,
  fyp14: fyp14Table,
} as const;
type Shape = keyof typeof BUILDERS;
const files: Record<string, Record<Shape, Buffer>> = {};

beforeAll(async () => {
  const built = {} as Record<Shape, Buffer>;
  for (const [k, build] of Object.entries(BUILDERS)) built[k as Shape] = await build();
  files['exceljs'] = built;
  if (!sofficeAvailable) {
    console.warn('[table-import] LibreOffice (soffice) not found: the re-saved variants are skipped.');
    return;
  }
  const names = Object.keys(built) as Shape[];
  const resaved = await resaveWithLibreOffice(names.map((n) => ({ name: `${n}.xlsx`, data: built[n] })));
  files['LibreOffice'] = Object.fromEntries(names.map((n, i) => [n, resaved[i]])) as Record<Shape, Buffer>;
}, 300_000);

const savers = sofficeAvailable ? ['exceljs', 'LibreOffice'] : ['exceljs'];

describe.each(savers)('target tables saved by %s', (saver) => {
  const file = (shape: Shape): Buffer => {
    const f = files[saver]?.[shape];
    if (!f) throw new Error(`no ${saver} file for ${shape}`);
    return f;
  };

  it('目标体系表: 类别 merged down, units in parentheses, wrapped cells, text targets kept verbatim', async () => {
    const p = await previewOf(file('targetSystem'));
    expect(errors(p)).toEqual([]);
    expect(p.table.title).toBe('2023年目标体系表');
    expect(p.table.columns.map((c) => c.role.role)).toEqual(['seq', 'category', 'name', 'target', 'responsible']);
    expect(p.table.rows).toHaveLength(12);
    expect(p.table.rows.every((r) => r.category === '牵引性目标')).toBe(true);
    const first = rowNamed(p, '湖州市八大新兴产业链营业收入占比提高');
    expect(first).toMatchObject({ unit: '个百分点', seq: '1', responsible: ['市经信局'] });
    expect(targetText(first, '2023')).toBe('1.5（不低于1.5个百分点）');
    expect(targetText(rowNamed(p, '省级特色产业集群核心区协同区数量'), '2023')).toBe('2个以上（不低于2个）');
    const growth = rowNamed(p, '规上工业增加值增长');
    expect(growth.targets['2023']?.value).toBe('高于GDP增速1个百分点');
    expect(growth.kind.value).toBe('growth');
    expect(rowNamed(p, '高技术制造业增加值占规上工业比重').responsible).toEqual(['市发展改革委']);
    expect(rowNamed(p, '规上制造业企业研发费用相当于营业收入的比重').unit).toBe('%');
    const system = p.system;
    expect(system?.years).toEqual(['2023']);
    expect(system?.categories).toEqual([{ id: 'cat-1', name: '牵引性目标' }]);
    expect(system?.indicators[0]?.source).toEqual({ file: '目标表.xlsx', lines: [3] });
  });

  it('指标表 with ※★☆: markers, three year columns, 每年新增10家 merged across the years, a repeated header', async () => {
    const p = await previewOf(file('openEconomy'));
    expect(errors(p)).toEqual([]);
    expect(p.table.rows.map((r) => r.name)).toHaveLength(10);
    const fdi = rowNamed(p, '实际利用外资总额');
    expect(fdi).toMatchObject({ markers: ['※', '★'], unit: '亿美元', category: '开放合作', kind: { value: 'level' } });
    expect(Object.fromEntries(Object.entries(fdi.targets).map(([y, t]) => [y, t.value]))).toEqual({
      '2023': 16,
      '2025': 17,
      '2027': 18,
    });
    const smes = rowNamed(p, '专精特新“小巨人”企业数量');
    expect(Object.values(smes.targets).map((t) => t.value)).toEqual(['每年新增10家', '每年新增10家', '每年新增10家']);
    expect(smes.targets['2025']?.meaning).toBe('当年新增不少于10家');
    expect(rowNamed(p, '货物贸易出口占全国份额')).toMatchObject({ category: '贸易枢纽', decimals: { value: 2 } });
    expect(rowNamed(p, '“2+8”平台外贸出口增速').targets['2027']?.value).toBe('高于全市平均增速');
    expect(p.table.messages.some((m) => m.text.includes('第 10 行是重复的表头'))).toBe(true);
    expect(p.system?.markerLegend).toEqual({ '※': '承接省指标', '★': '市级活力新湖州指标', '☆': '市级特色指标' });
    expect(p.system?.years).toEqual(['2023', '2025', '2027']);
  });

  it('主要指标表 without 序号: "/" for a year, a footnote mark after the name, a 备注 line', async () => {
    const p = await previewOf(file('digitalEconomy'));
    expect(errors(p)).toEqual([]);
    const productivity = rowNamed(p, '全社会全员劳动生产率');
    expect(productivity.targets['2023']).toMatchObject({ value: '/', meaning: '不适用' });
    expect(productivity.notes).toContain('名称后的“[1]”为表注序号，已去掉');
    expect(productivity.kind.value).toBe('perUnit');
    expect(rowNamed(p, '数字经济核心产业增加值').category).toBe('往高攀升');
    expect(p.system?.footnotes.map((f) => f.text)).toEqual(['备注:国民经济报告中计划全社会全员劳动生产率高于省均。']);
  });

  it('分解表 printed without a year: an empty first header, district columns, 全市 as the city target', async () => {
    const p = await previewOf(file('regional2023'), { year: '2023' });
    expect(errors(p)).toEqual([]);
    expect(p.table.columns[0]?.role).toEqual({ role: 'name' });
    const growth = rowNamed(p, '规上工业增加值增长');
    expect(growth.unit).toBe('%');
    expect(
      Object.fromEntries(Object.entries(growth.regionTargets['2023'] ?? {}).map(([k, v]) => [k, v.value])),
    ).toEqual({
      吴兴: 7,
      南浔: 7,
      德清: 8,
      长兴: 8.5,
      安吉: 5,
      南太湖新区: 12,
      全市: 7,
    });
    expect(growth.targets['2023']?.value).toBe(7);
    expect(p.system?.indicators[1]?.regionTargets).toEqual({
      '2023': { 吴兴: 7, 南浔: 7, 德清: 8, 长兴: 8.5, 安吉: 5, 南太湖新区: 12 },
    });
    expect(p.system?.indicators[1]?.targets).toEqual({ '2023': 7 });
    expect(p.system?.regions).toEqual(HZ_DISTRICTS);
    const withoutYear = await previewOf(file('regional2023'));
    expect(withoutYear.table.year).toBe('2026');
    expect(withoutYear.table.messages.some((m) => m.severity === 'warning' && m.text.includes('按 2026 年读取'))).toBe(
      true,
    );
  });

  it('2026 分解表 with a two-row merged header: "2026年目标" over the districts and 全市', async () => {
    const p = await previewOf(file('regional2026'));
    expect(errors(p)).toEqual([]);
    expect(p.table.headerRows).toEqual([2, 3]);
    expect(p.table.columns.find((c) => c.letter === 'D')?.role).toEqual({
      role: 'regionTarget',
      region: '吴兴',
      year: '2026',
    });
    expect(
      p.table.messages.some((m) => m.severity === 'info' && m.text.includes('D2:J2：合并的表头“2026年目标”')),
    ).toBe(true);
    const revenue = p.system?.indicators.find((i) => i.name === '规上工业营业收入');
    expect(revenue).toMatchObject({ unit: '亿元', kind: 'level', targets: { '2026': 8800 }, ytd: true });
    expect(revenue?.regionTargets['2026']?.['南太湖新区']).toBe(900);
    expect(revenue?.regionTargets['2026']?.['全市']).toBeUndefined();
    expect(p.system?.indicators.find((i) => i.name === '新增规上工业企业')).toMatchObject({
      kind: 'count',
      decimals: 0,
    });
  });

  it('十四五 table: 2020年 read as the base year beside "2025年目标", 年均/累计增长, 指标属性, a 其中 row', async () => {
    const p = await previewOf(file('fyp14'));
    expect(errors(p)).toEqual([]);
    expect(p.table.columns.map((c) => c.role.role)).toEqual([
      'category',
      'seq',
      'name',
      'unit',
      'base',
      'target',
      'growth',
      'nature',
    ]);
    expect(rowNamed(p, '生产总值(GDP)')).toMatchObject({ base: { year: '2020', value: 3201.4 }, nature: '预期性' });
    expect(rowNamed(p, '全员劳动生产率增长').growthTarget).toEqual({ basis: 'annualAverage', value: '>6' });
    expect(rowNamed(p, '城镇登记失业率')).toMatchObject({ direction: { value: 'lower' } });
    expect(targetText(rowNamed(p, '城镇登记失业率'), '2025')).toBe('≤4.5（不高于4.5%）');
    const child = p.system?.indicators.find((i) => i.name === '数字经济核心产业增加值占GDP比重');
    const parent = p.system?.indicators.find((i) => i.name === '数字经济增加值占GDP比重');
    expect(child?.parent).toBe(parent?.id);
    expect(rowNamed(p, '单位GDP能耗降低')).toMatchObject({ kind: { value: 'growth' }, direction: { value: 'higher' } });
  });
});
