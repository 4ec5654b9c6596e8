import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadTemplates } from '../../src/main/services/systems/system-loader';

const TEMPLATES = resolve(__dirname, '../../templates');

/** Row counts per shipped system: a row lost or duplicated in a template edit fails here. */
const EXPECTED_ROWS: Record<string, number> = {
  'hz-13th-fyp-review': 46,
  'hz-14th-fyp': 38,
  'hz-14th-fyp-goals-2025': 32,
  'hz-business-env-2023': 15,
  'hz-digital-economy-2023': 11,
  'hz-digital-economy-goals-2027': 33,
  'hz-mfg-cluster-goals-2027': 74,
  'hz-mfg-cluster-regional-2023': 16,
  'hz-mfg-cluster-targets-2023': 83,
  'hz-mfg-project-milestones-2023': 6,
  'hz-mfg-workplan-2023': 25,
  'hz-open-economy-2023': 28,
  'hz-open-economy-goals-2027': 56,
  'hz-services-shibaiqian-2027': 35,
  'jx-plan-2023': 19,
  'jx-policy-goals-2023-foreign-investment': 1,
  'jx-policy-goals-2023-plan-prose': 49,
  'jx-policy-goals-2023-sci-tech-315': 47,
  'jx-policy-goals-2023-specialized-smes': 5,
  'jx-policy-goals-2023-traditional-industries': 12,
};

const minimal = {
  formatVersion: 1,
  id: 'test-system',
  title: '测试表',
  document: { title: '测试文件', seedFile: 'x.txt' },
  city: '湖州',
  years: ['2023'],
  regions: ['吴兴', '南浔'],
  categories: [{ id: 'c1', name: '类别一' }],
  indicators: [
    {
      id: 'a',
      name: '规上工业增加值增长',
      unit: '%',
      category: 'c1',
      kind: 'growth',
      direction: 'higher',
      decimals: 1,
      frequency: 'monthly',
      ytd: true,
      targets: { '2023': 7 },
      source: { file: 'x.txt', lines: [1] },
    },
  ],
};

async function loadWith(system: unknown) {
  const root = mkdtempSync(join(tmpdir(), 'zjb-systems-'));
  cpSync(join(TEMPLATES, 'regions'), join(root, 'regions'), { recursive: true });
  mkdirSync(join(root, 'systems'));
  writeFileSync(join(root, 'systems', 'bad.json'), typeof system === 'string' ? system : JSON.stringify(system));
  return loadTemplates(root);
}

function clone(): typeof minimal {
  return JSON.parse(JSON.stringify(minimal)) as typeof minimal;
}

describe('indicator system loader', () => {
  it('loads every shipped system with the expected row count', async () => {
    const loaded = await loadTemplates(TEMPLATES);
    expect(loaded.problems).toEqual([]);
    const counts = Object.fromEntries(loaded.systems.map((s) => [s.id, s.indicators.length]));
    expect(counts).toEqual(EXPECTED_ROWS);
  });

  it('publishes levels, rates and per-unit figures with at least one decimal', async () => {
    const loaded = await loadTemplates(TEMPLATES);
    for (const s of loaded.systems) {
      for (const ind of s.indicators) {
        if (ind.kind !== 'count') expect(ind.decimals, `${s.id}/${ind.id}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('accepts a minimal valid file', async () => {
    const loaded = await loadWith(minimal);
    expect(loaded.problems).toEqual([]);
    expect(loaded.systems[0]?.indicators[0]?.markers).toEqual([]);
  });

  it('names a missing field with its path', async () => {
    const s = clone();
    delete (s.indicators[0] as Partial<(typeof s.indicators)[0]>).unit;
    const { problems, systems } = await loadWith(s);
    expect(systems).toEqual([]);
    expect(problems).toEqual([
      { file: 'templates/systems/bad.json', message: 'indicators[0].unit：缺少必填项（应为文本）' },
    ]);
  });

  it('names a wrong type with what was found', async () => {
    const s = clone();
    (s.indicators[0] as Record<string, unknown>)['decimals'] = '一位';
    const { problems } = await loadWith(s);
    expect(problems.map((p) => p.message)).toEqual(['indicators[0].decimals：应为数字，实际为文本“一位”']);
  });

  it('rejects a wrong enum value listing the allowed ones', async () => {
    const s = clone();
    (s.indicators[0] as Record<string, unknown>)['kind'] = 'ratio';
    const { problems } = await loadWith(s);
    expect(problems[0]?.message).toContain('indicators[0].kind：取值无效（文本“ratio”）');
    expect(problems[0]?.message).toContain('"growth"');
  });

  it('rejects a duplicate indicator id', async () => {
    const s = clone();
    s.indicators.push({ ...s.indicators[0]!, name: '另一个指标' });
    const { problems } = await loadWith(s);
    expect(problems.map((p) => p.message)).toEqual(['indicators[1].id：指标编号“a”重复，每个指标的编号必须唯一']);
  });

  it('rejects an unknown region, in the system and in a per-region target', async () => {
    const s = clone();
    s.regions.push('西湖');
    (s.indicators[0] as Record<string, unknown>)['byRegion'] = { 吴兴: 7, 拱墅: 8 };
    (s as Record<string, unknown>)['regionTargetYear'] = '2023';
    const { problems } = await loadWith(s);
    const messages = problems.map((p) => p.message);
    expect(messages[0]).toContain('regions[2]：未知区县“西湖”');
    expect(messages[0]).toContain('吴兴、南浔、德清');
    expect(messages).toContainEqual(expect.stringContaining('regionTargets.2023：未知区县“拱墅”'));
  });

  it('rejects an unknown field, bad JSON, and an unknown city', async () => {
    const extra = clone();
    (extra as Record<string, unknown>)['colour'] = 'red';
    expect((await loadWith(extra)).problems[0]?.message).toBe('（根）：有不认识的字段 colour，请删除或检查拼写');
    const broken = await loadWith('{"formatVersion": 1,');
    expect(broken.problems[0]?.message).toMatch(/^不是有效的 JSON 文件/);
    const city = clone();
    city.city = '杭州';
    expect((await loadWith(city)).problems[0]?.message).toContain('没有城市“杭州”的区县清单');
  });

  it('keeps loading the other files when one is bad', async () => {
    const root = mkdtempSync(join(tmpdir(), 'zjb-systems-'));
    cpSync(join(TEMPLATES, 'regions'), join(root, 'regions'), { recursive: true });
    mkdirSync(join(root, 'systems'));
    writeFileSync(join(root, 'systems', 'a-bad.json'), '[]');
    writeFileSync(join(root, 'systems', 'b-good.json'), JSON.stringify(minimal));
    const loaded = await loadTemplates(root);
    expect(loaded.systems.map((s) => s.id)).toEqual(['test-system']);
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]?.file).toBe('templates/systems/a-bad.json');
  });
});
