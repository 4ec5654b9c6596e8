import { describe, expect, it } from 'vitest';
import type { TableCell, TableColumn, TableRow } from '../../../src/shared/report/model';
import { orderTableRows } from '../../../src/shared/report/table-row-order';

const columns: TableColumn[] = [
  { key: 'region', width: 12, align: 'left', role: 'region' },
  { key: 'a/value', width: 8, align: 'right', role: 'growth' },
  { key: 'a/rank', width: 5, align: 'center', role: 'rank' },
  { key: 'b/rank', width: 5, align: 'center', role: 'rank' },
];

function row(name: string, rankA: TableCell, rankB: TableCell = { text: '1', value: 1 }, isTotal = false): TableRow {
  return { key: name, isTotal, cells: [{ text: name }, { text: '1.0', value: 1 }, rankA, rankB] };
}
const rank = (n: number): TableCell => ({ text: String(n), value: n });
const names = (rows: TableRow[]) => rows.map((r) => r.key);

describe('orderTableRows', () => {
  const rows = [
    row('吴兴', rank(3)),
    row('南浔', { text: '—' }),
    row('全市', { text: '—' }, { text: '—' }, true),
    row('德清', rank(1)),
    row('长兴', rank(3)),
    row('安吉', { text: '/' }),
    row('南太湖新区', { text: '2' }),
  ];

  it('official: 全市 first, the regions as the model lists them', () => {
    expect(names(orderTableRows({ columns, rows }))).toEqual([
      '全市',
      '吴兴',
      '南浔',
      '德清',
      '长兴',
      '安吉',
      '南太湖新区',
    ]);
  });

  it('rank: by the first 位次 column, ties in official order, unranked last in official order', () => {
    expect(names(orderTableRows({ columns, rows }, 'rank'))).toEqual([
      '全市',
      '德清',
      '南太湖新区',
      '吴兴',
      '长兴',
      '南浔',
      '安吉',
    ]);
  });

  it('rank without any 位次 column keeps the official order', () => {
    const noRank = columns.map((c) => (c.role === 'rank' ? { ...c, role: 'value' as const } : c));
    expect(names(orderTableRows({ columns: noRank, rows }, 'rank'))).toEqual([
      '全市',
      '吴兴',
      '南浔',
      '德清',
      '长兴',
      '安吉',
      '南太湖新区',
    ]);
  });

  it('does not reorder the model it was given', () => {
    const before = names(rows);
    orderTableRows({ columns, rows }, 'rank');
    expect(names(rows)).toEqual(before);
  });
});
