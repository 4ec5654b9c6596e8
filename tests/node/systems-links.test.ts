import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadTemplates } from '../../src/main/services/systems/system-loader';
import { IndicatorSystemSchema, type IndicatorSystem } from '../../src/shared/schemas/indicator-system';
import { systemProblems } from '../../src/shared/systems/validate';
import { seedLines, seedsAvailable } from '../support/seeds';

const TEMPLATES = resolve(__dirname, '../../templates');

const SEED_FILES: Record<string, string> = {
  '000': '000_29b593e91ece5dea.txt',
  '001': '001_ea4810122a1c8d88.txt',
};

describe('同一数据 (sameAs) links in the shipped systems', async () => {
  const { systems } = await loadTemplates(TEMPLATES);
  const byId = new Map(systems.map((s) => [s.id, s]));
  const links = systems.flatMap((s) =>
    s.indicators.flatMap((ind) => (ind.sameAs ?? []).map((link) => ({ system: s, ind, link }))),
  );

  it('declare the two quantities the issue names, and more', () => {
    const keys = links.map((l) => `${l.system.id}/${l.ind.id}→${l.link.systemId}/${l.link.indicatorId}`);
    expect(keys).toContain(
      'hz-mfg-cluster-targets-2023/inefficient-firms-rectified→hz-mfg-cluster-regional-2023/inefficient-firms-rectified',
    );
    expect(keys).toContain(
      'hz-mfg-project-milestones-2023/start-rate-projects-3bn-2y→hz-mfg-cluster-targets-2023/start-rate-projects-3bn-2y',
    );
    expect(links.length).toBeGreaterThanOrEqual(15);
  });

  it('point at shipped indicators of the same unit and city, each with its reason', () => {
    const problems: string[] = [];
    for (const { system, ind, link } of links) {
      const other = byId.get(link.systemId)?.indicators.find((i) => i.id === link.indicatorId);
      const at = `${system.id}/${ind.id}`;
      if (!other) problems.push(`${at}：找不到 ${link.systemId}/${link.indicatorId}`);
      else if (other.unit !== ind.unit) problems.push(`${at}：单位 ${ind.unit} ≠ ${other.unit}`);
      if (byId.get(link.systemId)?.city !== system.city) problems.push(`${at}：不同城市`);
      if (!/种子 00\d 第 \d+/.test(link.note ?? '')) problems.push(`${at}：note 未注明种子行号`);
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!seedsAvailable)('cite seed lines that exist and hold the rows of both indicators', () => {
    const problems: string[] = [];
    for (const { system, ind, link } of links) {
      const note = link.note ?? '';
      for (const m of note.matchAll(/种子 (00\d) 第 (\d+)/g)) {
        const file = SEED_FILES[m[1] ?? ''];
        const line = Number(m[2]);
        if (!file || !seedLines(file)[line]?.trim())
          problems.push(`${system.id}/${ind.id}：种子 ${m[1]} 第 ${line} 行为空`);
      }
      // Both rows' own sources are among the lines the note cites.
      const other = byId.get(link.systemId)?.indicators.find((i) => i.id === link.indicatorId);
      for (const row of [ind, other]) {
        const first = row?.source?.lines[0];
        if (first !== undefined && !note.includes(`第 ${first} 行`))
          problems.push(`${system.id}/${ind.id}：note 未引用 ${row?.id} 的来源行 ${first}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('sameAs validation', () => {
  const base: IndicatorSystem = IndicatorSystemSchema.parse({
    formatVersion: 2,
    id: 'a',
    title: 'A',
    document: { title: 'A' },
    city: '湖州',
    regions: ['吴兴'],
    indicators: [
      {
        id: 'x',
        name: 'X',
        unit: '家',
        kind: 'count',
        direction: 'higher',
        decimals: 0,
        frequency: 'quarterly',
        ytd: true,
        sameAs: [
          { systemId: 'a', indicatorId: 'y' },
          { systemId: 'b', indicatorId: 'x' },
          { systemId: 'b', indicatorId: 'x' },
        ],
      },
    ],
  });

  it('refuses a link inside the same system and a repeated link, naming the place', () => {
    expect(systemProblems(base, { city: '湖州', names: ['吴兴'] })).toEqual([
      'indicators[0]（X）.sameAs[0]：同一数据只能关联另一个体系的指标，本体系内请不要重复设置指标',
      'indicators[0]（X）.sameAs[2]：重复关联“b/x”',
    ]);
  });
});
