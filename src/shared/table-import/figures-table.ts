import { z } from 'zod';
import { parseFigureInput } from '../domain/figure-input';
import type { Period } from '../domain/periods';
import { parsePeriod } from '../domain/periods';
import { periodTitle } from '../domain/period-labels';
import type { FigureValue } from '../schemas/figure';
import type { Frequency, IndicatorKind } from '../schemas/indicator-system';
import { PeriodKeySchema } from '../schemas/workspace';
import { TOTAL_REGION } from '../schemas/region';
import { cellAddress, cellLabel, GridView, type Grid } from './grid';
import { joinLines, nameKey, nameSimilarity, splitIndicatorName } from './names';
import { periodFromText, storageKey } from './period-text';
import type { SheetChoice, TableMessage } from './types';
import { guessHeader, matchRegion, PROVINCE, squash, type RegionDirectory } from './vocabulary';

/** Rows read from one sheet of past figures: 12 months × 100 indicators × 10 regions in long form fit. */
export const MAX_FIGURE_TABLE_ROWS = 50_000;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const FiguresReadOptionsSchema = z.strictObject({
  /** Only this sheet; every visible sheet by default. */
  sheet: z.string().min(1).max(100).optional(),
  /** The period of sheets and blocks that name none. */
  period: PeriodKeySchema.optional(),
  /** Match names against this system only. */
  systemId: slug.optional(),
  /** The clerk's matches for names the app could not match (null: leave the name out). */
  names: z
    .record(z.string().min(1).max(200), z.union([z.strictObject({ systemId: slug, indicatorId: slug }), z.null()]))
    .optional(),
});
export type FiguresReadOptions = z.infer<typeof FiguresReadOptionsSchema>;

export interface FigureIndicator {
  systemId: string;
  systemTitle: string;
  indicatorId: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
  frequency: Frequency;
}

export interface FiguresReadContext {
  regions: RegionDirectory;
  /** Regions figures may be stored for (the workspace's); 全市 and 全省 are always allowed. */
  workspaceRegions: string[];
  indicators: FigureIndicator[];
  options: FiguresReadOptions;
}

/** One figure the sheet holds, before it is compared with what is stored. */
export interface FigureCandidate {
  sheet: string;
  cell: string;
  /** The period as printed (or chosen). */
  periodText: string;
  /** Storage period key ("2025-09", "2025Q3"); absent when the cell is refused for its period. */
  period?: string;
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  region: string;
  raw: string;
  /** The parsed value (null: a blank cell, which is never written); absent when refused. */
  value?: FigureValue;
  /** Why the cell is refused, naming the sheet and cell. */
  message?: string;
}

export interface FiguresBlock {
  sheet: string;
  layout: 'wide' | 'long';
  headerRow: number;
  lastRow: number;
  /** "2025年1—9月" for a wide block; a long block's periods are per row. */
  periodTitle?: string;
  periodReason: string;
}

export interface IndicatorRef {
  systemId: string;
  indicatorId: string;
  systemTitle: string;
  name: string;
}

export interface NameMatch {
  /** The name as printed. */
  name: string;
  cells: string[];
  targets: IndicatorRef[];
  chosen?: boolean;
}

export interface UnmatchedName {
  name: string;
  cells: string[];
  suggestions: IndicatorRef[];
}

export interface FiguresRead {
  sheets: SheetChoice[];
  blocks: FiguresBlock[];
  candidates: FigureCandidate[];
  matched: NameMatch[];
  unmatched: UnmatchedName[];
  messages: TableMessage[];
}

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

function numeric(view: GridView, row: number): boolean {
  return view
    .rowTexts(row)
    .some(({ col, text }) => view.own(row, col)?.number !== undefined || /^[-+]?[\d.,]+%?$/.test(squash(text)));
}

class Reader {
  readonly candidates: FigureCandidate[] = [];
  readonly messages: TableMessage[] = [];
  readonly blocks: FiguresBlock[] = [];
  private readonly names = new Map<string, { name: string; cells: string[] }>();
  private readonly byKey = new Map<string, FigureIndicator[]>();

  constructor(private readonly ctx: FiguresReadContext) {
    for (const ind of ctx.indicators) {
      if (ctx.options.systemId && ind.systemId !== ctx.options.systemId) continue;
      const key = nameKey(ind.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), ind]);
    }
  }

  /** The indicators a printed name stands for: the clerk's choice, else the same name. */
  targets(printed: string): FigureIndicator[] | null {
    const chosen = this.ctx.options.names?.[printed];
    if (chosen === null) return [];
    if (chosen) {
      const ind = this.ctx.indicators.find(
        (i) => i.systemId === chosen.systemId && i.indicatorId === chosen.indicatorId,
      );
      return ind ? [ind] : null;
    }
    return this.byKey.get(nameKey(printed)) ?? null;
  }

  note(printed: string, cell: string): void {
    const n = this.names.get(printed) ?? { name: printed, cells: [] };
    if (n.cells.length < 5) n.cells.push(cell);
    this.names.set(printed, n);
  }

  region(text: string): { region: string } | { reason: string } | null {
    const r = matchRegion(text, this.ctx.regions);
    if (r === null) return null;
    if (r === TOTAL_REGION || r === PROVINCE || this.ctx.workspaceRegions.includes(r)) return { region: r };
    return { reason: `“${text}”不在本工作区的区县中（${this.ctx.workspaceRegions.join('、')}）` };
  }

  /** Reads one value cell for every indicator the name stands for. */
  figure(
    view: GridView,
    row: number,
    col: number,
    printedName: string,
    printedUnit: string | undefined,
    region: string,
    period: Period | null,
    periodText: string,
  ): void {
    const cell = view.cell(row, col);
    if (!cell || cell.text === '') return;
    const address = cellAddress(row, col);
    const targets = this.targets(printedName);
    this.note(printedName, address);
    if (!targets || targets.length === 0) return;
    const where = `${cellLabel(view.name, address)}`;
    for (const ind of targets) {
      const base: FigureCandidate = {
        sheet: view.name,
        cell: address,
        periodText,
        systemId: ind.systemId,
        indicatorId: ind.indicatorId,
        indicatorName: ind.name,
        unit: ind.unit,
        region,
        raw: cell.text,
      };
      const refuse = (why: string) => this.candidates.push({ ...base, message: `${where}：${why}` });
      if (!period) {
        refuse(`没有统计期（表名、工作表名和本行都没有写明，如“2025年1—9月”），未导入。请在预览中选择统计期`);
        continue;
      }
      const key = storageKey(period, ind.frequency);
      if ('reason' in key) {
        refuse(`${key.reason}（${periodText}），未导入`);
        continue;
      }
      const withPeriod = { ...base, period: key.key };
      if (printedUnit !== undefined && squash(printedUnit) !== squash(ind.unit)) {
        this.candidates.push({
          ...withPeriod,
          message: `${where}：表中单位“${printedUnit}”与指标“${ind.name}”的单位“${ind.unit || '无'}”不同，未导入。请换算为${ind.unit || '无单位'}后再导入`,
        });
        continue;
      }
      if (cell.error !== undefined || cell.isDate) {
        this.candidates.push({
          ...withPeriod,
          message: `${where}：“${cell.text}”${cell.error ?? '是日期，不是数值'}`,
        });
        continue;
      }
      const parsed = parseFigureInput(cell.number ?? cell.text, ind, {
        excessDecimals: cell.fromFormula ? 'round' : 'reject',
      });
      if (!parsed.ok) {
        this.candidates.push({ ...withPeriod, message: `${where}：${parsed.message}` });
        continue;
      }
      if (parsed.value === null) continue;
      this.candidates.push({ ...withPeriod, value: parsed.value });
    }
  }

  nameReport(): { matched: NameMatch[]; unmatched: UnmatchedName[] } {
    const matched: NameMatch[] = [];
    const unmatched: UnmatchedName[] = [];
    const ref = (i: FigureIndicator): IndicatorRef => ({
      systemId: i.systemId,
      indicatorId: i.indicatorId,
      systemTitle: i.systemTitle,
      name: i.name,
    });
    for (const n of this.names.values()) {
      const targets = this.targets(n.name);
      if (targets && targets.length > 0) {
        matched.push({
          name: n.name,
          cells: n.cells,
          targets: targets.map(ref),
          ...(this.ctx.options.names?.[n.name] ? { chosen: true } : {}),
        });
        continue;
      }
      if (this.ctx.options.names?.[n.name] === null) continue;
      const pool = this.ctx.indicators.filter(
        (i) => !this.ctx.options.systemId || i.systemId === this.ctx.options.systemId,
      );
      const suggestions = pool
        .map((i) => ({ i, score: nameSimilarity(n.name, i.name) }))
        .filter((x) => x.score >= 0.3)
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((x) => ref(x.i));
      unmatched.push({ name: n.name, cells: n.cells, suggestions });
    }
    return { matched, unmatched };
  }
}

function periodNear(view: GridView, from: number, to: number): { period: Period; text: string } | null {
  for (let r = to; r >= from; r--) {
    for (const { text } of view.rowTexts(r)) {
      const p = periodFromText(text);
      if (p) return { period: p, text: text.replace(/\s+/g, '') };
    }
  }
  return null;
}

function chosenPeriod(options: FiguresReadOptions): { period: Period; text: string } | null {
  if (!options.period) return null;
  const p = parsePeriod(options.period);
  return { period: p, text: periodTitle(p) };
}

function isWideHeader(view: GridView, row: number, reader: Reader): boolean {
  if (numeric(view, row)) return false;
  return view.rowTexts(row).filter(({ text }) => reader.region(text) !== null).length >= 2;
}

function readWide(view: GridView, reader: Reader, headers: number[], options: FiguresReadOptions): void {
  headers.forEach((h, i) => {
    const end = (headers[i + 1] ?? view.rowCount + 1) - 1;
    const previousEnd = i === 0 ? 0 : (headers[i - 1] ?? 0);
    let nameCol: number | undefined;
    let unitCol: number | undefined;
    const regionCols: { col: number; region: string }[] = [];
    for (let c = 1; c <= view.colCount; c++) {
      const text = view.text(h, c);
      const g = guessHeader(text);
      const r = reader.region(text);
      if (r && 'region' in r) regionCols.push({ col: c, region: r.region });
      else if (r && 'reason' in r)
        reader.messages.push({
          severity: 'warning',
          cell: cellAddress(h, c),
          text: `${cellLabel(view.name, cellAddress(h, c))}：${r.reason}，该列未导入。如需导入，请先在工作区中添加该区县`,
        });
      else if (g?.role === 'name' && nameCol === undefined) nameCol = c;
      else if (g?.role === 'unit' && unitCol === undefined) unitCol = c;
      else if (text !== '' && nameCol !== undefined && c > nameCol)
        reader.messages.push({
          severity: 'info',
          cell: cellAddress(h, c),
          text: `${cellLabel(view.name, cellAddress(h, c))}：列“${text}”不是区县，未导入`,
        });
    }
    nameCol ??= firstTextColumn(
      view,
      h + 1,
      end,
      regionCols.map((r) => r.col),
    );
    if (nameCol === undefined) {
      reader.messages.push({
        severity: 'error',
        cell: cellAddress(h, 1),
        text: `${cellLabel(view.name, `第 ${h} 行`)}的表头下面找不到指标名称列。请在表头中写“指标名称”，或把指标名称放在第一列`,
      });
      return;
    }
    const found =
      periodNear(view, previousEnd + 1, h) ??
      (periodFromText(view.name) ? { period: periodFromText(view.name) as Period, text: view.name } : null) ??
      chosenPeriod(options);
    const reason = !found
      ? '没有找到统计期'
      : found.text === view.name
        ? `取自工作表名“${view.name}”`
        : options.period && found.text === periodTitle(parsePeriod(options.period))
          ? '由您选择'
          : `取自“${found.text}”`;
    if (!found)
      reader.messages.push({
        severity: 'error',
        cell: cellAddress(h, 1),
        text: `${cellLabel(view.name, `第 ${h} 行`)}起的表格没有写统计期（表名、工作表名都没有“2025年1—9月”这样的字样）。请在预览中选择统计期，或在表格上方写明`,
      });
    let lastRow = h;
    for (let r = h + 1; r <= end; r++) {
      if (view.isBlankRow(r)) continue;
      const nameText = joinLines(view.text(r, nameCol));
      if (nameText === '' || periodFromText(nameText) !== null) continue;
      const parts = splitIndicatorName(nameText);
      const unitText = unitCol !== undefined ? view.text(r, unitCol).trim() : '';
      const printedUnit = unitText !== '' ? unitText : parts.unit;
      lastRow = r;
      for (const rc of regionCols)
        reader.figure(
          view,
          r,
          rc.col,
          parts.name,
          printedUnit,
          rc.region,
          found?.period ?? null,
          found ? periodTitle(found.period) : '',
        );
    }
    reader.blocks.push({
      sheet: view.name,
      layout: 'wide',
      headerRow: h,
      lastRow,
      ...(found ? { periodTitle: periodTitle(found.period) } : {}),
      periodReason: reason,
    });
  });
}

function firstTextColumn(view: GridView, from: number, to: number, skip: number[]): number | undefined {
  for (let c = 1; c <= view.colCount; c++) {
    if (skip.includes(c)) continue;
    let text = 0;
    let filled = 0;
    for (let r = from; r <= Math.min(to, from + 100); r++) {
      const cell = view.own(r, c);
      if (!cell) continue;
      filled++;
      if (cell.number === undefined && !/^[-+]?[\d.,]+%?$/.test(cell.text)) text++;
    }
    if (filled > 0 && text / filled >= 0.6) return c;
  }
  return undefined;
}

function readLong(
  view: GridView,
  reader: Reader,
  h: number,
  cols: Map<string, number>,
  options: FiguresReadOptions,
): void {
  const periodCol = cols.get('period');
  const nameCol = cols.get('name') ?? 0;
  const regionCol = cols.get('region') ?? 0;
  const valueCol = cols.get('value') ?? 0;
  const unitCol = cols.get('unit');
  const chosen = chosenPeriod(options);
  let lastRow = h;
  for (let r = h + 1; r <= view.rowCount; r++) {
    if (view.isBlankRow(r)) continue;
    const nameText = joinLines(view.text(r, nameCol));
    if (nameText === '') continue;
    lastRow = r;
    const parts = splitIndicatorName(nameText);
    const periodText = periodCol !== undefined ? view.text(r, periodCol) : '';
    const period = periodText ? periodFromText(periodText) : (chosen?.period ?? null);
    if (periodText && !period) {
      reader.messages.push({
        severity: 'error',
        row: r,
        cell: cellAddress(r, periodCol ?? 1),
        text: `${cellLabel(view.name, cellAddress(r, periodCol ?? 1))}：统计期“${periodText}”无法识别，该行未导入。请写成“2025年1—9月”“2025年三季度”“2025-09”或“2025年”`,
      });
      continue;
    }
    const regionText = view.text(r, regionCol);
    const region = reader.region(regionText);
    if (!region || 'reason' in region) {
      reader.messages.push({
        severity: 'error',
        row: r,
        cell: cellAddress(r, regionCol),
        text: `${cellLabel(view.name, cellAddress(r, regionCol))}：${region && 'reason' in region ? region.reason : `“${regionText}”不是区县名称`}，该行未导入`,
      });
      continue;
    }
    const unitText = unitCol !== undefined ? view.text(r, unitCol).trim() : '';
    reader.figure(
      view,
      r,
      valueCol,
      parts.name,
      unitText !== '' ? unitText : parts.unit,
      region.region,
      period,
      periodText || (chosen?.text ?? ''),
    );
  }
  reader.blocks.push({ sheet: view.name, layout: 'long', headerRow: h, lastRow, periodReason: '每行的统计期列' });
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
