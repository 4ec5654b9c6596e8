import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewPeriod } from '../../../src/main/services/review/review-service';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import type { ReviewItem } from '../../../src/shared/api-types';
import { reviewRules } from '../../../src/shared/review/rules';
import { CITY_TARGETS, districts, MILESTONES, put, REGIONAL, reviewWorkspace } from './helpers';

let ws: Workspace;
beforeEach(async () => {
  ({ ws } = await reviewWorkspace());
});
afterEach(() => ws.close());

const FIRMS = 'inefficient-firms-rectified';
const GROWTH = 'industrial-value-added-growth';

async function findings(period: string, code?: string): Promise<ReviewItem[]> {
  const report = await reviewPeriod(ws, period);
  return code ? report.items.filter((i) => i.code === code) : report.items;
}

describe('the rules as data', () => {
  it('each has a number, a level, a formula, a scope and what to do, in Chinese', () => {
    const rules = reviewRules();
    expect(rules.map((r) => `${r.code} ${r.level} ${r.name}`)).toEqual([
      'SH01 错误 全市等于各区县之和',
      'SH02 提示 全市未填，可取区县合计',
      'SH03 提示 全市在各区县之间',
      'SH04 错误 增速不超过±100%',
      'SH05 提示 与上期相比变动过大',
      'SH06 提示 与上期正负相反',
      'SH07 错误 累计数不低于上期累计数',
      'SH08 错误 同一数据在两个体系中一致',
      'SH09 提示 同一数据一方未填',
    ]);
    for (const r of rules) for (const text of [r.formula, r.scope, r.action]) expect(text).toMatch(/[\u4e00-\u9fa5]/);
    expect(rules.find((r) => r.code === 'SH05')?.formula).toContain('50%');
    expect(reviewRules({ levelJumpRatio: 0.3, rateJumpPoints: 5 }).find((r) => r.code === 'SH05')?.formula).toContain(
      '30%',
    );
  });
});

describe('SH01/SH02 全市 = Σ区县', () => {
  it('flags a 全市 that differs from the districts’ sum, with the difference and the sum written out', async () => {
    await put(ws, '2023Q3', REGIONAL, FIRMS, districts([150, 120, 180, 200, 130, 100], 900));
    const [f] = await findings('2023-09', 'SH01');
    expect(f?.level).toBe('错误');
    expect(f?.cell).toEqual({ period: '2023Q3', systemId: REGIONAL, indicatorId: FIRMS, region: '全市' });
    expect(f?.message).toBe(
      '全市 900家，各区县合计 880家，相差 +20家（吴兴 150 + 南浔 120 + 德清 180 + 长兴 200 + 安吉 130 + 南太湖新区 100 = 880家）',
    );
    expect(f?.fix).toBeUndefined();
  });

  it('accepts the sum exactly for counts, and within rounding for amounts; "/" counts as nothing', async () => {
    await put(ws, '2023Q3', REGIONAL, FIRMS, { ...districts([150, 120, 180, 200, 130, 100], 880), 安吉: '/' });
    expect(await findings('2023Q3', 'SH01')).toHaveLength(1); // 880 ≠ 750 once 安吉 is not applicable
    await put(ws, '2023Q3', REGIONAL, FIRMS, { 全市: 750 });
    expect(await findings('2023Q3', 'SH01')).toEqual([]);
    // 腾出用地 (亩, published to 1 decimal): six districts each rounded may be 0.3 亩 off in total, not 0.4.
    const LAND = 'inefficient-rectification-land-freed';
    await put(ws, '2023Q3', REGIONAL, LAND, districts([1000, 1000, 1000, 1000, 1000, 1000], 6000.3));
    expect(await findings('2023Q3', 'SH01')).toEqual([]);
    await put(ws, '2023Q3', REGIONAL, LAND, { 全市: 6000.4 });
    expect((await findings('2023Q3', 'SH01')).map((f) => f.indicatorName)).toEqual(['高耗低效整治腾出用地面积']);
  });

  it('offers the sum for an empty 全市 once every district has reported', async () => {
    await put(ws, '2023Q3', REGIONAL, FIRMS, { ...districts([150, 120, 180, 200, 130]) });
    expect(await findings('2023Q3', 'SH02')).toEqual([]); // 南太湖新区 has not reported
    await put(ws, '2023Q3', REGIONAL, FIRMS, { 南太湖新区: 100 });
    const [f] = await findings('2023Q3', 'SH02');
    expect(f?.level).toBe('提示');
    expect(f?.fix).toEqual({
      value: 880,
      label: '取区县合计 880家',
      detail: '由各区县合计：吴兴 150 + 南浔 120 + 德清 180 + 长兴 200 + 安吉 130 + 南太湖新区 100 = 880家',
    });
  });
});

describe('SH03 全市 within the districts’ range', () => {
  it('flags a 全市 growth above every district, naming the highest', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, districts([7.9, 6.2, 7.2, 7.2, 5.1, 6.8], 8.5));
    const [f] = await findings('2023-09', 'SH03');
    expect(f?.level).toBe('提示');
    expect(f?.message).toBe('全市 8.5%，高于各区县的最高值（吴兴 7.9%，相差 +0.6个百分点），各区县在 5.1%～7.9% 之间');
    await put(ws, '2023-09', REGIONAL, GROWTH, { 全市: 7.9 });
    expect(await findings('2023-09', 'SH03')).toEqual([]);
  });

  it('does not judge while a district is missing, nor sums', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, districts([7.9, 6.2, 7.2, 7.2, 5.1], 8.5));
    expect(await findings('2023-09', 'SH03')).toEqual([]);
    expect(await findings('2023-09', 'SH01')).toEqual([]);
  });
});

describe('SH04–SH07 plausibility, the same rules as the import', () => {
  it('SH04: a growth of 1234.5% is an error even with nothing to compare with', async () => {
    await put(ws, '2023-09', REGIONAL, GROWTH, { 吴兴: 1234.5 });
    const [f] = await findings('2023-09', 'SH04');
    expect(f?.level).toBe('错误');
    expect(f?.message).toBe('吴兴：增速 1234.5% 超出 ±100%，请核实是否多输了位数、小数点位置不对，或把总量填成了增速');
    expect(f?.values.map((v) => v.value)).toEqual([1234.5]);
  });

  it('SH05: a year-to-date per-mu figure far above last quarter’s at the months’ pace', async () => {
    await put(ws, '2023Q2', REGIONAL, 'industrial-tax-per-mu', { 德清: 30 });
    await put(ws, '2023Q3', REGIONAL, 'industrial-tax-per-mu', { 德清: 60 });
    expect(await findings('2023Q3', 'SH05')).toEqual([]); // 30 × 9/6 = 45; +33%
    await put(ws, '2023Q3', REGIONAL, 'industrial-tax-per-mu', { 德清: 80 });
    const [f] = await findings('2023Q3', 'SH05');
    expect(f?.level).toBe('提示');
    expect(f?.message).toBe(
      '德清：较按上期累计数（2023年第二季度：30万元/亩）和时间进度折算的 45万元/亩变动 +77.8%，超过 50% 的提示线，请核实',
    );
    expect(f?.values.map((v) => [v.label, v.value])).toEqual([
      ['本期（2023年第三季度）', 80],
      ['上期（2023年第二季度）', 30],
    ]);
  });

  it('SH05 follows the plan’s milestones: 开工率 from 30% to 65% is on plan, to 95% is a jump', async () => {
    const RATE = 'new-provincial-major-projects-start-rate';
    await put(ws, '2023Q1', MILESTONES, RATE, { 长兴: 30 });
    await put(ws, '2023Q2', MILESTONES, RATE, { 长兴: 66 });
    expect(await findings('2023Q2', 'SH05')).toEqual([]);
    await put(ws, '2023Q2', MILESTONES, RATE, { 长兴: 95 });
    const [f] = await findings('2023Q2', 'SH05');
    expect(f?.message).toBe(
      '长兴：较上期（2023年第一季度：30%）按进度节点（30%→65%）推算的 65% 变动 +30 个百分点，超过 10 个百分点的提示线，请核实',
    );
  });

  it('SH06: a growth rate turning negative', async () => {
    await put(ws, '2023-08', REGIONAL, GROWTH, { 安吉: 3.2 });
    await put(ws, '2023-09', REGIONAL, GROWTH, { 安吉: -1.5 });
    const [f] = await findings('2023-09', 'SH06');
    expect(f?.message).toBe('安吉：与上期（2023年1—8月：3.2%）正负相反，请核实');
  });

  it('SH07: a year-to-date count below last quarter’s, but not across the new year', async () => {
    await put(ws, '2023Q2', REGIONAL, FIRMS, { 吴兴: 150 });
    await put(ws, '2023Q3', REGIONAL, FIRMS, { 吴兴: 140 });
    const [f] = await findings('2023Q3', 'SH07');
    expect(f?.level).toBe('错误');
    expect(f?.message).toBe('吴兴：累计数低于上期（2023年第二季度：150家），年内累计数通常不会减少，请核实');
    await put(ws, '2023Q4', REGIONAL, FIRMS, { 吴兴: 300 });
    await put(ws, '2024Q1', REGIONAL, FIRMS, { 吴兴: 60 });
    expect(await findings('2024Q1', 'SH07')).toEqual([]);
  });
});

describe('SH08/SH09 同一数据 in two systems', () => {
  it('SH08: 整治企业 786 in one table and 937 in the other', async () => {
    await put(ws, '2023Q3', REGIONAL, FIRMS, { 全市: 937 });
    await put(ws, '2023Q3', CITY_TARGETS, FIRMS, { 全市: 786 });
    const [f] = await findings('2023-09', 'SH08');
    expect(f?.level).toBe('错误');
    expect(f?.cell.systemId).toBe(CITY_TARGETS); // the side that declares the link
    expect(f?.message).toBe(
      '全市：786家，与《主要指标各区县任务分解表》“高耗低效整治企业数”的 937家 不一致，相差 −151家；两者是同一数据',
    );
    await put(ws, '2023Q3', CITY_TARGETS, FIRMS, { 全市: 937 });
    expect(await findings('2023-09', 'SH08')).toEqual([]);
  });

  it('SH09: 开工率 73.9 in the target table and not yet reported in the milestone table', async () => {
    await put(ws, '2023Q3', CITY_TARGETS, 'start-rate-projects-3bn-2y', { 全市: 73.9 });
    const [f] = await findings('2023Q3', 'SH09');
    expect(f?.level).toBe('提示');
    expect(f?.cell).toEqual({
      period: '2023Q3',
      systemId: MILESTONES,
      indicatorId: 'start-rate-projects-3bn-2y',
      region: '全市',
    });
    expect(f?.fix?.label).toBe('照填 73.9%');
    expect(f?.fix?.detail).toBe('照填自《2023年目标体系表》“近两年引进3亿元以上产业项目开工率”（2023Q3）');
  });

  it('compares only systems of the workspace and indicators in use', async () => {
    await put(ws, '2023Q3', CITY_TARGETS, FIRMS, { 全市: 786 });
    expect(await findings('2023Q3', 'SH08')).toEqual([]); // the district table has no 全市 yet
    const report = await reviewPeriod(ws, '2023Q3');
    expect(report.checkedCells).toBe(1);
  });
});
