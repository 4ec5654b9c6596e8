import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli';
import { PROJECT_ROOT } from '../support/project';
import { tempDir } from '../support/workspace';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) }, PROJECT_ROOT);
  return { code, out, err };
}

const FIXTURES = join(PROJECT_ROOT, 'tests', 'fixtures');
const REGIONAL = 'hz-mfg-cluster-regional-2023';

function v1Workspace(): string {
  const dir = join(tempDir('zjb-cli-sys-'), 'ws');
  cpSync(join(FIXTURES, 'v1-workspace'), dir, { recursive: true });
  return dir;
}

describe('systems, targets and regions on the command line', () => {
  it('documents the new commands in --help', async () => {
    expect((await run(['--help'])).out).toMatch(/targets\s+设定某个指标某一年的目标/);
    const systems = await run(['systems', '--help']);
    for (const text of ['systems rollover --workspace', '--to <2027>', 'systems add --workspace', '--out <文件.json>'])
      expect(systems.out).toContain(text);
    const targets = await run(['targets', '--help']);
    expect(targets.out).toContain('--year <2026> [--region <区县简称>] --value <目标>');
    expect(targets.out).toContain('增长6%左右');
  });

  it('sets a 2026 target for 全市 and a district, prints old → new, refuses a bad year', async () => {
    const ws = v1Workspace();
    const common = ['--workspace', ws, '--system', REGIONAL, '--indicator', 'industrial-value-added-growth'];
    const city = await run(['targets', 'set', ...common, '--year', '2026', '--value', '7.5']);
    expect(city).toMatchObject({ code: 0, out: '指标“规上工业增加值增长” 2026年目标：（无） → 7.5\n' });
    const district = await run([
      'targets',
      'set',
      ...common,
      '--year',
      '2026',
      '--region',
      '长兴',
      '--value',
      '增长6%左右',
    ]);
    expect(district.out).toBe('指标“规上工业增加值增长” 2026年分解目标 长兴：（无） → 增长6%左右\n');
    const stored = JSON.parse(readFileSync(join(ws, 'systems', `${REGIONAL}.json`), 'utf8'));
    expect(stored.formatVersion).toBe(2);
    expect(stored.indicators[1].targets).toEqual({ '2023': 7, '2026': 7.5 });
    expect(stored.indicators[1].regionTargets['2026']).toEqual({ 长兴: '增长6%左右' });
    const bad = await run(['targets', 'set', ...common, '--year', '26', '--value', '7']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year 应为四位年份');
    const unknown = await run(['targets', 'set', ...common, '--year', '2026', '--region', '拱墅', '--value', '7']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('“拱墅”不是本体系的区县');
    const history = await run(['systems', 'history', '--workspace', ws, '--system', REGIONAL, '--json']);
    expect(JSON.parse(history.out)).toHaveLength(2);
  });

  it('rolls a system over to 2027 and exports, adds and lists it', async () => {
    const ws = v1Workspace();
    const rolled = await run(['systems', 'rollover', '--workspace', ws, '--system', REGIONAL, '--to', '2027']);
    expect(rolled.code).toBe(0);
    expect(rolled.out).toContain('已新建 2027 年度体系');
    const out = join(tempDir('zjb-cli-out-'), 'regional-2027.json');
    const exported = await run([
      'systems',
      'export',
      '--workspace',
      ws,
      '--system',
      'hz-mfg-cluster-regional-2027',
      '--out',
      out,
    ]);
    expect(exported.code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ formatVersion: 2, year: '2027', previous: { systemId: REGIONAL } });
    const other = v1Workspace();
    const added = await run(['systems', 'add', '--workspace', other, '--file', out]);
    expect(added.code).toBe(0);
    // The other workspace has the 2023 system too: the link holds there as well.
    expect(
      JSON.parse(readFileSync(join(other, 'systems', 'hz-mfg-cluster-regional-2027.json'), 'utf8')).previous,
    ).toEqual({ systemId: REGIONAL });
    const template = await run(['systems', 'add', '--workspace', other, '--template', 'hz-digital-economy-2023']);
    expect(template.code).toBe(0);
    const renamed = await run(['regions', 'rename', '--workspace', other, '--from', '南太湖新区', '--to', '南太湖']);
    expect(renamed.out).toContain('区县：吴兴、南浔、德清、长兴、安吉、南太湖\n南太湖 原名：南太湖新区');
    const figures = await run(['figures', 'get', '--workspace', other, '--period', '2023-09', '--json']);
    const rows = JSON.parse(figures.out).figures as { region: string }[];
    expect(rows.some((r) => r.region === '南太湖')).toBe(true);
    expect(rows.some((r) => r.region === '南太湖新区')).toBe(false);
  });
});

describe('shapes other tools read stay as they were', () => {
  it('systems export --json: every field of format 1 unchanged, per-year records added', async () => {
    const golden = JSON.parse(readFileSync(join(FIXTURES, 'v1-systems-export.json'), 'utf8')) as {
      systems: { id: string; indicators: Record<string, unknown>[] }[];
    };
    const now = JSON.parse((await run(['systems', 'export', '--json'])).out) as typeof golden;
    for (const old of golden.systems) {
      const current = now.systems.find((s) => s.id === old.id)!;
      const { indicators: oldIndicators, ...oldRest } = old;
      expect(current).toMatchObject(oldRest);
      expect(current.indicators).toHaveLength(oldIndicators.length);
      oldIndicators.forEach((ind, i) => expect(current.indicators[i]).toMatchObject(ind));
    }
    const regional = now.systems.find((s) => s.id === REGIONAL)!;
    expect(regional.indicators[1]).toMatchObject({
      byRegion: { 吴兴: 7, 长兴: 8.5, 全市: 7 },
      regionTargets: { '2023': { 吴兴: 7, 长兴: 8.5 } },
    });
  });

  it('figures get --json of a version 1 workspace prints exactly what the version 1 program printed', async () => {
    const { out } = await run(['figures', 'get', '--workspace', v1Workspace(), '--period', '2023-09', '--json']);
    expect(out).toBe(readFileSync(join(FIXTURES, 'v1-workspace-figures-2023-09.json'), 'utf8'));
  });

  it('compute --json keeps its fields', async () => {
    const { out } = await run(['compute', '--workspace', v1Workspace(), '--period', '2023-09', '--json']);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['workspace', 'sample', 'period', 'indicators', 'composite']);
    expect(Object.keys(json.indicators[0])).toEqual([
      'systemId',
      'indicatorId',
      'name',
      'unit',
      'kind',
      'direction',
      'decimals',
      'period',
      'rankBy',
      'timeProgress',
      'timeProgressNote',
      'province',
      'regions',
    ]);
    expect(Object.keys(json.indicators[0].regions[0])).toEqual([
      'region',
      'value',
      'lastYear',
      'target',
      'targetStatus',
      'completion',
      'completionNote',
      'timeProgress',
      'aheadPp',
      'yoy',
      'yoyNote',
      'rank',
      'tied',
      'previousRank',
      'rankChange',
      'status',
    ]);
  });
});
