import { DASH, formatFigure, formatRank } from '../domain/format';
import { formatFixed } from '../domain/rounding';
import type { CellStatus, HeaderCell, TableBlock, TableCell, TableColumn, TableRow } from './model';
import { completionWord, RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import { differenceUnit } from './wording';

interface ColumnSpec {
  label: string;
  role: TableColumn['role'];
  decimals?: number;
  cell: (row: RegionResult) => TableCell;
}

function numberCell(
  value: number | '/' | null,
  decimals: number,
  ref: string | undefined,
  status?: CellStatus,
): TableCell {
  const text = formatFigure(value, decimals);
  const missing: CellStatus | undefined = value === null ? 'missing' : value === '/' ? 'notApplicable' : undefined;
  return {
    text,
    ...(typeof value === 'number' ? { value, decimals } : {}),
    ...(ref ? { ref } : {}),
    ...((status ?? missing) ? { status: status ?? missing } : {}),
    align: typeof value === 'number' ? 'right' : 'center',
  };
}

function rankCell(row: RegionResult, res: IndicatorResult, worst: number | null): TableCell {
  if (row.isTotal) return { text: '', align: 'center' };
  const status: CellStatus | undefined =
    row.rank === 1 ? 'top' : row.rank !== null && row.rank === worst && worst > 1 ? 'bottom' : undefined;
  return {
    text: formatRank(row.rank),
    ...(row.rank !== null ? { value: row.rank, decimals: 0 } : {}),
    ref: `calc:rank:${res.periodKey}/${res.systemId}/${res.indicator.id}/${row.region}`,
    ...(status ? { status } : {}),
    align: 'center',
  };
}

function progressStatus(row: RegionResult): CellStatus | undefined {
  if (row.aheadPp === null) return undefined;
  const rounded = Number(formatFixed(row.aheadPp, RATE_DECIMALS));
  return rounded > 0 ? 'ahead' : rounded < 0 ? 'behind' : undefined;
}

/** "开工率序时进度按节点为85.0%（德清80.0%）": the year's node, and the districts with nodes of their own. */
function milestoneNote(res: IndicatorResult): string {
  const city = res.timeProgress?.percent ?? 0;
  const own = res.rows
    .filter((r) => !r.isTotal && r.timeProgress && r.timeProgress.percent !== city)
    .map((r) => `${r.region}${formatFixed(r.timeProgress!.percent, RATE_DECIMALS)}%`);
  return `${res.indicator.name}序时进度按节点为${formatFixed(city, RATE_DECIMALS)}%${own.length ? `（${own.join('、')}）` : ''}。`;
}

/** The columns of one indicator, "as the system defines": its kind decides what is shown. */
export function columnsForIndicator(res: IndicatorResult): ColumnSpec[] {
  const { indicator: ind, decimals } = res;
  const unit = ind.unit ? `（${ind.unit}）` : '';
  const calcRef = (what: string, row: RegionResult) =>
    `calc:${what}:${res.periodKey}/${res.systemId}/${ind.id}/${row.region}`;
  const value: ColumnSpec = {
    label:
      ind.kind === 'growth'
        ? '增速（%）'
        : ind.ytd && (ind.kind === 'level' || ind.kind === 'count')
          ? `累计值${unit}`
          : `数值${unit}`,
    role: ind.kind === 'growth' ? 'growth' : 'value',
    decimals,
    cell: (row) => numberCell(row.value, decimals, row.ref),
  };
  const yoy: ColumnSpec = {
    // A share's 同比 is a difference, in 个千分点 when the share is in ‰.
    label: ind.kind === 'share' ? `比上年同期（${differenceUnit(ind)}）` : '同比增长（%）',
    role: 'growth',
    decimals: RATE_DECIMALS,
    cell: (row) =>
      row.yoy.ok ? numberCell(row.yoy.value, RATE_DECIMALS, calcRef('yoy', row)) : { text: DASH, align: 'center' },
  };
  const completion: ColumnSpec = {
    label: `${completionWord(res)}（%）`,
    role: 'completion',
    decimals: RATE_DECIMALS,
    cell: (row) =>
      row.completion?.ok
        ? numberCell(row.completion.rate, RATE_DECIMALS, calcRef('completion', row), progressStatus(row))
        : { text: DASH, align: 'center' },
  };
  const worst = Math.max(0, ...res.rows.map((r) => r.rank ?? 0)) || null;
  const rank: ColumnSpec = { label: '位次', role: 'rank', decimals: 0, cell: (row) => rankCell(row, res, worst) };
  const hasCompletion = res.rows.some((r) => r.completion?.ok);
  if (ind.kind === 'growth') return [value, rank];
  if (ind.kind === 'level' || ind.kind === 'count')
    return hasCompletion ? [value, yoy, completion, rank] : [value, yoy, rank];
  if (res.usesMilestones && hasCompletion) return [value, completion, rank];
  return [value, yoy, rank];
}

const RANK_BASIS: Record<IndicatorResult['rankBy'], string> = { value: '数值', growth: '增速', completion: '完成率' };

function rankNote(results: IndicatorResult[]): string {
  const lower = results
    .filter((r) => r.rankBy !== 'completion' && r.indicator.direction === 'lower')
    .map((r) => r.indicator.name);
  const bases = [...new Set(results.map((r) => RANK_BASIS[r.rankBy]))].join('、');
  const lowerText = lower.length ? `（${lower.join('、')}越低越好，由低到高排列）` : '';
  return `位次按${bases}由高到低排列${lowerText}，相同者并列；全市不参与排名，“—”表示未报送或不计算，“/”表示不适用。`;
}

export interface RankingTableInput {
  id: string;
  title: string;
  subtitle: string;
  results: IndicatorResult[];
  regions: readonly string[];
  dataSource: string;
  sample: boolean;
  orderBy: 'official' | 'rank';
}

/** The 亮晒表: 全市 first, then the districts; per indicator its value, 同比, 完成率 and 位次 columns. */
export function buildRankingTable(input: RankingTableInput): TableBlock {
  const specs = input.results.map((res) => ({ res, columns: columnsForIndicator(res) }));
  const header: HeaderCell[][] = [
    [
      { text: '地区', colSpan: 1, rowSpan: 2 },
      ...specs.map(({ res, columns }) => ({
        text: `${res.indicator.markers.join('')}${res.indicator.name}`,
        colSpan: columns.length,
        rowSpan: 1,
      })),
    ],
    specs.flatMap(({ columns }) => columns.map((c) => ({ text: c.label, colSpan: 1, rowSpan: 1 }))),
  ];
  const columns: TableColumn[] = [
    { key: 'region', width: 10, align: 'left', role: 'region' },
    ...specs.flatMap(({ res, columns: cols }) =>
      cols.map((c, i) => ({
        key: `${res.systemId}/${res.indicator.id}/${i}`,
        width: c.role === 'rank' ? 5 : 8,
        align: c.role === 'rank' ? ('center' as const) : ('right' as const),
        role: c.role,
        ...(c.decimals !== undefined ? { decimals: c.decimals } : {}),
        indicatorId: res.indicator.id,
      })),
    ),
  ];
  const order = rowOrder(input);
  const rows: TableRow[] = order.map((region) => ({
    key: region,
    isTotal: region === '全市',
    cells: [
      { text: region, align: 'left' },
      ...specs.flatMap(({ res, columns: cols }) => {
        const row = res.rows.find((r) => r.region === region);
        return cols.map((c) => (row ? c.cell(row) : { text: DASH, align: 'center' as const }));
      }),
    ],
  }));
  const progress = input.results.find((r) => r.timeProgress && !r.usesMilestones)?.timeProgress;
  const notes = [`注：1. 数据来源：${input.dataSource.replace(/。$/, '')}。`, `2. ${rankNote(input.results)}`];
  if (progress)
    notes.push(
      `${notes.length + 1}. 序时进度为${formatFixed(progress.percent, RATE_DECIMALS)}%，完成率高于序时进度为超序时进度。`,
    );
  for (const res of input.results.filter((r) => r.usesMilestones && r.rows.some((row) => row.completion?.ok))) {
    notes.push(`${notes.length + 1}. ${milestoneNote(res)}`);
  }
  if (input.sample) notes.push(`${notes.length + 1}. 本表数据为示例数据，仅供演示，不是真实统计数据。`);
  const used = new Set(rows.flatMap((r) => r.cells.map((c) => c.status)));
  const legend = (
    [
      ['ahead', '超序时进度'],
      ['behind', '落后序时进度'],
      ['top', '位次第一'],
      ['bottom', '位次末位'],
    ] as const
  )
    .filter(([s]) => used.has(s))
    .map(([status, label]) => ({ status, label }));
  return {
    type: 'table',
    id: input.id,
    title: input.title,
    subtitle: input.subtitle,
    header,
    columns,
    rows,
    notes,
    legend,
  };
}

function rowOrder(input: RankingTableInput): string[] {
  const regions = [...input.regions];
  if (input.orderBy === 'rank' && input.results[0]) {
    const first = input.results[0];
    const rankOf = (r: string) => first.rows.find((x) => x.region === r)?.rank ?? Number.MAX_SAFE_INTEGER;
    regions.sort((a, b) => rankOf(a) - rankOf(b) || input.regions.indexOf(a) - input.regions.indexOf(b));
  }
  return ['全市', ...regions];
}
