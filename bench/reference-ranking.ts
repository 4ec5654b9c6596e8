/**
 * The reference ranking job of docs/performance.md: 83 indicators × 7 regions (全市 and six districts),
 * value / 完成率 / 位次 per region ≈ 83 × 22 cells, with a two-row merged header, status fills on every
 * completion and on the first and last ranks, notes and legend. Synthetic figures (示例数据).
 */
import { rankingModel } from '../tests/fixtures/ranking-model';
import { formatFixed } from '../src/shared/domain/rounding';
import type { CellStatus, HeaderCell, ReportModel, TableCell, TableColumn, TableRow } from '../src/shared/report/model';

const REGIONS = ['全市', '吴兴', '南浔', '德清', '长兴', '安吉', '南太湖新区'];
const INDICATOR_COUNT = 83;

export function referenceRankingModel(): ReportModel {
  const base = rankingModel();
  const header: HeaderCell[][] = [
    [{ text: '指标', colSpan: 1, rowSpan: 2 }, ...REGIONS.map((r) => ({ text: r, colSpan: 3, rowSpan: 1 }))],
    REGIONS.flatMap(() => ['累计值', '完成率（%）', '位次'].map((text) => ({ text, colSpan: 1, rowSpan: 1 }))),
  ];
  const columns: TableColumn[] = [
    { key: 'indicator', width: 20, align: 'left', role: 'text' },
    ...REGIONS.flatMap((r): TableColumn[] => [
      { key: `${r}/value`, width: 7, align: 'right', decimals: 1, role: 'value' },
      { key: `${r}/completion`, width: 7, align: 'right', decimals: 1, role: 'completion' },
      { key: `${r}/rank`, width: 4, align: 'center', decimals: 0, role: 'rank' },
    ]),
  ];
  const rows: TableRow[] = Array.from({ length: INDICATOR_COUNT }, (_, i) => {
    const cells: TableCell[] = [{ text: `示例指标${i + 1}（亿元）` }];
    REGIONS.forEach((region, r) => {
      const value = 100 + ((i * 37 + r * 53) % 900) / 10;
      const completion = 55 + ((i * 13 + r * 29) % 450) / 10;
      const status: CellStatus = completion >= 75 ? 'ahead' : 'behind';
      cells.push({ text: formatFixed(value, 1), value, decimals: 1, ref: `fig:2023-09/bench/i${i}/${region}` });
      cells.push({ text: formatFixed(completion, 1), value: completion, decimals: 1, status });
      if (r === 0) {
        cells.push({ text: '—' });
      } else {
        const rank = ((i + r) % 6) + 1;
        const rankStatus: CellStatus | undefined = rank === 1 ? 'top' : rank === 6 ? 'bottom' : undefined;
        cells.push({ text: String(rank), value: rank, decimals: 0, ...(rankStatus ? { status: rankStatus } : {}) });
      }
    });
    return { key: `i${i}`, isTotal: false, cells };
  });
  return {
    ...base,
    ranking: {
      ...base.ranking,
      title: '2023年1—9月各区县主要指标完成情况亮晒表',
      header,
      columns,
      rows,
    },
  };
}
