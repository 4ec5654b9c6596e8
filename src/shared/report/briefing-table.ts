import { DASH, formatFigure, formatRank } from '../domain/format';
import type { HeaderCell, TableBlock, TableColumn, TableRow, TableCell } from './model';
import { completionWord, RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';

/** The ranked figure of a row as printed (value, growth or completion rate). */
function rankedFigure(res: IndicatorResult, row: RegionResult): TableCell {
  const ref = (what: string) => `calc:${what}:${res.periodKey}/${res.systemId}/${res.indicator.id}/${row.region}`;
  if (res.rankBy === 'completion') {
    if (row.completion?.ok)
      return {
        text: formatFigure(row.completion.rate, RATE_DECIMALS),
        value: row.completion.rate,
        decimals: RATE_DECIMALS,
        ref: ref('completion'),
        align: 'right',
      };
    return {
      text: row.value === '/' ? '/' : DASH,
      align: 'center',
      status: row.value === '/' ? 'notApplicable' : 'missing',
    };
  }
  if (res.rankBy === 'growth' && res.indicator.kind !== 'growth') {
    if (row.yoy.ok)
      return {
        text: formatFigure(row.yoy.value, RATE_DECIMALS),
        value: row.yoy.value,
        decimals: RATE_DECIMALS,
        ref: ref('yoy'),
        align: 'right',
      };
    return { text: DASH, align: 'center' };
  }
  if (typeof row.value === 'number')
    return {
      text: formatFigure(row.value, res.decimals),
      value: row.value,
      decimals: res.decimals,
      ref: row.ref,
      align: 'right',
    };
  return {
    text: formatFigure(row.value, res.decimals),
    align: 'center',
    status: row.value === '/' ? 'notApplicable' : 'missing',
  };
}

function label(res: IndicatorResult): { name: string; sub: string } {
  const ind = res.indicator;
  if (res.rankBy === 'completion') return { name: ind.name, sub: `${completionWord(res)}（%）` };
  if (res.rankBy === 'growth' || ind.kind === 'growth')
    return { name: ind.kind === 'growth' ? ind.name : `${ind.name}增速`, sub: '增速（%）' };
  return { name: ind.name, sub: ind.unit ? `数值（${ind.unit}）` : '数值' };
}

/**
 * The briefing's table of the key indicators: 全市 and the districts down the side, and for each indicator
 * its ranked figure (增速, 完成率 or 数值) and 位次 — the compact form of the 亮晒表 that fits the 156 mm
 * text block in portrait.
 */
export function buildBriefingTable(
  id: string,
  title: string,
  results: IndicatorResult[],
  regions: readonly string[],
  notes: string[],
): TableBlock {
  const labels = results.map(label);
  const header: HeaderCell[][] = [
    [{ text: '地区', colSpan: 1, rowSpan: 2 }, ...labels.map((l) => ({ text: l.name, colSpan: 2, rowSpan: 1 }))],
    labels.flatMap((l) => [
      { text: l.sub, colSpan: 1, rowSpan: 1 },
      { text: '位次', colSpan: 1, rowSpan: 1 },
    ]),
  ];
  const columns: TableColumn[] = [
    { key: 'region', width: 15, align: 'left', role: 'region' },
    ...results.flatMap((res) => [
      {
        key: `${res.indicator.id}/value`,
        width: 11,
        align: 'right' as const,
        role: 'value' as const,
        indicatorId: res.indicator.id,
      },
      {
        key: `${res.indicator.id}/rank`,
        width: 7,
        align: 'center' as const,
        role: 'rank' as const,
        decimals: 0,
        indicatorId: res.indicator.id,
      },
    ]),
  ];
  const rows: TableRow[] = ['全市', ...regions].map((region) => ({
    key: region,
    isTotal: region === '全市',
    cells: [
      { text: region, align: 'left' as const },
      ...results.flatMap((res) => {
        const row = res.rows.find((r) => r.region === region);
        if (!row)
          return [
            { text: DASH, align: 'center' as const },
            { text: DASH, align: 'center' as const },
          ];
        const worst = Math.max(0, ...res.rows.map((r) => r.rank ?? 0));
        const rank: TableCell = row.isTotal
          ? { text: DASH, align: 'center' }
          : {
              text: formatRank(row.rank),
              ...(row.rank !== null ? { value: row.rank, decimals: 0 } : {}),
              align: 'center',
              ...(row.rank === 1
                ? { status: 'top' as const }
                : row.rank !== null && row.rank === worst && worst > 1
                  ? { status: 'bottom' as const }
                  : {}),
            };
        return [rankedFigure(res, row), rank];
      }),
    ],
  }));
  return { type: 'table', id, title, header, columns, rows, notes, legend: [] };
}
