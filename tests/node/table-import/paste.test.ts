import { describe, expect, it } from 'vitest';
import { splitTsv } from '../../../src/shared/table-import/tsv';
import { errors, previewOf, rowNamed, targetText } from './helpers';

/** Tables pasted as text: Excel and WPS quote cells with line breaks; merged cells arrive as blanks. */
describe('a target table pasted as TSV', () => {
  it('splits quoted cells with line breaks and doubled quotes as Excel copies them', () => {
    expect(splitTsv('a\t"b\nc"\t"say ""hi"""\r\n1\t\t3\n')).toEqual([
      ['a', 'b\nc', 'say "hi"'],
      ['1', '', '3'],
    ]);
    expect(splitTsv('"unfinished\tx')).toEqual([['"unfinished', 'x']]);
  });

  it('reads the 目标体系表 copied from Excel: wrapped headers and names, 类别 blank below its first row', async () => {
    const text = [
      '2023年目标体系表',
      '序号\t类别\t指标名称\t"2023年\n目标值"\t责任单位',
      '1\t牵引性目标\t"湖州市八大新兴产业链营业收入\n占比提高(个百分点)"\t1.5\t市经信局',
      '2\t\t省级特色产业集群核心区协同区数量(个)\t2个以上\t市经信局',
      '3\t\t规上工业增加值增长(%)\t"高于GDP增速\n1个百分点"\t市经信局',
      '4\t创新驱动\t每万人口高价值发明专利拥有量(件)\t19\t"市市场\n监管局"',
      '',
    ].join('\r\n');
    const p = await previewOf(text);
    expect(errors(p)).toEqual([]);
    expect(p.source).toBe('粘贴的表格');
    expect(p.table.title).toBe('2023年目标体系表');
    expect(p.table.rows.map((r) => [r.row, r.name, r.unit, r.category])).toEqual([
      [3, '湖州市八大新兴产业链营业收入占比提高', '个百分点', '牵引性目标'],
      [4, '省级特色产业集群核心区协同区数量', '个', '牵引性目标'],
      [5, '规上工业增加值增长', '%', '牵引性目标'],
      [6, '每万人口高价值发明专利拥有量', '件', '创新驱动'],
    ]);
    expect(targetText(rowNamed(p, '规上工业增加值增长'), '2023')).toBe(
      '高于GDP增速1个百分点（高于GDP增速1个百分点及以上）',
    );
    expect(rowNamed(p, '每万人口高价值发明专利拥有量').responsible).toEqual(['市市场监管局']);
    expect(p.system?.indicators[0]?.source).toEqual({ file: '粘贴的表格', lines: [3] });
  });

  it('reads a pasted 分解表 whose "2026年目标" stands over blank cells above the district names', async () => {
    const text = [
      '序号\t指标名称\t单位\t2026年目标\t\t\t\t\t\t\t责任单位',
      '\t\t\t吴兴区\t南浔区\t德清县\t长兴县\t安吉县\t南太湖新区\t全市\t',
      '1\t规上工业增加值增长\t%\t6.5\t6\t7\t7.5\t6\t9\t7\t市经信局',
      '2\t规上工业营业收入\t亿元\t"1,500"\t"1,200"\t"1,800"\t"2,100"\t"1,300"\t900\t"8,800"\t市经信局',
    ].join('\n');
    const p = await previewOf(text);
    expect(errors(p)).toEqual([]);
    expect(p.table.headerRows).toEqual([1, 2]);
    const revenue = rowNamed(p, '规上工业营业收入');
    expect(revenue.regionTargets['2026']?.['吴兴']?.value).toBe(1500);
    expect(revenue.targets['2026']?.value).toBe(8800);
    expect(revenue.notes).toContain('J4：“8,800”按数值 8800 读取');
    expect(p.system?.indicators[1]?.regionTargets).toEqual({
      '2026': { 吴兴: 1500, 南浔: 1200, 德清: 1800, 长兴: 2100, 安吉: 1300, 南太湖新区: 900 },
    });
    expect(p.system?.indicators[1]?.targets).toEqual({ '2026': 8800 });
  });
});
