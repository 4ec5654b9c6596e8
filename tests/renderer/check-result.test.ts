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
  it('lists each requirement in plain words with 符合/不符合; the measured values fold under 详情', () => {
    const plain = checks.map((c, i) => (i === 0 ? { ...c, plain: '纸张：A4（210×297毫米）' } : c));
    const w = mount(CheckResultTable, { props: { checks: plain } });
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['要求', '结果']);
    const rows = w.findAll('tbody tr');
    expect(rows.map((r) => [r.get('.check-plain').text(), r.get('.col-pass').text()])).toEqual([
      ['纸张：A4（210×297毫米）', '✓ 符合'],
      ['正文行距', '✗ 不符合'],
      ['页码', '✓ 符合'],
    ]);
    expect(rows[1]!.get('details').text()).toBe('详情实测：固定值 30 磅要求：固定值 28.95 磅（每页 22 行）');
    // A failed item shows what was found; a passed one keeps the technical values folded.
    expect(rows[1]!.get('details').attributes('open')).toBeDefined();
    expect(rows[0]!.get('details').attributes('open')).toBeUndefined();
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
    expect(w.findAll('tbody td:last-child').map((td) => td.text())).toEqual(['✓ 符合', '✓ 符合', '✓ 符合']);
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
    expect(w.findAll('tbody tr').at(-1)!.get('.check-plain').text()).toBe('内容：待填写的原因分析');
  });
});
