import { describe, expect, it } from 'vitest';
import { targetValueOf, toForm, toPatch } from '../../src/renderer/features/systems/indicator-form';
import { TargetDraft } from '../../src/renderer/features/systems/target-grid';
import { parseTsv } from '../../src/renderer/shared/tsv';
import { indicator } from './grid/fixtures';

const REGIONS = ['吴兴', '南浔'];
const original = indicator('x', {
  name: '规上工业增加值增长',
  unit: '%',
  kind: 'growth',
  responsible: ['市经信局'],
  targets: { '2023': 7 },
  regionTargets: { '2023': { 吴兴: 7, 南浔: '8左右' } },
  notes: ['说明一'],
});

function yearsDraft(years: string[]) {
  return new TargetDraft(
    years.map((year) => ({ key: year, label: `${year}年`, indicator: original, year })),
    REGIONS,
  );
}

describe('indicator edit form', () => {
  it('changes nothing when nothing was edited', () => {
    expect(toPatch(toForm(original, '2023'), original, yearsDraft(['2023']).changes())).toEqual({
      patch: {},
      problems: [],
    });
  });

  it('sends only the edited fields, numbers as numbers and text targets verbatim', () => {
    const form = toForm(original, '2023');
    form.responsible = '市经信局、 市统计局';
    form.milestones.Q1 = '30%';
    const draft = yearsDraft(['2023', '2024']);
    const [y2023, y2024] = draft.rows;
    draft.set(y2024!, '全市', '2个以上');
    draft.set(y2023!, '南浔', '8.5');
    expect(toPatch(form, original, draft.changes())).toEqual({
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
    const draft = yearsDraft(['2023']);
    draft.set(draft.rows[0]!, '全市', '');
    expect(toPatch(toForm(original, '2023'), original, draft.changes()).patch).toEqual({ targets: {} });
  });

  it('sets a new year and district milestones without touching the other years', () => {
    const form = toForm(original, '2026');
    form.milestones.Q2 = '50';
    form.overrides.push({ region: '南浔', milestones: { Q1: '', Q2: '40', Q3: '', Q4: '', H1: '', H2: '' } });
    const draft = yearsDraft(['2023', '2026']);
    draft.set(draft.rows[1]!, '吴兴', '增长6%左右');
    expect(toPatch(form, original, draft.changes())).toEqual({
      patch: {
        regionTargets: { '2023': { 吴兴: 7, 南浔: '8左右' }, '2026': { 吴兴: '增长6%左右' } },
        milestones: { '2026': [{ period: 'Q2', percent: 50 }] },
        regionMilestones: { '2026': { 南浔: [{ period: 'Q2', percent: 40 }] } },
      },
      problems: [],
    });
  });

  it('refuses contradictory milestones before sending them (二季度 50% with 上半年 60%)', () => {
    const form = toForm(original, '2026');
    form.milestones.Q2 = '50';
    form.milestones.H1 = '60';
    form.overrides.push({ region: '吴兴', milestones: { Q1: '40', Q2: '30', Q3: '', Q4: '', H1: '', H2: '' } });
    expect(toPatch(form, original).problems).toEqual([
      '进度节点矛盾：二季度末为50%，上半年末为60%，同一时点只能有一个进度',
      '吴兴：进度节点应逐期不减：一季度末为40%，二季度末却为30%',
    ]);
  });

  it('reports milestone percentages that are not numbers in Chinese instead of sending them', () => {
    const form = toForm(original, '2023');
    form.milestones.H1 = '五成';
    expect(toPatch(form, original).problems).toEqual(['节点目标 H1 应为 0 到 1000 之间的百分数，现为“五成”']);
  });

  it('clears an optional field with null: no category, a row of its own', () => {
    const child = indicator('c', { parent: 'x', category: 'k1', seq: '3' });
    const form = toForm(child, '2023');
    form.parent = '';
    form.seq = '';
    expect(toPatch(form, child).patch).toEqual({ parent: null, seq: null });
  });
});

describe('target grid paste', () => {
  const a = indicator('a', { name: '工业投资', unit: '亿元', regionTargets: { '2026': { 吴兴: 40 } } });
  const b = indicator('b', { name: '规上工业增加值增长', unit: '%', kind: 'growth' });
  const rows = [a, b].map((ind) => ({ key: ind.id, label: ind.name, indicator: ind, year: '2026' }));

  it('fills from the cell pasted at, numbers as numbers, text verbatim, "/" kept', () => {
    const draft = new TargetDraft(rows, REGIONS);
    const result = draft.paste(parseTsv('100\t40\t60\r\n增长6%左右\t/\t5.2%\r\n'), 0, '全市');
    expect(result).toEqual({ filled: 6, notes: [] });
    expect(draft.changes().map((c) => [c.row.key, c.region, c.value])).toEqual([
      ['a', '全市', 100],
      ['a', '南浔', 60],
      ['b', '全市', '增长6%左右'],
      ['b', '吴兴', '/'],
      ['b', '南浔', 5.2],
    ]);
  });

  it('places columns by a header row of district names and rows by indicator names', () => {
    const draft = new TargetDraft(rows, REGIONS);
    const block = parseTsv('指标名称\t南浔\t全市\t拱墅\n规上工业增加值增长\t8\t7\t9\n工业 投资\t1,234.5\t\t\n');
    const result = draft.paste(block, 0, '吴兴');
    expect(result.notes).toEqual(['表头“拱墅”不是本体系的区县，这些列未粘贴']);
    expect(draft.value(rows[1]!, '南浔')).toBe(8);
    expect(draft.value(rows[1]!, '全市')).toBe(7);
    expect(draft.value(rows[0]!, '南浔')).toBe(1234.5);
    expect(draft.value(rows[0]!, '全市')).toBeNull();
  });

  it('says what fell outside the grid', () => {
    const draft = new TargetDraft(rows, REGIONS);
    const result = draft.paste(parseTsv('1\t2\t3\n4\t5\t6\n7\t8\t9\n'), 1, '吴兴');
    expect(result.notes).toEqual([
      '粘贴的内容有 3 列，右边超出表格的 1 列未粘贴',
      '粘贴的内容有 3 行，下面超出表格的 2 行未粘贴',
    ]);
    expect(draft.value(rows[1]!, '吴兴')).toBe(1);
    expect(draft.value(rows[1]!, '南浔')).toBe(2);
  });
});
