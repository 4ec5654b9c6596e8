import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import CheckResultTable from '../../src/renderer/components/export/CheckResultTable.vue';
import type { CheckItem } from '../../src/shared/api-types';

const checks: CheckItem[] = [
  { id: 'page-size', label: '纸张', pass: true, measured: '210×297 mm', expected: 'A4（210×297 mm）' },
  {
    id: 'body-pitch',
    label: '正文行距',
    pass: false,
    measured: '固定值 30 磅',
    expected: '固定值 28.95 磅（每页 22 行）',
  },
  {
    id: 'page-number',
    label: '页码',
    pass: true,
    measured: '— 1 —，单页居右',
    expected: '4号宋体“— 1 —”，单页居右、双页居左',
  },
];

describe("the format checker's result", () => {
  it('lists 项目 / 实测 / 要求 / 通过 with ✓ and ✗, the failed item marked', () => {
    const w = mount(CheckResultTable, { props: { checks } });
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['项目', '实测', '要求', '通过']);
    const rows = w.findAll('tbody tr');
    expect(rows.map((r) => r.findAll('td').map((td) => td.text()))).toEqual([
      ['纸张', '210×297 mm', 'A4（210×297 mm）', '✓'],
      ['正文行距', '固定值 30 磅', '固定值 28.95 磅（每页 22 行）', '✗'],
      ['页码', '— 1 —，单页居右', '4号宋体“— 1 —”，单页居右、双页居左', '✓'],
    ]);
    expect(rows[1]!.classes()).toContain('is-failed');
    expect(rows[0]!.classes()).not.toContain('is-failed');
  });

  it('sums up: how many passed, and which did not', () => {
    const w = mount(CheckResultTable, { props: { checks } });
    const summary = w.get('[data-testid="check-summary"]');
    expect(summary.text()).toBe('格式检查：2/3 项通过有 1 项未通过：正文行距。请核对后再印发。');
    expect(summary.classes()).toContain('is-fail');
  });

  it('says so when every item passed', () => {
    const w = mount(CheckResultTable, { props: { checks: checks.map((c) => ({ ...c, pass: true })) } });
    expect(w.get('[data-testid="check-summary"]').text()).toBe(
      '格式检查：3/3 项通过文稿符合公文格式要求，内容检查未发现问题。',
    );
    expect(w.get('[data-testid="check-summary"]').classes()).toContain('is-pass');
    expect(w.findAll('tbody td:last-child').map((td) => td.text())).toEqual(['✓', '✓', '✓']);
  });

  it('never calls a document in order when only a content check failed', () => {
    const content: CheckItem = {
      id: 'placeholders',
      label: '待填写的原因分析',
      pass: false,
      measured: '还有 2 处“【请填写原因分析】”',
      expected: '每处原因分析都已填写',
      group: '内容',
    };
    const w = mount(CheckResultTable, { props: { checks: [...checks.map((c) => ({ ...c, pass: true })), content] } });
    const summary = w.get('[data-testid="check-summary"]');
    expect(summary.text()).toBe(
      '格式检查：3/3 项通过；内容检查：0/1 项通过格式符合要求，但有 1 项未通过：待填写的原因分析。请核对后再印发。',
    );
    expect(summary.text()).not.toContain('符合公文格式要求');
    expect(summary.classes()).toContain('is-fail');
    expect(w.findAll('tbody tr').at(-1)!.findAll('td')[0]!.text()).toBe('内容：待填写的原因分析');
  });
});
