import { cellLabel, GridView, type Grid } from './grid';
import { readLong, readWide, isWideHeader } from './figures-layouts';
import { Reader } from './figures-reader';
import type { FiguresRead, FiguresReadContext, FiguresReadOptions } from './figures-types';
import { MAX_FIGURE_TABLE_ROWS } from './figures-types';
import type { SheetChoice } from './types';
import { squash } from './vocabulary';

export * from './figures-types';

const LONG_ROLES: [RegExp, 'period' | 'name' | 'region' | 'value' | 'unit'][] = [
  [/^(期别|统计期|时间|月份|期间|报告期|日期|年月|统计时间|所属期)$/, 'period'],
  [/^(指标|指标名称|指标名|项目)$/, 'name'],
  [/^(地区|区县|县区|区域|地区名称|单位名称|区县名称)$/, 'region'],
  [/^(数值|数据|值|实际值|完成值|本期值|累计值|完成数|实绩|指标值)$/, 'value'],
  [/^(计量)?单位$/, 'unit'],
];

function longRole(text: string): 'period' | 'name' | 'region' | 'value' | 'unit' | null {
  const t = squash(text);
  for (const [re, role] of LONG_ROLES) if (re.test(t)) return role;
  return null;
}

function readSheet(grid: Grid, reader: Reader, options: FiguresReadOptions): boolean {
  const view = new GridView(grid);
  if (grid.totalRows > MAX_FIGURE_TABLE_ROWS) {
    reader.messages.push({
      severity: 'error',
      text: `${cellLabel(grid.name, undefined)}有 ${grid.totalRows} 行，超过 ${MAX_FIGURE_TABLE_ROWS} 行的上限，未读取。请按年度分成几个文件后再导入`,
    });
    return false;
  }
  for (let r = 1; r <= Math.min(view.rowCount, 30); r++) {
    const cols = new Map<string, number>();
    for (const { col, text } of view.rowTexts(r)) {
      const role = longRole(text);
      if (role && !cols.has(role)) cols.set(role, col);
    }
    if (cols.has('name') && cols.has('region') && cols.has('value')) {
      readLong(view, reader, r, cols, options);
      return true;
    }
  }
  const headers: number[] = [];
  for (let r = 1; r <= view.rowCount; r++) if (isWideHeader(view, r, reader)) headers.push(r);
  if (headers.length === 0) return false;
  readWide(view, reader, headers, options);
  return true;
}

/**
 * Reads past figures from plain sheets: wide (rows = indicators, columns = regions; one sheet or block per
 * period, the period read from the title above the block, the sheet name, or the clerk's choice) or long
 * (期别 / 指标 / 地区 / 数值). Names are matched to the workspace's indicators; nothing is compared with
 * the stored figures here.
 */
export function readFiguresTables(grids: Grid[], ctx: FiguresReadContext): FiguresRead {
  const reader = new Reader(ctx);
  const sheets: SheetChoice[] = [];
  const wanted = ctx.options.sheet;
  if (wanted !== undefined && !grids.some((g) => g.name === wanted))
    reader.messages.push({
      severity: 'error',
      text: `文件中没有名为“${wanted}”的工作表（有：${grids.map((g) => g.name).join('、')}）`,
    });
  for (const g of grids) {
    if (wanted !== undefined && g.name !== wanted) {
      sheets.push({ name: g.name, rows: g.totalRows, table: false });
      continue;
    }
    const table = readSheet(g, reader, ctx.options);
    sheets.push({ name: g.name, rows: g.totalRows, table });
  }
  if (reader.blocks.length === 0 && !reader.messages.some((m) => m.severity === 'error'))
    reader.messages.push({
      severity: 'error',
      text: `${grids.length === 1 ? cellLabel(grids[0]?.name ?? '', undefined) : '各工作表'}中没有找到数据表：需要一行区县名称作表头（吴兴、南浔……全市），或“期别、指标、地区、数值”四列。请检查表格`,
    });
  return {
    sheets,
    blocks: reader.blocks,
    candidates: reader.candidates,
    messages: reader.messages,
    ...reader.nameReport(),
  };
}
