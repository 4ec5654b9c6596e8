import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeJson } from '../../src/cli/commands/compute';
import { computeWorkspace } from '../../src/main/services/reports/report-service';
import { Workspace } from '../../src/main/services/storage/workspace';
import { loadTemplates, validateSystem } from '../../src/main/services/systems/system-loader';
import { updateIndicator } from '../../src/main/services/systems/system-editor';
import { parsePeriod } from '../../src/shared/domain/periods';
import { SYSTEM_FORMAT_VERSION } from '../../src/shared/schemas/indicator-system';
import { cityTargetOf, milestonesOf, regionTargetOf, regionTargetsOf } from '../../src/shared/systems/accessors';
import { systemV1ToV2 } from '../../src/shared/systems/migrate';
import { PROJECT_ROOT } from '../support/project';
import { context, templates, tempDir } from '../support/workspace';

/**
 * tests/fixtures/v1-workspace was written by the program at format version 1 (`npm run cli -- sample` at
 * commit d95a456, trimmed to the periods 2023-09 needs), and v1-workspace-compute-2023-09.json holds what that
 * program computed for 2023-09. Loading it now must upgrade it in memory and compute the same, except where the
 * documents' judgements changed on purpose (milestones per district, ranks where districts have no targets).
 */
const FIXTURE = join(PROJECT_ROOT, 'tests', 'fixtures', 'v1-workspace');
const GOLDEN = join(PROJECT_ROOT, 'tests', 'fixtures', 'v1-workspace-compute-2023-09.json');
const REGIONAL = 'hz-mfg-cluster-regional-2023';
const MILESTONES = 'hz-mfg-project-milestones-2023';

const opened: Workspace[] = [];
afterEach(async () => {
  for (const ws of opened.splice(0)) await ws.close();
});

function copyFixture(): string {
  const dir = join(tempDir('zjb-v1-'), 'ws');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

async function open(dir: string): Promise<Workspace> {
  const ws = await Workspace.open(dir, await context('迁移测试'));
  opened.push(ws);
  return ws;
}

const DIGEST_KEYS = [
  'value',
  'lastYear',
  'target',
  'targetStatus',
  'completion',
  'timeProgress',
  'aheadPp',
  'rank',
  'previousRank',
  'status',
] as const;

type Digest = ReturnType<typeof digest>[number];

const START_RATE = `${MILESTONES}/new-provincial-major-projects-start-rate`;

/**
 * 开工率 has milestones (30/65/85 %, 100 % for the year): every district is now held to the plan's node, as
 * version 1 did only for 全市 (吴兴 72.9 %, 德清 77.6 %, 安吉 80.4 % fall behind the 85 % node), and the annual
 * 100 % is judged at year end only, not in September. Figures and ranks are as version 1 computed them.
 */
function expectMilestonesPerDistrict(current: Digest, v1: Digest): void {
  const same = ['value', 'lastYear', 'rank', 'previousRank'] as const;
  for (const [region, old] of Object.entries(v1.regions)) {
    const row = current.regions[region]!;
    for (const key of same) expect(row[key], `${region} ${key}`).toEqual(old[key]);
    const value = old['value'] as number;
    expect(row['target']).toBe(100);
    expect(row['timeProgress']).toBe(85);
    expect(row['completion']).toBeCloseTo(value, 6);
    expect(row['aheadPp']).toBeCloseTo(value - 85, 6);
    expect(row['targetStatus']).toBeNull();
    const status = row['status'] as string[];
    expect(status.includes('落后序时进度'), region).toBe(value < 85);
    expect(status).not.toContain('未达目标');
  }
  const behind = Object.entries(current.regions).filter(([, r]) => (r['status'] as string[]).includes('落后序时进度'));
  expect(behind.map(([region]) => region)).toEqual(['吴兴', '德清', '安吉']);
}

function digest(json: ReturnType<typeof computeJson>) {
  return json.map((i) => ({
    id: `${i.systemId}/${i.indicatorId}`,
    period: i.period,
    rankBy: i.rankBy,
    timeProgress: i.timeProgress,
    regions: Object.fromEntries(
      i.regions.map((r) => [r.region, Object.fromEntries(DIGEST_KEYS.map((k) => [k, r[k]]))]),
    ),
  }));
}

describe('a workspace written by format version 1', () => {
  it('opens without problems, upgraded in memory and untouched on disk', async () => {
    const dir = copyFixture();
    const before = readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8');
    const ws = await open(dir);
    const info = await ws.info();
    expect(info.problems).toEqual([]);
    expect(ws.settings.formatVersion).toBe(2);
    expect(ws.settings.regionFormerNames).toEqual({});
    const regional = ws.system(REGIONAL);
    expect(regional.formatVersion).toBe(SYSTEM_FORMAT_VERSION);
    expect(regional.years).toEqual(['2023']);
    const growth = regional.indicators.find((i) => i.id === 'industrial-value-added-growth')!;
    expect(regionTargetsOf(growth, '2023')).toEqual({
      吴兴: 7,
      南浔: 7,
      德清: 8,
      长兴: 8.5,
      安吉: 5,
      南太湖新区: 12,
    });
    expect(cityTargetOf(growth, '2023')).toBe(7);
    expect(regionTargetOf(growth, '长兴', '2026')).toBeNull();
    const start = ws.system(MILESTONES).indicators.find((i) => i.id === 'new-provincial-major-projects-start-rate')!;
    expect(milestonesOf(start, '2023').map((m) => m.percent)).toEqual([30, 65, 85, 100]);
    expect(milestonesOf(start, '2026')).toEqual([]);
    await ws.close();
    opened.length = 0;
    expect(readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'workspace.json'), 'utf8')).formatVersion).toBe(1);
  });

  it('computes 2023-09 as the version 1 program did, but for the judgements documents now make', async () => {
    const ws = await open(copyFixture());
    const results = await computeWorkspace(ws, parsePeriod('2023-09'));
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as { indicators: Digest[] };
    expect(golden.indicators).toHaveLength(43);
    const now = digest(computeJson(results));
    expect(now.map((i) => i.id)).toEqual(golden.indicators.map((i) => i.id));
    for (const [i, v1] of golden.indicators.entries()) {
      const current = now[i]!;
      if (v1.id === START_RATE) {
        expectMilestonesPerDistrict(current, v1);
        continue;
      }
      // Districts without targets of their own are ranked on their figures: completion would rank none of them.
      const districtTargets = Object.entries(v1.regions).some(([r, row]) => r !== '全市' && row['target'] !== null);
      const rankBy = v1.rankBy === 'completion' && !districtTargets ? 'value' : v1.rankBy;
      expect(current, v1.id).toEqual({ ...v1, rankBy });
    }
  });

  it('uses the 2023 targets and milestones for 2023 only: 2026 has none until they are set', async () => {
    const ws = await open(copyFixture());
    const results = await computeWorkspace(ws, parsePeriod('2026-09'));
    const start = results.find((r) => r.indicator.id === 'new-provincial-major-projects-start-rate')!;
    expect(start.usesMilestones).toBe(false);
    expect(start.rows.every((r) => r.target === null && r.completion === null)).toBe(true);
    const land = results.find((r) => r.indicator.id === 'inefficient-rectification-land-freed')!;
    expect(land.rows.map((r) => r.target)).toEqual([null, null, null, null, null, null, null]);
    expect(land.rows.every((r) => r.completion?.ok !== true)).toBe(true);
  });

  it('writes format 2 on the first edit and keeps the version 1 file in history', async () => {
    const dir = copyFixture();
    const ws = await open(dir);
    const updated = await updateIndicator(ws, await templates.registries(), REGIONAL, 'industrial-value-added-growth', {
      targets: { '2023': 7, '2026': '增长6%左右' },
    });
    expect(updated.years).toEqual(['2023', '2026']);
    const stored = JSON.parse(readFileSync(join(dir, 'systems', `${REGIONAL}.json`), 'utf8'));
    expect(stored.formatVersion).toBe(2);
    expect(stored.indicators[1].regionTargets['2023']['长兴']).toBe(8.5);
    expect(stored.indicators[1].byRegion).toBeUndefined();
    const history = readdirSync(join(dir, 'history', 'systems'));
    expect(history).toHaveLength(1);
    // The history copy is the system as it was before the edit (already upgraded), readable again.
    const previous = JSON.parse(readFileSync(join(dir, 'history', 'systems', history[0]!), 'utf8'));
    expect(validateSystem(previous, await templates.registries(), ws.settings.regions).ok).toBe(true);
  });
});

describe('the shipped templates', () => {
  it('load as format 2 with their years following their targets', async () => {
    const loaded = await loadTemplates(join(PROJECT_ROOT, 'templates'));
    expect(loaded.problems).toEqual([]);
    for (const s of loaded.systems) expect(s.formatVersion).toBe(2);
    const regional = loaded.systems.find((s) => s.id === REGIONAL)!;
    const storage = regional.indicators.find((i) => i.id === 'inefficient-firms-rectified');
    expect(storage && regionTargetOf(storage, '吴兴', '2023')).not.toBeNull();
    const workplan = loaded.systems.find((s) => s.id === 'hz-mfg-workplan-2023')!;
    const storageProjects = workplan.indicators.find((i) => i.id === 'new-energy-storage-projects')!;
    expect(regionTargetsOf(storageProjects, '2023')).toMatchObject({ 吴兴: '2个以上' });
    expect(cityTargetOf(storageProjects, '2023')).toBeNull();
    expect(workplan.years).toEqual(['2023']);
  });
});

describe('the version 1 → 2 step', () => {
  const v1 = {
    formatVersion: 1,
    id: 'x',
    title: '分解表',
    document: { title: '文件', seedFile: 'x.txt' },
    city: '湖州',
    years: ['2023', '2025'],
    regions: ['吴兴', '南浔'],
    regionTargetYear: '2023',
    indicators: [
      {
        id: 'a',
        name: '工业投资',
        unit: '亿元',
        kind: 'level',
        direction: 'higher',
        decimals: 1,
        frequency: 'monthly',
        ytd: true,
        targets: { '2023': 100, '2025': 120 },
        byRegion: { 吴兴: 40, 南浔: '/', 全市: 110 },
        milestones: [{ period: 'H1', percent: 50 }],
        notes: [],
        source: { file: 'x.txt', lines: [3] },
      },
    ],
  };

  it('moves district targets and milestones to their year and keeps a differing 全市 with a note', () => {
    const out = systemV1ToV2(structuredClone(v1));
    expect(out['regionTargetYear']).toBeUndefined();
    const ind = (out['indicators'] as Record<string, unknown>[])[0]!;
    expect(ind['byRegion']).toBeUndefined();
    expect(ind['regionTargets']).toEqual({ '2023': { 吴兴: 40, 南浔: '/' } });
    expect(ind['targets']).toEqual({ '2023': 110, '2025': 120 });
    expect(ind['milestones']).toEqual({ '2023': [{ period: 'H1', percent: 50 }] });
    expect(ind['notes']).toEqual([expect.stringContaining('分解表中全市目标“110”与2023年目标“100”不同')]);
  });

  it('validates the result, and refuses a file from a newer program by saying so', async () => {
    const registries = await templates.registries();
    const checked = validateSystem(structuredClone(v1), registries);
    expect(checked.ok && checked.value.years).toEqual(['2023', '2025']);
    const newer = validateSystem({ ...v1, formatVersion: 3 }, registries);
    expect(newer.ok).toBe(false);
    expect(!newer.ok && newer.problems[0]).toContain('更新版本的程序写的');
  });
});
