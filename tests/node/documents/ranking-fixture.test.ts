import { describe, expect, it } from 'vitest';
import { rankRegions } from '../../../src/shared/domain/ranks';
import { formatFixed } from '../../../src/shared/domain/rounding';
import { INDICATORS, REGIONS, TARGETS, TIME_PROGRESS, rankingModel } from '../../fixtures/ranking-model';

/** The hand-written fixture must be right before the writers are judged against it. */
describe('ranking fixture', () => {
  const table = rankingModel().ranking;
  const rowOf = (region: string) => table.rows.find((r) => r.key === region);
  const columnOf = (indicatorId: string, role: string) =>
    table.columns.findIndex((c) => c.indicatorId === indicatorId && c.role === role);

  it('states 完成率 = 累计值 ÷ 年度目标 at one decimal, with ▲/▼ against 序时进度', () => {
    for (const [indicatorId, targets] of Object.entries(TARGETS)) {
      const valueCol = columnOf(indicatorId, 'value');
      const completionCol = columnOf(indicatorId, 'completion');
      for (const [region, target] of Object.entries(targets)) {
        const row = rowOf(region);
        const value = Number(row?.cells[valueCol]?.text);
        const completion = row?.cells[completionCol];
        expect(completion?.text, `${indicatorId} ${region}`).toBe(formatFixed((value / target) * 100, 1));
        expect(completion?.status).toBe((value / target) * 100 >= TIME_PROGRESS ? 'ahead' : 'behind');
      }
    }
  });

  it('states the ranks the domain computes, ties included, with top and bottom marked', () => {
    for (const spec of INDICATORS) {
      const rankedCol = columnOf(spec.id, spec.kind === 'completion' ? 'completion' : 'growth');
      const rankCol = columnOf(spec.id, 'rank');
      const entries = REGIONS.map((region) => {
        const text = rowOf(region)?.cells[rankedCol]?.text ?? '—';
        return { key: region, value: text === '—' ? null : text === '/' ? ('/' as const) : Number(text) };
      });
      const expected = rankRegions(entries, { direction: 'higher', decimals: 1 });
      const last = Math.max(...expected.map((e) => e.rank ?? 0));
      REGIONS.forEach((region, i) => {
        const cell = rowOf(region)?.cells[rankCol];
        const rank = expected[i]?.rank ?? null;
        expect(cell?.text, `${spec.name} ${region}`).toBe(rank === null ? '—' : String(rank));
        const status = rank === 1 ? 'top' : rank === last ? 'bottom' : rank === null ? 'missing' : undefined;
        expect(cell?.status, `${spec.name} ${region}`).toBe(status);
      });
    }
  });

  it('has the tie the writer tests rely on: 制造业投资 3, 3, then 5', () => {
    const col = columnOf('manufacturing-investment-growth', 'rank');
    expect(REGIONS.map((r) => rowOf(r)?.cells[col]?.text)).toEqual(['1', '3', '3', '2', '5', '6']);
  });
});
