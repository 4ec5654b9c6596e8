import { compositeScores, type CompositeRule } from '../domain/composite';
import { formatRank } from '../domain/format';
import { formatFixed } from '../domain/rounding';
import type { FigureValue } from '../schemas/figure';
import type { RankBy } from '../schemas/indicator-system';
import type { HeaderCell, TableBlock, TableColumn, TableRow } from './model';
import { RATE_DECIMALS, type IndicatorResult } from './compute';

export interface CompositeWeight {
  systemId: string;
  indicatorId: string;
  weight: number;
  basis?: RankBy | undefined;
}

export interface CompositeTableInput {
  title: string;
  subtitle: string;
  rule: CompositeRule;
  weights: CompositeWeight[];
  results: IndicatorResult[];
  regions: readonly string[];
  sample: boolean;
}

/** The 赛马 table: each indicator's rank and points, the weighted score and the overall rank, with the rule. */
export function buildCompositeTable(input: CompositeTableInput): TableBlock | null {
  const parts = input.weights
    .map((w) => ({ w, res: input.results.find((r) => r.systemId === w.systemId && r.indicator.id === w.indicatorId) }))
    .filter((p): p is { w: CompositeWeight; res: IndicatorResult } => p.res !== undefined);
  if (parts.length === 0) return null;
  const values: Record<string, Record<string, FigureValue>> = {};
  const indicators = parts.map(({ w, res }) => {
    const id = `${w.systemId}/${w.indicatorId}`;
    const basis = w.basis ?? res.rankBy;
    values[id] = Object.fromEntries(
      res.rows
        .filter((r) => !r.isTotal)
        .map((r) => [
          r.region,
          basis === res.rankBy ? r.rankValue : basis === 'value' ? r.value : r.yoy.ok ? r.yoy.value : null,
        ]),
    );
    return {
      indicatorId: id,
      name: res.indicator.name,
      weight: w.weight,
      direction: basis === 'completion' ? ('higher' as const) : res.indicator.direction,
      decimals: basis === 'value' ? res.decimals : RATE_DECIMALS,
      basis,
    };
  });
  const result = compositeScores({ rule: input.rule, indicators, regions: input.regions, values });
  const header: HeaderCell[][] = [
    [
      { text: '地区', colSpan: 1, rowSpan: 2 },
      ...indicators.map((i) => ({ text: `${i.name}（权重${formatFixed(i.weight, 0)}）`, colSpan: 2, rowSpan: 1 })),
      { text: '综合得分', colSpan: 1, rowSpan: 2 },
      { text: '综合位次', colSpan: 1, rowSpan: 2 },
    ],
    indicators.flatMap(() => [
      { text: '位次', colSpan: 1, rowSpan: 1 },
      { text: input.rule === 'rankPoints' ? '计分' : '标准化分', colSpan: 1, rowSpan: 1 },
    ]),
  ];
  const columns: TableColumn[] = [
    { key: 'region', width: 10, align: 'left', role: 'region' },
    ...indicators.flatMap((i) => [
      {
        key: `${i.indicatorId}/rank`,
        width: 5,
        align: 'center' as const,
        role: 'rank' as const,
        decimals: 0,
        indicatorId: i.indicatorId,
      },
      {
        key: `${i.indicatorId}/points`,
        width: 6,
        align: 'right' as const,
        role: 'score' as const,
        decimals: input.rule === 'rankPoints' ? 0 : 1,
        indicatorId: i.indicatorId,
      },
    ]),
    { key: 'score', width: 8, align: 'right', role: 'score', decimals: 2 },
    { key: 'rank', width: 6, align: 'center', role: 'rank', decimals: 0 },
  ];
  const worst = Math.max(...result.rows.map((r) => r.rank));
  const rows: TableRow[] = result.rows.map((r) => ({
    key: r.region,
    isTotal: false,
    cells: [
      { text: r.region, align: 'left' },
      ...r.perIndicator.flatMap((p) => [
        {
          text: formatRank(p.rank),
          ...(p.rank !== null ? { value: p.rank, decimals: 0 } : {}),
          align: 'center' as const,
        },
        {
          text: formatFixed(p.points, input.rule === 'rankPoints' ? 0 : 1),
          value: p.points,
          decimals: input.rule === 'rankPoints' ? 0 : 1,
          align: 'right' as const,
        },
      ]),
      {
        text: formatFixed(r.scoreRounded, 2),
        value: r.scoreRounded,
        decimals: 2,
        align: 'right',
        ref: `calc:composite:${r.region}`,
      },
      {
        text: String(r.rank),
        value: r.rank,
        decimals: 0,
        align: 'center',
        ...(r.rank === 1
          ? { status: 'top' as const }
          : r.rank === worst && worst > 1
            ? { status: 'bottom' as const }
            : {}),
      },
    ],
  }));
  const notes = [`注：1. ${result.ruleText.replace(/。?$/, '。')}`];
  if (input.sample) notes.push('2. 本表数据为示例数据，仅供演示，不是真实统计数据。');
  return {
    type: 'table',
    id: 'composite',
    title: input.title,
    subtitle: input.subtitle,
    header,
    columns,
    rows,
    notes,
    legend: [
      { status: 'top', label: '综合位次第一' },
      { status: 'bottom', label: '综合位次末位' },
    ],
  };
}
