import { describe, expect, it } from 'vitest';
import { exportSystemWorkbook } from '../../../src/main/services/table-import/system-export';
import type { IndicatorSystem } from '../../../src/shared/schemas/indicator-system';
import {
  fyp14Table,
  openEconomyTable,
  regionalTable2026,
  resaveWithLibreOffice,
  sofficeAvailable,
} from '../../support/target-tables';
import { templates } from '../../support/workspace';
import { errors, previewOf } from './helpers';

/** What a table carries: everything but where the rows were read from. */
function withoutSource(s: IndicatorSystem) {
  return {
    ...s,
    document: undefined,
    indicators: s.indicators.map((i) => ({ ...i, source: undefined })),
    footnotes: s.footnotes.map((f) => ({ ...f, source: undefined })),
  };
}

async function roundTrip(system: IndicatorSystem): Promise<IndicatorSystem> {
  const p = await previewOf(await exportSystemWorkbook(system), { title: system.title }, `${system.title}.xlsx`);
  expect(errors(p)).toEqual([]);
  expect(p.table.sheet).toBe('指标体系');
  if (!p.system) throw new Error('no system');
  return p.system;
}

describe('export → import gives the same system', () => {
  it.each([
    ['2026 分解表', regionalTable2026],
    ['十四五 table', fyp14Table],
    ['地瓜经济 table with ※★☆', openEconomyTable],
  ])('for a system imported from the %s', async (_label, build) => {
    const first = (await previewOf(await build())).system;
    if (!first) throw new Error('the table did not import');
    const again = await roundTrip(first);
    expect(withoutSource(again)).toEqual(withoutSource({ ...first, id: again.id }));
    // Under the title and a one-row header, or a two-row one when district targets are exported.
    const firstRow = first.indicators.some((i) => Object.keys(i.regionTargets).length > 0) ? 4 : 3;
    expect(again.indicators.map((i) => i.source?.lines)).toEqual(first.indicators.map((_, n) => [n + firstRow]));
  });

  it('for a system edited after import (kind, frequency, notes), and when LibreOffice re-saved the export', async () => {
    const imported = (await previewOf(await regionalTable2026())).system;
    if (!imported) throw new Error('the table did not import');
    const edited: IndicatorSystem = {
      ...imported,
      indicators: imported.indicators.map((i, n) =>
        n === 4
          ? { ...i, frequency: 'quarterly', ytd: true, cityIsSumOfRegions: true, notes: ['按季度亮晒', '含南太湖新区'] }
          : i,
      ),
    };
    const again = await roundTrip(edited);
    expect(withoutSource(again)).toEqual(withoutSource({ ...edited, id: again.id }));
    if (!sofficeAvailable) return;
    const [resaved] = await resaveWithLibreOffice([{ name: 'export.xlsx', data: await exportSystemWorkbook(edited) }]);
    const viaLibreOffice = (await previewOf(resaved ?? Buffer.alloc(0), { title: edited.title })).system;
    expect(viaLibreOffice && withoutSource(viaLibreOffice)).toEqual(
      withoutSource({ ...edited, id: viaLibreOffice?.id ?? '' }),
    );
  }, 120_000);

  it.each(['hz-mfg-cluster-regional-2023', 'hz-open-economy-2023', 'hz-14th-fyp', 'hz-mfg-project-milestones-2023'])(
    'for the shipped template %s: ids, names, units, kinds, targets, district targets and milestones',
    async (id) => {
      const template = await templates.get(id);
      const again = await roundTrip(template);
      const pick = (s: IndicatorSystem) =>
        s.indicators.map((i) => ({
          id: i.id,
          seq: i.seq,
          name: i.name,
          unit: i.unit,
          markers: i.markers,
          responsible: i.responsible,
          kind: i.kind,
          direction: i.direction,
          decimals: i.decimals,
          frequency: i.frequency,
          ytd: i.ytd,
          rankBy: i.rankBy,
          cityIsSumOfRegions: i.cityIsSumOfRegions,
          nature: i.nature,
          parent: i.parent,
          targets: i.targets,
          base: i.base,
          growthTarget: i.growthTarget,
          regionTargets: i.regionTargets,
          milestones: i.milestones,
          notes: i.notes,
          category: i.category && s.categories.find((c) => c.id === i.category)?.name,
        }));
      expect(pick(again)).toEqual(pick(template));
      expect(again.years).toEqual(template.years);
      expect(again.markerLegend).toEqual(template.markerLegend);
      expect(again.footnotes.map((f) => f.text)).toEqual(template.footnotes.map((f) => f.text));
    },
  );
});
