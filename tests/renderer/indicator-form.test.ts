import { describe, expect, it } from 'vitest';
import { targetValueOf, toForm, toPatch } from '../../src/renderer/features/systems/indicator-form';
import { indicator } from './grid/fixtures';

const system = { years: ['2023'], regions: ['吴兴', '南浔'] };
const original = indicator('x', {
  name: '规上工业增加值增长',
  unit: '%',
  kind: 'growth',
  responsible: ['市经信局'],
  targets: { '2023': 7 },
  regionTargets: { '2023': { 吴兴: 7, 南浔: '8左右' } },
  notes: ['说明一'],
});

describe('indicator edit form', () => {
  it('changes nothing when nothing was edited', () => {
    expect(toPatch(toForm(original, system, '2023'), original)).toEqual({ patch: {}, problems: [] });
  });

  it('sends only the edited fields, numbers as numbers and text targets verbatim', () => {
    const form = toForm(original, system, '2023');
    form.responsible = '市经信局、 市统计局';
    form.targets.push({ year: '2024', text: '2个以上' });
    form.byRegion[1]!.text = '8.5';
    form.milestones.Q1 = '30%';
    expect(toPatch(form, original)).toEqual({
      patch: {
        responsible: ['市经信局', '市统计局'],
        targets: { '2023': 7, '2024': '2个以上' },
        regionTargets: { '2023': { 吴兴: 7, 南浔: 8.5 } },
        milestones: { '2023': [{ period: 'Q1', percent: 30 }] },
      },
      problems: [],
    });
  });

  it('keeps a stored text target as it was, and drops emptied ones', () => {
    expect(targetValueOf('8左右', '8左右')).toBe('8左右');
    expect(targetValueOf(' 12.5 ')).toBe(12.5);
    expect(targetValueOf('')).toBeNull();
    const form = toForm(original, system, '2023');
    form.targets[0]!.text = '';
    expect(toPatch(form, original).patch).toEqual({ targets: {} });
  });

  it('edits the district targets and milestones of the year chosen, keeping the other years', () => {
    const form = toForm(original, system, '2026');
    expect(form.byRegion.map((r) => r.text)).toEqual(['', '']);
    form.byRegion[0]!.text = '增长6%左右';
    form.milestones.Q2 = '50';
    expect(toPatch(form, original)).toEqual({
      patch: {
        regionTargets: { '2023': { 吴兴: 7, 南浔: '8左右' }, '2026': { 吴兴: '增长6%左右' } },
        milestones: { '2026': [{ period: 'Q2', percent: 50 }] },
      },
      problems: [],
    });
  });

  it('refuses contradictory milestones before sending them (二季度 50% with 上半年 60%)', () => {
    const form = toForm(original, system, '2026');
    form.milestones.Q2 = '50';
    form.milestones.H1 = '60';
    expect(toPatch(form, original).problems).toEqual([
      '进度节点矛盾：二季度末为50%，上半年末为60%，同一时点只能有一个进度',
    ]);
  });

  it('reports bad years and milestone percentages in Chinese instead of sending them', () => {
    const form = toForm(original, system, '2023');
    form.targets.push({ year: '23', text: '5' });
    form.milestones.H1 = '五成';
    expect(toPatch(form, original).problems).toEqual([
      '目标年份“23”应为四位数字，如 2023',
      '节点目标 H1 应为 0 到 1000 之间的百分数，现为“五成”',
    ]);
  });
});
