import { DASH, formatFigure, formatPlain } from '../domain/format';
import { formatFixed } from '../domain/rounding';
import { completionWord, RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import { chineseOrdinal } from './kinds';
import type { CellStatus, HeaderCell, TableBlock, TableCell, TableColumn, TableRow } from './model';
import { calcRef } from './phrasing';
import { isLagging, verdictOf } from './verdicts';
import { differenceUnit, valueUnit } from './wording';
import { emWidth } from './layout-text';

/**
 * The district tables of a document: 全市 and the districts down the side, and per key indicator its ranked
 * figure, the district's own target (when the year is decomposed), 位次 with its change since the last period
 * (↑↓), and in a 运行分析报告 当月 next to 累计. Indicators are dealt into as many tables as it takes for every
 * column to stay at least three characters wide in 5号 across the 156 mm type area, so no header wraps one
 * character per line.
 */

/** Characters of 5号 (10.5 pt) across the 156 mm type area, less a little for cell margins. */
export const TABLE_CHARS_PER_LINE = 41;

/** Widths in characters of 5号. */
const WIDTH = { value: 4.4, target: 3.8, rank: 3.4, monthly: 4.4, cumulative: 4.8 } as const;

interface ColumnSpec {
  label: string;
  role: TableColumn['role'];
  width: number;
  decimals?: number;
  cell: (row: RegionResult) => TableCell;
}

export interface DistrictTableOptions {
  /** "2023年1—9月". */
  periodText: string;
  regions: readonly string[];
  notes: string[];
  /** 当月 and 累计 side by side for monthly year-to-date totals (运行分析报告). */
  monthly?: (res: IndicatorResult, region: string) => number | null;
  /** Number of the first table ("表1"). */
  firstNumber?: number;
}

function missingCell(value: RegionResult['value']): TableCell {
  return {
    text: value === '/' ? '/' : DASH,
    align: 'center',
    status: value === '/' ? 'notApplicable' : 'missing',
  };
}

/** The ranked figure of a row as printed, shaded when the row lags (target, progress or node). */
function rankedCell(res: IndicatorResult, row: RegionResult): TableCell {
  const lagging: CellStatus | undefined = !row.isTotal && isLagging(verdictOf(res, row)) ? 'behind' : undefined;
  const status = lagging ? { status: lagging } : {};
  if (res.rankBy === 'completion') {
    if (!row.completion?.ok) return missingCell(row.value);
    return {
      text: formatFixed(row.completion.rate, RATE_DECIMALS),
      value: row.completion.rate,
      decimals: RATE_DECIMALS,
      ref: calcRef(res, 'completion', row.region),
      align: 'right',
      ...status,
    };
  }
  if (res.rankBy === 'growth' && res.indicator.kind !== 'growth') {
    if (!row.yoy.ok) return missingCell(row.value);
    return {
      text: formatFixed(row.yoy.value, RATE_DECIMALS),
      value: row.yoy.value,
      decimals: RATE_DECIMALS,
      ref: calcRef(res, 'yoy', row.region),
      align: 'right',
      ...status,
    };
  }
  if (typeof row.value !== 'number') return missingCell(row.value);
  return {
    text: formatFigure(row.value, res.decimals),
    value: row.value,
    decimals: res.decimals,
    ref: row.ref,
    align: 'right',
    ...status,
  };
}

/** 位次 with its change: "3↑2" (up two places since the last period), "2↓1", "4". */
export function rankText(row: RegionResult): string {
  if (row.rank === null) return DASH;
  const change = row.rankChange;
  if (!change) return String(row.rank);
  return `${row.rank}${change > 0 ? '↑' : '↓'}${Math.abs(change)}`;
}

function rankCell(res: IndicatorResult, row: RegionResult, worst: number): TableCell {
  if (row.isTotal) return { text: DASH, align: 'center' };
  const status: CellStatus | undefined =
    row.rank === 1 ? 'top' : row.rank !== null && row.rank === worst && worst > 1 ? 'bottom' : undefined;
  return {
    text: rankText(row),
    ...(row.rank !== null ? { value: row.rank, decimals: 0 } : {}),
    ref: `calc:rank:${res.periodKey}/${res.systemId}/${res.indicator.id}/${row.region}`,
    align: 'center',
    ...(status ? { status } : {}),
  };
}

/** A target as a table cell: the number without its unit (the header has it), short words, or 见注. */
function targetCell(row: RegionResult, notes: Map<string, string>, res: IndicatorResult): TableCell {
  const t = row.target;
  if (t === null) return { text: DASH, align: 'center' };
  if (typeof t === 'number') return { text: formatPlain(t, 4), value: t, align: 'right' };
  if (emWidth(t) <= WIDTH.target - 0.8) return { text: t, align: 'center' };
  notes.set(`${res.indicator.name}：${t}`, res.indicator.name);
  return { text: '见注', align: 'center' };
}

function hasDistrictTargets(res: IndicatorResult): boolean {
  return res.rows.some((r) => !r.isTotal && r.target !== null);
}

function isMonthlyTotal(res: IndicatorResult): boolean {
  const ind = res.indicator;
  return ind.frequency === 'monthly' && ind.ytd && (ind.kind === 'level' || ind.kind === 'count');
}

function rankedLabel(res: IndicatorResult): string {
  if (res.rankBy === 'completion') return `${completionWord(res)}（%）`;
  if (res.rankBy === 'growth' && res.indicator.kind !== 'growth')
    return res.indicator.kind === 'share' ? `比上年（${differenceUnit(res.indicator)}）` : '增速（%）';
  if (res.indicator.kind === 'growth') return '增速（%）';
  const unit = valueUnit(res.indicator);
  return unit ? `实际（${unit}）` : '实际';
}

/** The columns of one indicator. */
function columnsFor(res: IndicatorResult, options: DistrictTableOptions, notes: Map<string, string>): ColumnSpec[] {
  const worst = Math.max(0, ...res.rows.map((r) => r.rank ?? 0));
  const unit = valueUnit(res.indicator);
  const cols: ColumnSpec[] = [];
  const monthly = options.monthly && isMonthlyTotal(res) ? options.monthly : undefined;
  if (monthly) {
    cols.push({
      label: `当月（${unit}）`,
      role: 'value',
      width: WIDTH.monthly,
      decimals: res.decimals,
      cell: (row) => {
        const v = monthly(res, row.region);
        return v === null
          ? { text: DASH, align: 'center' }
          : { text: formatFigure(v, res.decimals), value: v, decimals: res.decimals, align: 'right' };
      },
    });
    cols.push({
      label: `累计（${unit}）`,
      role: 'value',
      width: WIDTH.cumulative,
      decimals: res.decimals,
      cell: (row) =>
        typeof row.value === 'number'
          ? {
              text: formatFigure(row.value, res.decimals),
              value: row.value,
              decimals: res.decimals,
              ref: row.ref,
              align: 'right',
            }
          : missingCell(row.value),
    });
  }
  cols.push({
    label: rankedLabel(res),
    role: res.rankBy === 'completion' ? 'completion' : res.indicator.kind === 'growth' ? 'growth' : 'value',
    width: WIDTH.value,
    decimals: res.rankBy === 'value' ? res.decimals : RATE_DECIMALS,
    cell: (row) => rankedCell(res, row),
  });
  if (res.rows.some((r) => r.node)) {
    cols.push({
      label: unit ? `节点（${unit}）` : '节点',
      role: 'target',
      width: WIDTH.target,
      cell: (row) =>
        row.node
          ? { text: formatPlain(row.node.due, res.decimals), value: row.node.due, align: 'right' }
          : missingCell(null),
    });
  } else if (!monthly && hasDistrictTargets(res)) {
    const targetUnit = res.rankBy === 'completion' || res.indicator.kind === 'growth' ? unit || '%' : unit;
    cols.push({
      label: targetUnit ? `目标（${targetUnit}）` : '目标',
      role: 'target',
      width: WIDTH.target,
      cell: (row) => targetCell(row, notes, res),
    });
  }
  cols.push({ label: '位次', role: 'rank', width: WIDTH.rank, decimals: 0, cell: (row) => rankCell(res, row, worst) });
  return cols;
}

function regionWidth(regions: readonly string[]): number {
  return Math.max(3, ...['全市', ...regions].map((r) => [...r].length)) + 0.6;
}

/** Greedy split: each table as full as the width allows, in order. */
function greedy<T>(items: readonly { item: T; width: number }[], budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const { item, width } of items) {
    if (current.length > 0 && used + width > budget) {
      out.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += width;
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Deals the indicators into as few tables as fit the width, keeping their order, and evens them out (7 into 3, 2
 * and 2 rather than 3, 3 and 1): of the splits into that many tables, the most even one.
 */
function chunksOf<T>(items: readonly { item: T; width: number }[], budget: number): T[][] {
  const k = greedy(items, budget).length;
  if (k <= 1) return greedy(items, budget);
  const n = items.length;
  const prefix = [0];
  for (const it of items) prefix.push(prefix[prefix.length - 1]! + it.width);
  // In hundredths of a character, so equal splits compare equal despite binary fractions.
  const width = (i: number, j: number) => Math.round((prefix[j]! - prefix[i]!) * 100) / 100;
  // best[t][j]: the most even split (least sum of squared widths) of the first j items into t tables that fit;
  // cut[t][j]: where the last of them begins.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const cut = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  best[0]![0] = 0;
  for (let t = 1; t <= k; t++)
    for (let j = 1; j <= n; j++)
      for (let i = t - 1; i < j; i++) {
        const w = width(i, j);
        if (w > budget && j - i > 1) continue;
        const cost = Math.round((best[t - 1]![i]! + w * w) * 100) / 100;
        // Ties go to the later cut: the earlier tables take the extra indicator (3, 2, 2 rather than 2, 2, 3).
        if (cost <= best[t]![j]!) {
          best[t]![j] = cost;
          cut[t]![j] = i;
        }
      }
  const out: T[][] = [];
  for (let t = k, j = n; t > 0; t--) {
    const i = cut[t]![j]!;
    out.unshift(items.slice(i, j).map((x) => x.item));
    j = i;
  }
  return out;
}

function rankNotes(results: readonly IndicatorResult[]): string {
  const bases = [
    ...new Set(
      results.map((r) =>
        r.rankBy === 'completion' ? '完成率' : r.rankBy === 'growth' || r.indicator.kind === 'growth' ? '增速' : '数值',
      ),
    ),
  ];
  const lower = results.filter((r) => r.rankBy !== 'completion' && r.indicator.direction === 'lower');
  const lowerText = lower.length ? `（${lower.map((r) => r.indicator.name).join('、')}越低越好，由低到高排列）` : '';
  const moves = results.some((r) => r.previousKey) ? '↑↓后的数字为位次较上期上升、下降的位数；' : '';
  return `位次按${bases.join('、')}由高到低排列${lowerText}，相同者并列；${moves}“—”表示未报送或不计算，“/”表示不适用。`;
}

/** The district tables, numbered 表1, 表2 … (titles "（一）（二）" when split). */
export function buildDistrictTables(results: readonly IndicatorResult[], options: DistrictTableOptions): TableBlock[] {
  if (results.length === 0) return [];
  const notes = new Map<string, string>();
  const specs = results.map((res) => ({ res, columns: columnsFor(res, options, notes) }));
  const region = regionWidth(options.regions);
  const chunks = chunksOf(
    specs.map((s) => ({ item: s, width: s.columns.reduce((a, c) => a + c.width, 0) })),
    TABLE_CHARS_PER_LINE - region,
  );
  const first = options.firstNumber ?? 1;
  const lagging = specs.some(({ res }) => res.rows.some((r) => !r.isTotal && isLagging(verdictOf(res, r))));
  return chunks.map((chunk, t) => {
    const header: HeaderCell[][] = [
      [
        { text: '地区', colSpan: 1, rowSpan: 2 },
        ...chunk.map(({ res, columns }) => ({
          text: `${res.indicator.markers.join('')}${res.indicator.name}`,
          colSpan: columns.length,
          rowSpan: 1,
        })),
      ],
      chunk.flatMap(({ columns }) => columns.map((c) => ({ text: c.label, colSpan: 1, rowSpan: 1 }))),
    ];
    const columns: TableColumn[] = [
      { key: 'region', width: region, align: 'left', role: 'region' },
      ...chunk.flatMap(({ res, columns: cols }) =>
        cols.map((c, i) => ({
          key: `${res.systemId}/${res.indicator.id}/${i}`,
          width: c.width,
          align: c.role === 'rank' ? ('center' as const) : ('right' as const),
          role: c.role,
          ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
          indicatorId: res.indicator.id,
        })),
      ),
    ];
    const rows: TableRow[] = ['全市', ...options.regions].map((name) => ({
      key: name,
      isTotal: name === '全市',
      cells: [
        { text: name, align: 'left' as const },
        ...chunk.flatMap(({ res, columns: cols }) => {
          const row = res.rows.find((r) => r.region === name);
          return cols.map((c) => (row ? c.cell(row) : { text: DASH, align: 'center' as const }));
        }),
      ],
    }));
    const last = t === chunks.length - 1;
    const chunkResults = chunk.map((c) => c.res);
    const tableNotes = last
      ? [`注：${rankNotes(results)}`, ...[...notes.keys()].map((n) => `${n}。`), ...options.notes]
      : [];
    const suffix = chunks.length > 1 ? `（${chineseOrdinal(t + 1)}）` : '';
    return {
      type: 'table',
      id: `district-table/${t + 1}`,
      title: `表${first + t}  ${options.periodText}各区县主要指标完成情况${suffix}`,
      header,
      columns,
      rows,
      notes: tableNotes,
      small: true,
      legend:
        lagging && chunkResults.some((res) => res.rows.some((r) => !r.isTotal && isLagging(verdictOf(res, r))))
          ? [{ status: 'behind' as const, label: laggingLabel(chunkResults) }]
          : [],
    };
  });
}

/** What a shaded figure means in this table: the kinds of shortfall that occur in it. */
function laggingLabel(results: readonly IndicatorResult[]): string {
  const kinds = new Set<string>();
  for (const res of results)
    for (const row of res.rows) {
      if (row.isTotal) continue;
      const v = verdictOf(res, row);
      if (!isLagging(v)) continue;
      kinds.add(v.kind === 'target' ? '低于年度分解目标' : v.kind === 'progress' ? '落后序时进度' : '低于节点目标');
    }
  return [...kinds].join('或');
}
