import { describeTarget } from '../domain/target-describe';
import { guessIndicator, type Guessed } from '../domain/indicator-guess';
import { parseTarget } from '../domain/targets';
import type { Direction, IndicatorKind, Milestone, TargetValue } from '../schemas/indicator-system';
import { TOTAL_REGION } from '../schemas/region';
import { cellAddress, cellLabel, type GridView } from './grid';
import { joinLines, splitIndicatorName, splitResponsible, type NameParts } from './names';
import type { ColumnRole, RowEdit } from './schemas';
import { readTargetCell, unitFromTargets } from './target-cells';
import type { ColumnMapping, RowField, TableMessage, TableRow, TargetRead } from './types';
import { DIRECTION_NAMES, enumOfName, frequencyOfName, kindOfName, RANK_BY_NAMES, squash, yesNo } from './vocabulary';

export interface RowReader {
  view: GridView;
  sheet: string;
  columns: ColumnMapping[];
}

export function at(r: RowReader, row: number, col: number): string {
  return cellLabel(r.sheet, cellAddress(row, col));
}

/** One row being read: where it is, the clerk's edit, and where its notes and messages go. */
interface RowScope {
  r: RowReader;
  row: number;
  nameCol: number;
  edit: RowEdit | undefined;
  notes: string[];
  messages: TableMessage[];
}

function say(s: RowScope, severity: TableMessage['severity'], col: number, text: string): void {
  s.messages.push({ severity, row: s.row, cell: cellAddress(s.row, col), text: `${at(s.r, s.row, col)}：${text}` });
}

function colOf(s: RowScope, role: ColumnRole['role']): number | undefined {
  return s.r.columns.find((c) => c.role.role === role)?.col;
}

function textOf(s: RowScope, col: number | undefined): string {
  return col === undefined ? '' : joinLines(s.r.view.text(s.row, col));
}

/** The unit decides how "5.2%" is read, so it is settled first: the clerk's, the column, the name, the targets. */
function readUnit(s: RowScope, parts: NameParts, name: string): { unit: string; unitReason: string } {
  const unitCol = colOf(s, 'unit');
  const unitCell = textOf(s, unitCol).normalize('NFKC').trim();
  if (s.edit?.unit !== undefined) return { unit: s.edit.unit === '无' ? '' : s.edit.unit, unitReason: '由您填写' };
  if (unitCell !== '' && unitCell !== '/' && unitCell !== '—') {
    if (parts.unit !== undefined && parts.unit !== unitCell)
      say(
        s,
        'warning',
        s.nameCol,
        `名称中注明的单位“${parts.unit}”与单位列的“${unitCell}”不同，按单位列“${unitCell}”，请核对`,
      );
    return { unit: unitCell, unitReason: '取自单位列' };
  }
  if (parts.unit !== undefined) return { unit: parts.unit, unitReason: '取自名称后的括号' };
  const written = s.r.columns
    .filter((c) => c.role.role === 'target' || c.role.role === 'regionTarget')
    .map((c) => readTargetCell(s.r.view.cell(s.row, c.col), ''))
    .flatMap((t) => (t.kind === 'value' ? [t.value] : []));
  const fromTargets = unitFromTargets(written);
  if (fromTargets) {
    say(s, 'warning', unitCol ?? s.nameCol, `没有写单位，按目标值中的“${fromTargets}”作为单位，请核对`);
    return { unit: fromTargets, unitReason: '表中没有写单位，取自目标值中的单位' };
  }
  say(
    s,
    'error',
    unitCol ?? s.nameCol,
    `指标“${name}”没有单位（${unitCol ? '单位列为空' : '表中没有单位列'}，名称后也没有括号注明）。请在预览中填写单位；确实没有单位的，填“无”`,
  );
  return { unit: '', unitReason: '没有单位' };
}

interface ValueCells {
  /** Targets in table order, before the direction that gives them their meaning is known. */
  pending: { year: string; region?: string; value: TargetValue; cell: string }[];
  base?: TableRow['base'];
  growthTarget?: TableRow['growthTarget'];
  milestones: Record<string, Milestone[]>;
}

/** The target, base, growth and milestone cells of the row; a merged cell counts for each column it covers. */
function readValueCells(s: RowScope, unit: string): ValueCells {
  const out: ValueCells = { pending: [], milestones: {} };
  const mergedNoted = new Set<string>();
  for (const c of s.r.columns) {
    const role = c.role;
    if (!['target', 'regionTarget', 'base', 'growth', 'milestone'].includes(role.role)) continue;
    const read = readTargetCell(s.r.view.cell(s.row, c.col), unit);
    const address = cellAddress(s.row, c.col);
    const merge = s.r.view.mergeAt(s.row, c.col);
    if (merge && read.kind !== 'blank') {
      const range = `${cellAddress(merge.top, merge.left)}:${cellAddress(merge.bottom, merge.right)}`;
      if (!mergedNoted.has(range)) {
        mergedNoted.add(range);
        s.notes.push(`目标单元格 ${range} 为合并单元格，其中各列（行）按同一目标读取`);
      }
    }
    if (read.kind === 'blank') continue;
    if (read.kind === 'error') {
      say(s, 'error', c.col, `${read.message}。请在表格中改正后重新导入`);
      continue;
    }
    if (read.note) s.notes.push(`${address}：${read.note}`);
    const value = read.value;
    switch (role.role) {
      case 'target':
        out.pending.push({ year: role.year, value, cell: address });
        break;
      case 'regionTarget':
        out.pending.push({ year: role.year, region: role.region, value, cell: address });
        break;
      case 'base':
        out.base = { year: role.year, value };
        break;
      case 'growth': {
        const t = typeof value === 'string' ? value.normalize('NFKC').trim() : value;
        out.growthTarget = {
          basis: typeof t === 'string' && /^\[.*\]/.test(t) ? 'cumulative' : 'annualAverage',
          value: t,
        };
        break;
      }
      case 'milestone': {
        const n = typeof value === 'number' ? value : Number(String(value).replace(/%$/, ''));
        if (!Number.isFinite(n) || n < 0 || n > 1000)
          say(
            s,
            'error',
            c.col,
            `季度节点“${String(value)}”不是百分数。请填写截至该季度末应完成全年目标的百分比，如 30`,
          );
        else (out.milestones[role.year] ??= []).push({ period: role.period, percent: n });
        break;
      }
    }
  }
  return out;
}

function field<T>(guess: Guessed<T>, edited: T | undefined): RowField<T> {
  return edited === undefined ? guess : { value: edited, reason: '由您修改', edited: true };
}

type Settings = Pick<
  TableRow,
  'kind' | 'direction' | 'decimals' | 'frequency' | 'ytd' | 'rankBy' | 'cityIsSumOfRegions'
>;

/** What the calculations need and a table rarely prints: printed columns first, else guessed; the clerk's edit wins. */
function readSettings(s: RowScope, name: string, unit: string, targets: TargetValue[]): Settings {
  const printed = <T>(role: ColumnRole['role'], parse: (t: string) => T | null, label: string): T | undefined => {
    const col = colOf(s, role);
    const text = textOf(s, col);
    if (col === undefined || text === '') return undefined;
    const v = parse(text);
    if (v === null) say(s, 'warning', col, `${label}“${text}”无法识别，按推测值处理，请在预览中选择`);
    return v ?? undefined;
  };
  const choose = <T>(
    g: Guessed<T>,
    role: ColumnRole['role'],
    parse: (t: string) => T | null,
    label: string,
    edited: T | undefined,
  ) => {
    const v = printed(role, parse, label);
    return field(v === undefined ? g : { value: v, reason: `取自${label}列` }, edited);
  };
  const e = s.edit;
  const kind = choose(guessIndicator({ name, unit, targets }).kind, 'kind', kindOfName, '指标类型', e?.kind);
  const guess = guessIndicator({ name, unit, targets, kind });
  const decimalsOf = (t: string) => (/^[0-4]$/.test(squash(t)) ? Number(squash(t)) : null);
  return {
    kind,
    direction: choose(guess.direction, 'direction', (t) => enumOfName(DIRECTION_NAMES, t), '方向', e?.direction),
    decimals: choose(guess.decimals, 'decimals', decimalsOf, '小数位数', e?.decimals),
    frequency: choose(guess.frequency, 'frequency', frequencyOfName, '报送频率', e?.frequency),
    ytd: choose(guess.ytd, 'ytd', yesNo, '年内累计', e?.ytd),
    rankBy: choose(guess.rankBy, 'rankBy', (t) => enumOfName(RANK_BY_NAMES, t), '排位依据', e?.rankBy),
    cityIsSumOfRegions: choose(guess.cityIsSumOfRegions, 'citySum', yesNo, '全市为区县之和', e?.cityIsSumOfRegions),
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

/**
 * Targets by year and by region, each with the comparator the app reads. A 分解表's 全市 column is the
 * year's target when no 目标值 column gives one; when both do and differ, the clerk is told.
 */
function placeTargets(
  s: RowScope,
  cells: ValueCells,
  unit: string,
  settings: Settings,
): Pick<TableRow, 'targets' | 'regionTargets'> {
  const targets: Record<string, TargetRead> = {};
  const regionTargets: Record<string, Record<string, TargetRead>> = {};
  for (const p of cells.pending) {
    const read: TargetRead = {
      value: p.value,
      cell: p.cell,
      ...meaningOf(p.value, settings.direction.value, unit, settings.kind.value),
    };
    if (p.region === undefined) targets[p.year] = read;
    else (regionTargets[p.year] ??= {})[p.region] = read;
  }
  const sheet = s.r.sheet;
  for (const [year, byRegion] of Object.entries(regionTargets)) {
    const city = byRegion[TOTAL_REGION];
    if (!city) continue;
    const own = targets[year];
    if (!own) targets[year] = city;
    else if (String(own.value) !== String(city.value))
      s.messages.push({
        severity: 'warning',
        row: s.row,
        cell: city.cell,
        text: `${cellLabel(sheet, city.cell)}：全市目标“${String(city.value)}”与 ${own.cell} 的${year}年目标“${String(own.value)}”不一致，全市年度目标按 ${own.cell}，分区县表中的全市按 ${city.cell}`,
      });
  }
  for (const t of [...Object.values(targets), ...Object.values(regionTargets).flatMap((o) => Object.values(o))]) {
    if (t.manual && !/省下达|省定|上级下达/.test(String(t.value)) && String(t.value) !== '/')
      s.messages.push({
        severity: 'warning',
        row: s.row,
        cell: t.cell,
        text: `${cellLabel(sheet, t.cell)}：目标“${String(t.value)}”按原文保存，程序无法自动判断是否达到（${t.manual}）`,
      });
  }
  return { targets, regionTargets };
}

/** One indicator row as it will be stored: name, unit, targets by year and region, guesses, messages. */
export function readRow(
  r: RowReader,
  row: number,
  nameCol: number,
  nameText: string,
  category: string | undefined,
  edit: RowEdit | undefined,
): TableRow {
  const s: RowScope = { r, row, nameCol, edit, notes: [], messages: [] };
  const parts = splitIndicatorName(nameText);
  s.notes.push(...parts.notes);
  const name = edit?.name ?? parts.name;
  const { unit, unitReason } = readUnit(s, parts, name);
  const cells = readValueCells(s, unit);
  const settings = readSettings(
    s,
    name,
    unit,
    cells.pending.map((p) => p.value),
  );
  const { targets, regionTargets } = placeTargets(s, cells, unit, settings);

  const natureCol = colOf(s, 'nature');
  const natureText = textOf(s, natureCol);
  const nature = natureText === '预期性' || natureText === '约束性' ? natureText : undefined;
  if (natureText !== '' && !nature && natureCol !== undefined)
    say(s, 'warning', natureCol, `指标属性“${natureText}”应为“预期性”或“约束性”，未保存`);
  const notesCol = colOf(s, 'notes');
  if (notesCol !== undefined)
    s.notes.push(
      ...r.view
        .text(row, notesCol)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    );
  const idText = squash(textOf(s, colOf(s, 'id')));
  const seqText = textOf(s, colOf(s, 'seq')).trim();
  const hidden = r.view.isHiddenRow(row);
  const include = edit?.include ?? !hidden;
  if (hidden && edit?.include === undefined)
    s.messages.push({
      severity: 'warning',
      row,
      text: `${cellLabel(r.sheet, `第 ${row} 行`)}是隐藏行（指标“${name}”），默认不导入；如要导入，请在预览中勾选该行`,
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
    responsible: splitResponsible(r.view.text(row, colOf(s, 'responsible') ?? 0)),
    ...(parts.child ? { parentRow: -1 } : {}),
    ...settings,
    targets,
    regionTargets,
    ...(cells.base ? { base: cells.base } : {}),
    ...(cells.growthTarget ? { growthTarget: cells.growthTarget } : {}),
    ...(nature ? { nature } : {}),
    milestones: cells.milestones,
    notes: s.notes,
    messages: s.messages,
  };
}
