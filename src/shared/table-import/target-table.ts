import { TOTAL_REGION } from '../schemas/region';
import { cellAddress, cellLabel, GridView, type Grid } from './grid';
import { findHeader, mapColumns } from './header-detect';
import { joinLines, nameKey } from './names';
import type { RowEdit, TableReadOptions } from './schemas';
import { at, readRow, type RowReader } from './target-row';
import type { ColumnMapping, Marker, TableMessage, TableRead, TableRow } from './types';
import { squash, type RegionDirectory } from './vocabulary';

/** An indicator system of more rows than this is not one: the 83-row 目标体系表 is the largest seen. */
export const MAX_TARGET_TABLE_ROWS = 2000;

export interface TargetTableContext {
  regions: RegionDirectory;
  /** Year of target columns without one when neither the clerk nor the title gives it (the current year). */
  fallbackYear: string;
  options?: TableReadOptions;
}

function emptyRead(grid: Grid, year: string, messages: TableMessage[]): TableRead {
  return {
    sheet: grid.name,
    title: '',
    headerRows: [0, 0],
    year,
    yearReason: '',
    yearUsed: false,
    columns: [],
    rows: [],
    messages,
    footnotes: [],
    markerLegend: {},
    regions: [],
    years: [],
  };
}

function isProse(view: GridView): boolean {
  let rows = 0;
  let long = 0;
  for (let r = 1; r <= Math.min(view.rowCount, 50); r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue;
    rows++;
    if (texts.length <= 2 && texts.some((t) => t.text.length >= 30)) long++;
  }
  return rows > 0 && long / rows >= 0.5;
}

const LEGEND = /([※★☆])\s*(?:是|为|表示|:|：)?\s*([^※★☆;；,，。]+)/g;

/** Reads a target table: the header, what each column holds, and every indicator row as it will be stored. */
export function readTargetTable(grid: Grid, ctx: TargetTableContext): TableRead {
  const options = ctx.options ?? {};
  const view = new GridView(grid);
  const sheet = grid.name;
  const fail = (text: string): TableRead =>
    emptyRead(grid, options.year ?? ctx.fallbackYear, [{ severity: 'error', text }]);
  if (grid.totalRows > MAX_TARGET_TABLE_ROWS) {
    return fail(
      `${cellLabel(sheet, undefined)}有 ${grid.totalRows} 行，超过 ${MAX_TARGET_TABLE_ROWS} 行的上限，不像是指标目标表（一张目标表通常不到 200 行）。请确认选择了正确的工作表，或把目标表复制到一个新工作表后再导入`,
    );
  }
  if (view.rowCount === 0 || view.colCount === 0)
    return fail(`${cellLabel(sheet, undefined)}是空的。请选择有目标表的工作表，或粘贴表格内容`);
  const header = findHeader(view, ctx.regions, options.headerRow);
  if (!header) {
    if (isProse(view))
      return fail(
        `${cellLabel(sheet, undefined)}是一段文字，不是表格（没有找到“指标名称”“单位”“目标值”等表头）。请只复制方案中的指标表，或选择有目标表的工作表`,
      );
    return fail(
      `${cellLabel(sheet, `第 1—${Math.min(view.rowCount, 30)} 行`)}中没有找到表头：至少需要“指标名称”一列和“单位”“目标值”“2026年”或区县名称等列。请检查表头，或在预览中指定表头所在的行`,
    );
  }
  const mapped = mapColumns(view, header, ctx.regions, options, ctx.fallbackYear);
  const messages = [...mapped.messages];
  const nameColumn = mapped.columns.find((c) => c.role.role === 'name');
  const base: TableRead = {
    ...emptyRead(grid, mapped.year, messages),
    title: header.title,
    headerRows: [header.first, header.last],
    yearReason: mapped.yearReason,
    yearUsed: mapped.yearUsed,
    columns: mapped.columns,
  };
  if (!nameColumn) {
    messages.unshift({
      severity: 'error',
      cell: cellAddress(header.first, 1),
      text: `${cellLabel(sheet, `第 ${header.first} 行`)}的表头中没有指标名称列（如“指标名称”“指标”“二级指标”）。请在表头中写明，或在“列的含义”中指定哪一列是指标名称`,
    });
    return base;
  }
  const rows = readRows(view, header.last + 1, mapped.columns, nameColumn.col, options.rows ?? [], base);
  checkDuplicates(rows, sheet);
  linkChildren(rows, sheet);
  const years = new Set<string>();
  const regions: string[] = [];
  for (const c of mapped.columns) {
    if (c.role.role === 'regionTarget' && c.role.region !== TOTAL_REGION && !regions.includes(c.role.region))
      regions.push(c.role.region);
  }
  for (const r of rows) {
    if (!r.include) continue;
    for (const y of Object.keys(r.targets)) years.add(y);
    for (const y of Object.keys(r.regionTargets)) years.add(y);
  }
  if (rows.length === 0)
    messages.push({
      severity: 'error',
      text: `${cellLabel(sheet, `第 ${header.last + 1} 行`)}起没有读到任何指标行。请检查表头下面是否有指标，或表头行是否找对了`,
    });
  return { ...base, rows, regions, years: [...years].sort() };
}

function readRows(
  view: GridView,
  from: number,
  columns: ColumnMapping[],
  nameCol: number,
  edits: RowEdit[],
  table: TableRead,
): TableRow[] {
  const reader: RowReader = { view, sheet: view.name, columns };
  const editOf = new Map(edits.map((e) => [e.row, e]));
  const headerTexts = new Map(columns.map((c) => [c.col, squash(c.header.split(' / ').pop() ?? '')]));
  const rows: TableRow[] = [];
  let category: string | undefined;
  const categoryCol = columns.find((c) => c.role.role === 'category')?.col;
  for (let row = from; row <= view.rowCount; row++) {
    if (view.isBlankRow(row)) continue;
    const texts = view.rowTexts(row);
    const repeats = texts.filter(({ col, text }) => headerTexts.get(col) === squash(text) && text !== '').length;
    if (repeats >= 2) {
      table.messages.push({
        severity: 'info',
        row,
        text: `${cellLabel(view.name, `第 ${row} 行`)}是重复的表头（跨页时常见），已跳过`,
      });
      continue;
    }
    const nameCell = view.own(row, nameCol);
    const nameText = nameCell && !view.isMergedSlave(row, nameCol) ? joinLines(nameCell.text) : '';
    const distinct = new Set(texts.map((t) => t.text));
    if (distinct.size === 1 && (nameText === '' || isFootnote(nameText) || spansRow(view, row, texts[0]?.col ?? 0))) {
      const text = joinLines(texts[0]?.text ?? '');
      if (isFootnote(text) || text.length > 30 || spansRow(view, row, texts[0]?.col ?? 0)) {
        readFootnote(text, row, table);
        continue;
      }
    }
    if (categoryCol !== undefined) {
      const c = joinLines(view.text(row, categoryCol));
      if (c !== '') category = c;
    }
    if (nameText === '') {
      const valued = texts.filter(({ col }) => col !== categoryCol && columns[col - 1]?.role.role !== 'seq');
      if (valued.length > 0)
        table.messages.push({
          severity: 'warning',
          row,
          cell: cellAddress(row, nameCol),
          text: `${at(reader, row, nameCol)}：指标名称为空，但本行有内容（${valued
            .map((v) => v.text)
            .slice(0, 3)
            .join('、')}），该行未导入。如是指标，请补上名称`,
        });
      continue;
    }
    rows.push(readRow(reader, row, nameCol, nameText, category, editOf.get(row)));
  }
  return rows;
}

/** A text merged across most of the row: a note under the table, not an indicator. */
function spansRow(view: GridView, row: number, col: number): boolean {
  const m = view.mergeAt(row, col);
  return m !== undefined && m.top === row && m.right - m.left + 1 >= Math.max(3, Math.ceil(view.colCount / 2));
}

function isFootnote(text: string): boolean {
  return /^(注|备注|说明|资料来源|数据来源|附注)[:：\d一二三]|^[※★☆]\s*(是|为|表示|:|：)/.test(
    text.replace(/\s+/g, ''),
  );
}

function readFootnote(text: string, row: number, table: TableRead): void {
  const legend = [...text.matchAll(LEGEND)];
  if (legend.length > 0 && /^[※★☆]/.test(text.trim())) {
    for (const m of legend) table.markerLegend[m[1] as Marker] = (m[2] ?? '').trim();
    table.markerLegendRow = row;
    table.footnotes.push({ text, row });
    table.messages.push({ severity: 'info', row, text: `${cellLabel(table.sheet, `第 ${row} 行`)}是标记说明，已读取` });
    return;
  }
  table.footnotes.push({ text, row });
  table.messages.push({ severity: 'info', row, text: `${cellLabel(table.sheet, `第 ${row} 行`)}是表注，作为表注保存` });
}

function checkDuplicates(rows: TableRow[], sheet: string): void {
  const first = new Map<string, TableRow>();
  for (const row of rows) {
    if (!row.include) continue;
    const key = nameKey(row.name);
    const before = first.get(key);
    if (!before) {
      first.set(key, row);
      continue;
    }
    row.messages.push({
      severity: 'error',
      row: row.row,
      cell: row.nameCell,
      text: `${cellLabel(sheet, row.nameCell)}：指标名称“${row.name}”与第 ${before.row} 行（${before.nameCell}）重复。请在预览中取消勾选其中一行，或修改名称加以区分`,
    });
  }
}

function linkChildren(rows: TableRow[], sheet: string): void {
  let parent: TableRow | undefined;
  for (const row of rows) {
    if (!row.include) continue;
    if (row.parentRow === undefined) {
      parent = row;
      continue;
    }
    if (parent) {
      row.parentRow = parent.row;
    } else {
      delete row.parentRow;
      row.messages.push({
        severity: 'warning',
        row: row.row,
        cell: row.nameCell,
        text: `${cellLabel(sheet, row.nameCell)}：“其中”行上面没有所属的指标，按独立指标导入`,
      });
    }
  }
}
