import { describeTarget } from '../domain/target-describe';
import { guessIndicator, type Guessed } from '../domain/indicator-guess';
import { parseTarget } from '../domain/targets';
import type { Direction, IndicatorKind, Milestone, TargetValue } from '../schemas/indicator-system';
import { TOTAL_REGION } from '../schemas/region';
import { cellAddress, cellLabel, GridView, type Grid } from './grid';
import { findHeader, mapColumns } from './header-detect';
import { joinLines, nameKey, splitIndicatorName, splitResponsible } from './names';
import type { ColumnRole, RowEdit, TableReadOptions } from './schemas';
import { readTargetCell, unitFromTargets } from './target-cells';
import type { ColumnMapping, Marker, RowField, TableMessage, TableRead, TableRow, TargetRead } from './types';
import {
  DIRECTION_NAMES,
  enumOfName,
  frequencyOfName,
  kindOfName,
  RANK_BY_NAMES,
  squash,
  yesNo,
  type RegionDirectory,
} from './vocabulary';

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

interface Reader {
  view: GridView;
  sheet: string;
  columns: ColumnMapping[];
}

function at(r: Reader, row: number, col: number): string {
  return cellLabel(r.sheet, cellAddress(row, col));
}

function readRows(
  view: GridView,
  from: number,
  columns: ColumnMapping[],
  nameCol: number,
  edits: RowEdit[],
  table: TableRead,
): TableRow[] {
  const reader: Reader = { view, sheet: view.name, columns };
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

function field<T>(guess: Guessed<T>, edited: T | undefined): RowField<T> {
  return edited === undefined ? guess : { value: edited, reason: '由您修改', edited: true };
}

function readRow(
  r: Reader,
  row: number,
  nameCol: number,
  nameText: string,
  category: string | undefined,
  edit: RowEdit | undefined,
): TableRow {
  const { view, sheet } = r;
  const messages: TableMessage[] = [];
  const notes: string[] = [];
  const say = (severity: TableMessage['severity'], col: number, text: string) =>
    messages.push({ severity, row, cell: cellAddress(row, col), text: `${at(r, row, col)}：${text}` });
  const parts = splitIndicatorName(nameText);
  notes.push(...parts.notes);
  const name = edit?.name ?? parts.name;
  const colOf = (role: ColumnRole['role']) => r.columns.find((c) => c.role.role === role)?.col;
  const textOf = (col: number | undefined) => (col === undefined ? '' : joinLines(view.text(row, col)));

  // The unit decides how "5.2%" is read, so it comes first.
  const unitCol = colOf('unit');
  const unitCell = textOf(unitCol).normalize('NFKC').trim();
  let unit: string;
  let unitReason: string;
  if (edit?.unit !== undefined) {
    unit = edit.unit === '无' ? '' : edit.unit;
    unitReason = '由您填写';
  } else if (unitCell !== '' && unitCell !== '/' && unitCell !== '—') {
    unit = unitCell;
    unitReason = '取自单位列';
    if (parts.unit !== undefined && parts.unit !== unit)
      say('warning', nameCol, `名称中注明的单位“${parts.unit}”与单位列的“${unit}”不同，按单位列“${unit}”，请核对`);
  } else if (parts.unit !== undefined) {
    unit = parts.unit;
    unitReason = '取自名称后的括号';
  } else {
    const raw = r.columns
      .filter((c) => c.role.role === 'target' || c.role.role === 'regionTarget')
      .map((c) => readTargetCell(view.cell(row, c.col), ''))
      .flatMap((t) => (t.kind === 'value' ? [t.value] : []));
    const fromTargets = unitFromTargets(raw);
    if (fromTargets) {
      unit = fromTargets;
      unitReason = '表中没有写单位，取自目标值中的单位';
      say('warning', unitCol ?? nameCol, `没有写单位，按目标值中的“${fromTargets}”作为单位，请核对`);
    } else {
      unit = '';
      unitReason = '没有单位';
      say(
        'error',
        unitCol ?? nameCol,
        `指标“${name}”没有单位（${unitCol ? '单位列为空' : '表中没有单位列'}，名称后也没有括号注明）。请在预览中填写单位；确实没有单位的，填“无”`,
      );
    }
  }

  const targets: Record<string, TargetRead> = {};
  const regionTargets: Record<string, Record<string, TargetRead>> = {};
  const milestones: Record<string, Milestone[]> = {};
  let base: TableRow['base'];
  let growthTarget: TableRow['growthTarget'];
  const rawTargets: TargetValue[] = [];
  const pending: { year: string; region?: string; value: TargetValue; cell: string }[] = [];
  const mergedNoted = new Set<string>();
  for (const c of r.columns) {
    const role = c.role;
    if (!['target', 'regionTarget', 'base', 'growth', 'milestone'].includes(role.role)) continue;
    const cell = view.cell(row, c.col);
    const read = readTargetCell(cell, unit);
    const address = cellAddress(row, c.col);
    const merge = view.mergeAt(row, c.col);
    if (merge && read.kind !== 'blank') {
      const range = `${cellAddress(merge.top, merge.left)}:${cellAddress(merge.bottom, merge.right)}`;
      if (!mergedNoted.has(range)) {
        mergedNoted.add(range);
        notes.push(`目标单元格 ${range} 为合并单元格，其中各列（行）按同一目标读取`);
      }
    }
    if (read.kind === 'blank') continue;
    if (read.kind === 'error') {
      say('error', c.col, `${read.message}。请在表格中改正后重新导入`);
      continue;
    }
    if (read.note) notes.push(`${address}：${read.note}`);
    const value = read.value;
    switch (role.role) {
      case 'target':
        rawTargets.push(value);
        pending.push({ year: role.year, value, cell: address });
        break;
      case 'regionTarget':
        rawTargets.push(value);
        pending.push({ year: role.year, region: role.region, value, cell: address });
        break;
      case 'base':
        base = { year: role.year, value };
        break;
      case 'growth': {
        const t = typeof value === 'string' ? value.normalize('NFKC').trim() : value;
        growthTarget = {
          basis: typeof t === 'string' && /^\[.*\]/.test(t) ? 'cumulative' : 'annualAverage',
          value: t,
        };
        break;
      }
      case 'milestone': {
        const n = typeof value === 'number' ? value : Number(String(value).replace(/%$/, ''));
        if (!Number.isFinite(n) || n < 0 || n > 1000)
          say('error', c.col, `季度节点“${String(value)}”不是百分数。请填写截至该季度末应完成全年目标的百分比，如 30`);
        else (milestones[role.year] ??= []).push({ period: role.period, percent: n });
        break;
      }
    }
  }

  const fromColumn = <T>(role: ColumnRole['role'], parse: (t: string) => T | null, label: string): T | undefined => {
    const col = colOf(role);
    const text = textOf(col);
    if (col === undefined || text === '') return undefined;
    const v = parse(text);
    if (v === null) say('warning', col, `${label}“${text}”无法识别，按推测值处理，请在预览中选择`);
    return v ?? undefined;
  };
  const column = <T>(g: Guessed<T>, v: T | undefined, label: string): Guessed<T> =>
    v === undefined ? g : { value: v, reason: `取自${label}列` };
  const kindGuess = guessIndicator({ name, unit, targets: rawTargets }).kind;
  const kind = field(column(kindGuess, fromColumn('kind', kindOfName, '指标类型'), '指标类型'), edit?.kind);
  const guess = guessIndicator({ name, unit, targets: rawTargets, kind });
  const direction = field(
    column(
      guess.direction,
      fromColumn('direction', (t) => enumOfName(DIRECTION_NAMES, t), '方向'),
      '方向',
    ),
    edit?.direction,
  );
  const decimalsText = fromColumn(
    'decimals',
    (t) => (/^[0-4]$/.test(squash(t)) ? Number(squash(t)) : null),
    '小数位数',
  );
  const decimals = field(column(guess.decimals, decimalsText, '小数位数'), edit?.decimals);
  const frequency = field(
    column(guess.frequency, fromColumn('frequency', frequencyOfName, '报送频率'), '报送频率'),
    edit?.frequency,
  );
  const ytd = field(column(guess.ytd, fromColumn('ytd', yesNo, '年内累计'), '年内累计'), edit?.ytd);
  const rankBy = field(
    column(
      guess.rankBy,
      fromColumn('rankBy', (t) => enumOfName(RANK_BY_NAMES, t), '排位依据'),
      '排位依据',
    ),
    edit?.rankBy,
  );
  const cityIsSumOfRegions = field(
    column(guess.cityIsSumOfRegions, fromColumn('citySum', yesNo, '全市为区县之和'), '全市为区县之和'),
    edit?.cityIsSumOfRegions,
  );

  for (const p of pending) {
    const read: TargetRead = { value: p.value, cell: p.cell, ...meaningOf(p.value, direction.value, unit, kind.value) };
    if (p.region === undefined) {
      targets[p.year] = read;
    } else {
      (regionTargets[p.year] ??= {})[p.region] = read;
    }
  }
  for (const [year, byRegion] of Object.entries(regionTargets)) {
    const city = byRegion[TOTAL_REGION];
    if (!city) continue;
    const own = targets[year];
    if (!own) {
      targets[year] = city;
    } else if (String(own.value) !== String(city.value)) {
      messages.push({
        severity: 'warning',
        row,
        cell: city.cell,
        text: `${cellLabel(sheet, city.cell)}：全市目标“${String(city.value)}”与 ${own.cell} 的${year}年目标“${String(own.value)}”不一致，全市年度目标按 ${own.cell}，分区县表中的全市按 ${city.cell}`,
      });
    }
  }
  for (const t of [...Object.values(targets), ...Object.values(regionTargets).flatMap((o) => Object.values(o))]) {
    if (t.manual && !/省下达|省定|上级下达/.test(String(t.value)) && String(t.value) !== '/')
      messages.push({
        severity: 'warning',
        row,
        cell: t.cell,
        text: `${cellLabel(sheet, t.cell)}：目标“${String(t.value)}”按原文保存，程序无法自动判断是否达到（${t.manual}）`,
      });
  }

  const natureText = textOf(colOf('nature'));
  const nature = natureText === '预期性' || natureText === '约束性' ? natureText : undefined;
  if (natureText !== '' && !nature && colOf('nature') !== undefined)
    say('warning', colOf('nature') ?? nameCol, `指标属性“${natureText}”应为“预期性”或“约束性”，未保存`);
  const notesCol = colOf('notes');
  if (notesCol !== undefined && textOf(notesCol) !== '')
    notes.push(
      ...view
        .text(row, notesCol)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    );
  const idText = squash(textOf(colOf('id')));
  const seqText = textOf(colOf('seq')).trim();
  const hidden = view.isHiddenRow(row);
  const include = edit?.include ?? !hidden;
  if (hidden && edit?.include === undefined)
    messages.push({
      severity: 'warning',
      row,
      text: `${cellLabel(sheet, `第 ${row} 行`)}是隐藏行（指标“${name}”），默认不导入；如要导入，请在预览中勾选该行`,
    });
  return {
    row,
    include,
    ...(hidden && !include ? { excludedReason: '隐藏行' } : !include ? { excludedReason: '已取消勾选' } : {}),
    ...(idText ? { id: idText } : {}),
    ...(seqText ? { seq: seqText } : {}),
    name,
    nameCell: cellAddress(row, nameCol),
    unit,
    unitReason,
    ...(category ? { category } : {}),
    markers: parts.markers,
    responsible: splitResponsible(view.text(row, colOf('responsible') ?? 0)),
    ...(parts.child ? { parentRow: -1 } : {}),
    kind,
    direction,
    decimals,
    frequency,
    ytd,
    rankBy,
    cityIsSumOfRegions,
    targets,
    regionTargets,
    ...(base ? { base } : {}),
    ...(growthTarget ? { growthTarget } : {}),
    ...(nature ? { nature } : {}),
    milestones,
    notes,
    messages,
  };
}

function meaningOf(
  value: TargetValue,
  direction: Direction,
  unit: string,
  kind: IndicatorKind,
): Pick<TargetRead, 'meaning' | 'manual'> {
  const parsed = parseTarget(value, { direction, unit, kind });
  if (parsed.op === 'pending' || parsed.op === 'unparsed') return { manual: parsed.reason };
  return { meaning: describeTarget(parsed, direction) };
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
