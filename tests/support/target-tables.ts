import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Target tables as offices send them, built with exceljs. Rows are transcribed from the seed tables
 * (001 目标体系表 and 分解表, 000 数字经济 / 地瓜经济, 002 十四五); tables for 2026 carry made-up figures and
 * say 示例数据 in their title.
 */

type Row = (string | number | null)[];

async function bytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function put(ws: ExcelJS.Worksheet, top: number, rows: Row[]): void {
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v !== null) ws.getCell(top + i, j + 1).value = v;
    }),
  );
}

/** 001 line 576ff: 2023年目标体系表 — 序号 / 类别 (merged down) / 指标名称 (unit in parentheses) / 2023年目标值 / 责任单位. */
export async function targetSystemTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标体系表');
  ws.mergeCells('A1:E1');
  ws.getCell('A1').value = '2023年目标体系表';
  put(ws, 2, [
    ['序号', '类别', '指标名称', '2023年\n目标值', '责任单位'],
    [1, '牵引性目标', '湖州市八大新兴产业链营业收入\n占比提高(个百分点)', 1.5, '市经信局'],
    [2, null, '省级特色产业集群核心区协同区数量(个)', '2个以上', '市经信局'],
    [3, null, '规上工业增加值增长(%)', '高于GDP增速\n1个百分点', '市经信局'],
    [4, null, '制造业投资增长(%)', 12, '市经信局'],
    [5, null, '制造业增加值占全市生产总值比重(%)', 40, '市经信局'],
    [6, null, '规上工业亩均税收(万元/亩)', 37, '市经信局'],
    [7, null, '规上工业亩均增加值(万元/亩)', 197, '市经信局'],
    [8, null, '规上制造业全员劳动生产率(万元/人)', 29.6, '市经信局'],
    [9, null, '规上制造业企业研发费用相当于\n营业收入的比重(%)', 2.6, '市科技局'],
    [10, null, '高技术制造业增加值占规上工业比重(%)', 13, '市发展\n改革委'],
    [11, null, '高新技术产业增加值占规上工业\n增加值比重(%)', 66, '市科技局'],
    [12, null, '每万人口高价值发明专利拥有量(件)', 19, '市市场\n监管局'],
  ]);
  ws.mergeCells('B3:B14');
  ws.getColumn(3).width = 40;
  return bytes(wb);
}

/** 000 line 164ff: “地瓜经济”指标表 — markers ※★☆, year columns, a merged 每年新增10家, a repeated header, the legend. */
export async function openEconomyTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('指标表');
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = '“地瓜经济”提能升级“一号开放工程”指标表';
  const header: Row = ['序号', '类别', '指标名称', '单位', '2023年', '2025年', '2027年', '责任单位'];
  put(ws, 2, [
    header,
    [1, '开放合作', '※★实际利用外资总额', '亿美元', 16, 17, 18, '市商务局'],
    [2, null, '※制造业使用外资占全市比重', '%', 30, 33, 36, '市商务局'],
    [3, null, '☆高技术产业使用外资占全市比重', '%', 50, 51, 52, '市商务局'],
    [4, '产业生态', '※★高新技术产业增加值占规上工业比重', '%', 66, 67, 68, '市科技局'],
    [5, null, '★新认定高新技术企业数量', '家', 280, 320, 400, '市科技局'],
    [6, null, '※专精特新“小巨人”企业数量', '家', '每年新增10家', null, null, '市经信局'],
    [7, null, '※累计新增链主(雄鹰)企业数', '家', '力争达到4家', null, null, '市经信局'],
    header,
    [8, '贸易枢纽', '※★货物贸易出口占全国份额', '‰', '6.50', '6.51', '6.53', '市商务局'],
    [9, null, '☆“2+8”平台外贸出口增速', '%', '高于全市平均增速', null, null, '市商务局'],
    [10, null, '★社会消费品零售总额', '亿元', 1666, 1800, 2000, '市商务局'],
    ['※是承接省指标;★是市级活力新湖州指标;☆是市级特色指标', null, null, null, null, null, null, null],
  ]);
  ws.mergeCells('B3:B5');
  ws.mergeCells('B6:B9');
  ws.mergeCells('E8:G8');
  ws.mergeCells('E9:G9');
  ws.mergeCells('B11:B13');
  ws.mergeCells('E12:G12');
  ws.mergeCells('A14:H14');
  return bytes(wb);
}

/** 000 line 15ff: 数字经济主要指标表 — 类别 / 核心指标 / 单位 / 2023年 / 2025年 / 2027年, "/" and a footnote mark. */
export async function digitalEconomyTable(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '数字经济创新提质“一号发展工程”主要指标表';
  put(ws, 2, [
    ['类别', '核心指标', '单位', '2023年', '2025年', '2027年'],
    ['总指标', '数字经济增加值占GDP比重', '%', 30, 40, 50],
    ['往高攀升', '数字经济核心产业有效发明专利', '件', 4500, 5500, 6500],
    [null, '数字经济核心产业增加值', '亿元', 230, 350, 440],
    ['以融提效', '全社会全员劳动生产率[1]', '万元/人', '/', 24, 28],
    [null, '网络零售额', '亿元', 1150, 1245, 1345],
    ['向新进军', '数据中心总机架数', '个', 14000, 15000, 16000],
    ['备注:国民经济报告中计划全社会全员劳动生产率高于省均。', null, null, null, null, null],
  ]);
  ws.mergeCells('A4:A5');
  ws.mergeCells('A6:A7');
  ws.mergeCells('A9:F9');
  return bytes(wb);
}

export const HZ_DISTRICTS = ['吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];

/** 001 line 254ff: 主要指标各区县任务分解表 — no year, an empty first header cell, units in parentheses. */
export async function regionalTable2023(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  ws.getCell('A1').value = '主要指标各区县任务分解表';
  put(ws, 2, [
    [null, ...HZ_DISTRICTS, '全市', '责任部门'],
    ['湖州市八大新兴产业链营业收入占比提高(个百分点)', 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, '市经信局'],
    ['规上工业增加值增长(%)', 7, 7, 8, 8.5, 5, 12, 7, '市经信局'],
    ['制造业投资增长(%)', 12, 12, 12, 12, 12, 12, 12, '市经信局'],
    ['规上工业亩均税收(万元/亩)', 48, 30, 37, 37, 37, 36, 37, '市经信局'],
    ['规上工业亩均增加值(万元/亩)', 235, 146, 205, 187, 181, 235, 197, '市经信局'],
  ]);
  return bytes(wb);
}

/** 2026 rows of the 分解表 shape (示例数据): name, unit, the six districts, 全市, 责任单位. */
export const ROWS_2026: [string, string, ...(number | string)[]][] = [
  ['规上工业增加值增长', '%', 6.5, 6, 7, 7.5, 6, 9, 7, '市经信局'],
  ['制造业投资增长', '%', 10, 10, 10, 10, 10, 12, 10, '市经信局'],
  ['规上工业营业收入', '亿元', 1500, 1200, 1800, 2100, 1300, 900, 8800, '市经信局'],
  ['新增规上工业企业', '家', 60, 50, 70, 80, 55, 35, 350, '市经信局'],
  ['规上工业亩均税收', '万元/亩', 50, 32, 39, 39, 39, 38, 39, '市经信局'],
];

/**
 * A 2026 区县任务分解表 (示例数据) with a two-row merged header: 指标名称 and 单位 merged down, "2026年目标"
 * merged across the district columns and 全市.
 */
export async function regionalTable2026(rows = ROWS_2026): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2026年分解');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = '2026年主要指标各区县任务分解表（示例数据）';
  put(ws, 2, [
    ['序号', '指标名称', '单位', '2026年目标', null, null, null, null, null, null, '责任单位'],
    [null, null, null, ...HZ_DISTRICTS, '全市', null],
  ]);
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('C2:C3');
  ws.mergeCells('D2:J2');
  ws.mergeCells('K2:K3');
  rows.forEach((r, i) => {
    const [name, unit, ...rest] = r;
    put(ws, 4 + i, [[i + 1, name, unit, ...rest]]);
  });
  return bytes(wb);
}

/** 002 line 90ff: 十四五 main indicators — 一级指标 merged down, 2020年 base beside "2025年目标", 年均/累计增长, 其中. */
export async function fyp14Table(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表2-1');
  ws.getCell('A1').value = '表2—1“十四五”时期经济和社会发展主要指标';
  put(ws, 2, [
    ['一级\n指标', '序号', '二级指标', '单位', '2020年', '2025年\n目标', '年均/累计增长', '指标\n属性'],
    ['经济\n发展', 1, '生产总值(GDP)', '亿元', 3201.4, 5000, '—', '预期性'],
    [null, 2, '全员劳动生产率增长', '%', '—', '—', '>6', '预期性'],
    [null, 3, '常住人口城镇化率', '%', 66, 72, '—', '预期性'],
    ['科技\n创新', 4, '数字经济增加值占GDP比重', '%', 35, 48, '—', '预期性'],
    [null, null, '其中:数字经济核心产业增加值占GDP比重', '%', 4.9, 7, '—', null],
    ['生态\n环境', 5, '单位GDP能耗降低', '%', '—', '—', '完成省\n下达目标', '约束性'],
    [null, 6, '城镇登记失业率', '%', 1.5, '≤4.5', '—', '预期性'],
    [null, 7, '居民人均可支配收入增长', '%', '—', '—', '7左右', '预期性'],
  ]);
  ws.mergeCells('A3:A5');
  ws.mergeCells('A6:A7');
  ws.mergeCells('A8:A10');
  return bytes(wb);
}

export const sofficeAvailable = existsSync('/usr/bin/soffice');

/** Workbooks opened and saved again by LibreOffice in one start, as WPS or Excel users send them back. */
export async function resaveWithLibreOffice(
  files: { name: string; data: Buffer }[],
  /** 'xls' writes the Excel 97-2003 format, as old WPS and Excel installations still send. */
  format: 'xlsx' | 'xls' = 'xlsx',
): Promise<Buffer[]> {
  const dir = mkdtempSync(join(tmpdir(), 'zjb-resave-'));
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  mkdirSync(inDir);
  mkdirSync(outDir);
  const inputs = files.map((f) => {
    const path = join(inDir, f.name);
    writeFileSync(path, f.data);
    return path;
  });
  const profile = mkdtempSync(join(tmpdir(), 'zjb-lo-profile-'));
  await promisify(execFile)(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      format === 'xls' ? 'xls:MS Excel 97' : 'xlsx',
      '--outdir',
      outDir,
      ...inputs,
    ],
    { timeout: 300_000 },
  );
  return files.map((f) => {
    const out = join(outDir, `${basename(f.name, extname(f.name))}.${format}`);
    if (!existsSync(out)) throw new Error(`LibreOffice produced no ${format} for ${f.name}`);
    return readFileSync(out);
  });
}
