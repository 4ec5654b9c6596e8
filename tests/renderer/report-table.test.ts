import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import ReportTable from '../../src/renderer/components/report/ReportTable.vue';
import type { ProvenanceRequest } from '../../src/renderer/components/provenance';
import type { TableBlock } from '../../src/shared/report/model';

/** Two header rows: 地区 and 综合得分 span both rows; each indicator spans its value and rank columns. */
const table: TableBlock = {
  type: 'table',
  id: 'ranking',
  title: '2023年1—9月各区县主要指标亮晒表',
  subtitle: '（截至2023年9月底）',
  header: [
    [
      { text: '地区', colSpan: 1, rowSpan: 2 },
      { text: '规上工业增加值增长', colSpan: 2, rowSpan: 1 },
      { text: '高耗低效整治企业数', colSpan: 2, rowSpan: 1 },
      { text: '综合得分', colSpan: 1, rowSpan: 2 },
    ],
    [
      { text: '增速（%）', colSpan: 1, rowSpan: 1 },
      { text: '位次', colSpan: 1, rowSpan: 1 },
      { text: '完成率（%）', colSpan: 1, rowSpan: 1 },
      { text: '位次', colSpan: 1, rowSpan: 1 },
    ],
  ],
  columns: [
    { key: 'region', width: 10, align: 'left', role: 'region' },
    { key: 'g', width: 8, align: 'right', role: 'growth', decimals: 1 },
    { key: 'gr', width: 5, align: 'center', role: 'rank' },
    { key: 'c', width: 8, align: 'right', role: 'completion', decimals: 1 },
    { key: 'cr', width: 5, align: 'center', role: 'rank' },
    { key: 's', width: 8, align: 'right', role: 'score' },
  ],
  rows: [
    {
      key: '全市',
      isTotal: true,
      cells: [
        { text: '全市' },
        { text: '8.4', ref: 'fig:2023-09/s/g/全市' },
        { text: '' },
        { text: '78.1', status: 'ahead' },
        { text: '' },
        { text: '' },
      ],
    },
    {
      key: '德清',
      isTotal: false,
      cells: [
        { text: '德清' },
        { text: '7.2', ref: 'fig:2023-09/s/g/德清' },
        { text: '3', status: 'top' },
        { text: '72.8', status: 'behind' },
        { text: '5' },
        { text: '3.50' },
      ],
    },
    {
      key: '长兴',
      isTotal: false,
      cells: [
        { text: '长兴' },
        { text: '7.2' },
        { text: '3' },
        { text: '—', status: 'missing' },
        { text: '—' },
        { text: '3.50' },
      ],
    },
  ],
  notes: ['注：1. 数据来源：各区县报送。', '2. 位次相同者并列。'],
  legend: [
    { status: 'ahead', label: '超序时进度' },
    { status: 'behind', label: '落后序时进度' },
  ],
};

function mountTable(props: Record<string, unknown> = {}) {
  return mount(ReportTable, { props: { table, ...props }, global: { plugins: [ElementPlus] } });
}

describe('ReportTable: a report-model table as HTML', () => {
  it('keeps the multi-level header: spans and texts exactly as the model says', () => {
    const w = mountTable();
    const rows = w.findAll('thead tr');
    expect(rows).toHaveLength(2);
    const cells = (i: number) =>
      rows[i]!.findAll('th').map((th) => [th.text(), th.attributes('colspan'), th.attributes('rowspan')]);
    expect(cells(0)).toEqual([
      ['地区', '1', '2'],
      ['规上工业增加值增长', '2', '1'],
      ['高耗低效整治企业数', '2', '1'],
      ['综合得分', '1', '2'],
    ]);
    expect(cells(1)).toEqual([
      ['增速（%）', '1', '1'],
      ['位次', '1', '1'],
      ['完成率（%）', '1', '1'],
      ['位次', '1', '1'],
    ]);
    expect(w.findAll('col')).toHaveLength(6);
  });

  it('prints 全市 first and bold, ties as equal ranks, and each status with its non-colour mark and legend', () => {
    const w = mountTable();
    const body = w.findAll('tbody tr');
    expect(body.map((r) => r.find('th').text())).toEqual(['全市', '德清', '长兴']);
    expect(body[0]!.classes()).toContain('is-total');
    expect(body[1]!.findAll('td').map((td) => td.text())).toEqual(['7.2', '3', '72.8▼', '5', '3.50']);
    expect(body[2]!.findAll('td').map((td) => td.text())).toEqual(['7.2', '3', '—', '—', '3.50']);
    expect(body[0]!.findAll('td')[2]!.text()).toBe('78.1▲');
    expect(body[0]!.findAll('td')[2]!.classes()).toContain('st-ahead');
    expect(body[1]!.findAll('td')[1]!.classes()).toContain('st-top');
    expect(body[2]!.findAll('td')[2]!.classes()).toContain('al-center');
    // The legend names every status used, the one the model left out (位次第一) with its default label.
    expect(w.get('[data-testid="table-legend"]').text().replace(/\s+/g, '')).toBe(
      '图例：▲超序时进度▼落后序时进度粗体位次第一',
    );
    expect(w.findAll('.rt-note').map((n) => n.text())).toEqual([
      '注：1. 数据来源：各区县报送。',
      '2. 位次相同者并列。',
    ]);
    expect(w.get('.rt-title').text()).toBe('2023年1—9月各区县主要指标亮晒表');
  });

  it('makes every number with a ref a button that asks for its provenance, with what it is', async () => {
    const w = mountTable();
    const links = w.findAll('button.ref-link');
    expect(links.map((b) => b.text())).toEqual(['8.4', '7.2']);
    await links[1]!.trigger('click');
    const emitted = w.emitted('provenance') as [ProvenanceRequest][];
    expect(emitted[0]![0]).toEqual({
      ref: 'fig:2023-09/s/g/德清',
      text: '7.2',
      label: '德清 · 规上工业增加值增长 · 增速（%）',
    });
  });

  it('shows only some rows (a page of the preview), and the paper look fills blanks with "—" without marks', () => {
    const w = mountTable({ variant: 'paper', rows: [1, 3], caption: false, notes: false });
    expect(w.find('.rt-title').exists()).toBe(false);
    expect(w.findAll('thead tr')).toHaveLength(2);
    const body = w.findAll('tbody tr');
    expect(body.map((r) => r.find('th').text())).toEqual(['德清', '长兴']);
    expect(body[0]!.findAll('td').map((td) => td.text())).toEqual(['7.2', '3', '72.8', '5', '3.50']);
    expect(w.findAll('.rt-note')).toHaveLength(0);
    const full = mountTable({ variant: 'paper' });
    expect(full.findAll('tbody tr')[0]!.findAll('td')[1]!.text()).toBe('—');
  });
});
