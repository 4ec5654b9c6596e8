import type { FigureSpec } from '../../../src/shared/domain/figure-input';
import type { Indicator } from '../../../src/shared/schemas/indicator-system';

/** A minimal valid indicator for grid tests. */
export function indicator(id: string, over: Partial<Indicator> = {}): Indicator {
  return {
    id,
    name: over.name ?? `指标${id}`,
    unit: '亿元',
    markers: [],
    responsible: [],
    kind: 'level',
    direction: 'higher',
    decimals: 1,
    cityIsSumOfRegions: false,
    frequency: 'monthly',
    ytd: true,
    targets: {},
    regionTargets: {},
    milestones: {},
    regionMilestones: {},
    notes: [],
    source: { file: 'test.txt', lines: [1] },
    ...over,
  };
}

export function specsOf(inds: Indicator[]): Map<string, FigureSpec> {
  return new Map(inds.map((i) => [i.id, { name: i.name, unit: i.unit, kind: i.kind, decimals: i.decimals }]));
}
