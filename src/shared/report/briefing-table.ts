import { DASH, formatFigure, formatRank } from '../domain/format';
import type { HeaderCell, TableBlock, TableColumn, TableRow, TableCell } from './model';
import { RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';

/** The ranked figure of a row as printed (value, growth or completion rate). */
function rankedFigure(res: IndicatorResult, row: RegionResult): TableCell {
  const ref = (what: string) => `calc:${what}:${res.periodKey}/${res.systemId}/${res.indicator.id}/${row.region}`;
  if (res.rankBy === 'completion') {
    if (row.completion?.ok) return { text: formatFigure(row.completion.rate, RATE_DECIMALS), value: row.completion.rate, decimals: RATE_DECIMALS, ref: ref('completion'), align: 'right' };
    return { text: row.value === '/' ? '/' : DASH, align: 'center', status: row.value === '/' ? 'notApplicable' : 'missing' };
  }
  if (res.rankBy === 'growth' && res.indicator.kind !== 'growth') {
    if (row.yoy.ok) return { text: formatFigure(row.yoy.value, RATE_DECIMALS), value: row.yoy.value, decimals: RATE_DECIMALS, ref: ref('yoy'), align: 'right' };
    return { text: DASH, align: 'center' };
  }
  if (typeof row.value === 'number') return { text: formatFigure(row.value, res.decimals), value: row.value, decimals: res.decimals, ref: row.ref, align: 'right' };
  return { text: formatFigure(row.value, res.decimals), align: 'center', status: row.value === '/' ? 'notApplicable' : 'missing' };
}

function label(res: IndicatorResult): string {
  const ind = res.indicator;
  if (res.rankBy === 'completion') return `${ind.name}${ind.milestones?.length ? '进度' : '完成率'}（%）`;
  if (res.rankBy === 'growth' && ind.kind !== 'growth') return `${ind.name}增速（%）`;
  return `${ind.name}${ind.unit ? `（${ind.unit}）` : ''}`;
}

/**
 * The briefing's table, portrait-friendly: one pair of rows per indicator (the ranked figure and its 位次),
 * one column per district after 全市, so it fits the 156 mm text block however many indicators there are.
 */
export function buildBriefingTable(id: string, title: string, results: IndicatorResult[], regions: readonly string[], notes: string[]): TableBlock {
  const header: HeaderCell[][] = [[{ text: '指标', colSpan: 2, rowSpan: 1 }, { text: '全市', colSpan: 1, rowSpan: 1 }, ...regions.map((r) => ({ text: r, colSpan: 1, rowSpan: 1 }))]];
  const columns: TableColumn[] = [
    { key: 'indicator', width: 20, align: 'left', role: 'text' },
    { key: 'item', width: 6, align: 'center', role: 'text' },
    { key: '全市', width: 7, align: 'right', role: 'value' },
    ...regions.map((r) => ({ key: r, width: 7, align: 'right' as const, role: 'value' as const })),
  ];
  const rows: TableRow[] = results.flatMap((res) => {
    const byRegion = new Map(res.rows.map((r) => [r.region, r]));
    const worst = Math.max(0, ...res.rows.map((r) => r.rank ?? 0));
    const valueRow: TableRow = {
      key: `${res.indicator.id}/value`,
      isTotal: false,
      cells: [{ text: label(res), align: 'left' }, { text: '数值', align: 'center' }, ...['全市', ...regions].map((r) => { const row = byRegion.get(r); return row ? rankedFigure(res, row) : { text: DASH, align: 'center' as const }; })],
    };
    const rankRow: TableRow = {
      key: `${res.indicator.id}/rank`,
      isTotal: false,
      cells: [
        { text: '', align: 'left' },
        { text: '位次', align: 'center' },
        { text: '', align: 'center' },
        ...regions.map((r) => {
          const row = byRegion.get(r);
          const rank = row?.rank ?? null;
          return { text: formatRank(rank), ...(rank !== null ? { value: rank, decimals: 0 } : {}), align: 'center' as const, ...(rank === 1 ? { status: 'top' as const } : rank !== null && rank === worst && worst > 1 ? { status: 'bottom' as const } : {}) };
        }),
      ],
    };
    return [valueRow, rankRow];
  });
  return { type: 'table', id, title, header, columns, rows, notes, legend: [] };
}
