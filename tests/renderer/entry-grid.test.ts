import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import EntryGrid from '../../src/renderer/features/entry/components/EntryGrid.vue';
import { buildLayout, regionColumns, type CellRef } from '../../src/renderer/features/entry/grid/layout';
import { EntrySheet, type ApplyResult } from '../../src/renderer/features/entry/grid/sheet';
import { indicator, specsOf } from './grid/fixtures';

const inds = [
  indicator('gdp', { name: '地区生产总值', unit: '亿元', kind: 'level' }),
  indicator('growth', { name: '规上工业增加值增长', unit: '%', kind: 'growth' }),
  indicator('firms', { name: '新增规上企业', unit: '家', kind: 'count', decimals: 0 }),
];

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

function setup(readOnly = false) {
  const sheet = new EntrySheet(specsOf(inds), { gdp: { 全市: 100, 吴兴: 20 } });
  const layout = buildLayout({
    system: { categories: [] },
    indicators: inds,
    regions: regionColumns(['吴兴', '南浔'], false),
    transposed: false,
  });
  const commits: ApplyResult[] = [];
  const histories: CellRef[] = [];
  const notices: string[] = [];
  wrapper = mount(EntryGrid, {
    props: {
      layout,
      sheet,
      readOnly,
      onCommit: (r: ApplyResult) => commits.push(r),
      onHistory: (c: CellRef) => histories.push(c),
      onNotice: (m: string) => notices.push(m),
    },
    attachTo: document.body,
  });
  const editor = wrapper.get('[data-testid="grid-editor"]');
  const cellText = (row: number, col: number) =>
    wrapper!.get(`.grid-row[data-row="${row}"] .grid-cell[data-col="${col}"]`).text();
  const press = (key: string, mods: Record<string, boolean> = {}) => editor.trigger('keydown', { key, ...mods });
  return { sheet, commits, histories, notices, editor, cellText, press };
}

describe('EntryGrid mounted', () => {
  it('shows the stored figures with row and column heads', () => {
    const { cellText } = setup();
    expect(cellText(0, 0)).toBe('100');
    expect(cellText(0, 1)).toBe('20');
    expect(wrapper!.findAll('.grid-colhead').map((h) => h.text())).toEqual(['全市', '吴兴', '南浔']);
    expect(wrapper!.findAll('.grid-rowhead .head-title').map((h) => h.text())).toEqual([
      '地区生产总值',
      '规上工业增加值增长',
      '新增规上企业',
    ]);
  });

  it('typing overwrites the active cell and Enter commits and moves down', async () => {
    const { sheet, commits, editor, cellText, press } = setup();
    await press('ArrowRight');
    await press('5');
    expect((editor.element as HTMLInputElement).value).toBe('5');
    expect(editor.classes()).toContain('is-editing');
    await editor.setValue('56.5');
    await press('Enter');
    expect(cellText(0, 1)).toBe('56.5');
    expect(sheet.value({ indicatorId: 'gdp', region: '吴兴' })).toBe(56.5);
    expect(commits.at(-1)?.changes).toEqual([{ cell: { indicatorId: 'gdp', region: '吴兴' }, value: 56.5 }]);
    // The cursor went down: the next digits land in the growth row.
    await press('7');
    await press('Tab');
    expect(cellText(1, 1)).toBe('7');
    expect(wrapper!.get('.grid-active').attributes('style')).toContain('left: 548px');
  });

  it('Esc cancels an edit and keeps the old value', async () => {
    const { sheet, commits, editor, cellText, press } = setup();
    await press('9');
    await editor.setValue('999');
    await press('Escape');
    expect(editor.classes()).not.toContain('is-editing');
    expect(cellText(0, 0)).toBe('100');
    expect(sheet.value({ indicatorId: 'gdp', region: '全市' })).toBe(100);
    expect(commits).toEqual([]);
  });

  it('F2 edits in place starting from the current text', async () => {
    const { editor, cellText, press } = setup();
    await press('F2');
    expect((editor.element as HTMLInputElement).value).toBe('100');
    // In F2 mode the arrows move the caret, they do not leave the cell.
    await press('ArrowLeft');
    expect(editor.classes()).toContain('is-editing');
    await editor.setValue('100.5');
    await press('Enter');
    expect(cellText(0, 0)).toBe('100.5');
  });

  it('outlines a refused value in red with the Chinese reason, and saves nothing', async () => {
    const { sheet, commits, editor, press } = setup();
    await press('ArrowDown');
    await press('ArrowDown');
    await press('a');
    await editor.setValue('abc');
    expect(wrapper!.get('[data-testid="cell-error"]').text()).toContain('“abc”不是数字');
    // Enter at the last row wraps to the next column; Shift+Enter comes back.
    await press('Enter');
    await press('Enter', { shiftKey: true });
    const cell = wrapper!.get('.grid-row[data-row="2"] .grid-cell[data-col="0"]');
    expect(cell.classes()).toContain('is-invalid');
    expect(cell.attributes('title')).toContain('不是数字');
    expect(wrapper!.get('[data-testid="cell-error"]').text()).toContain('请输入数字');
    expect(commits.at(-1)?.changes).toEqual([]);
    expect(sheet.value({ indicatorId: 'firms', region: '全市' })).toBeNull();
  });

  it('Delete clears the selection, Ctrl+Z brings it back, Ctrl+Y clears it again', async () => {
    const { cellText, press } = setup();
    await press('ArrowRight', { shiftKey: true });
    await press('Delete');
    expect([cellText(0, 0), cellText(0, 1)]).toEqual(['', '']);
    await press('z', { ctrlKey: true });
    expect([cellText(0, 0), cellText(0, 1)]).toEqual(['100', '20']);
    await press('y', { ctrlKey: true });
    expect([cellText(0, 0), cellText(0, 1)]).toEqual(['', '']);
  });

  it('pastes a TSV block from the clipboard event and copies the selection as TSV', async () => {
    const { editor, cellText, press } = setup();
    await press('ArrowDown');
    const pasted = new DataTransfer();
    pasted.setData('text/plain', '6.5%\t"7"\t８\r\n12\t/\t3\r\n');
    const paste = new ClipboardEvent('paste', { clipboardData: pasted, bubbles: true, cancelable: true });
    editor.element.dispatchEvent(paste);
    await wrapper!.vm.$nextTick();
    expect([cellText(1, 0), cellText(1, 1), cellText(1, 2), cellText(2, 0), cellText(2, 1), cellText(2, 2)]).toEqual([
      '6.5',
      '7',
      '8',
      '12',
      '/',
      '3',
    ]);
    const copied = new DataTransfer();
    editor.element.dispatchEvent(
      new ClipboardEvent('copy', { clipboardData: copied, bubbles: true, cancelable: true }),
    );
    expect(copied.getData('text/plain')).toBe('6.5\t7\t8\r\n12\t/\t3\r\n');
  });

  it('asks for the history of the active cell with Ctrl+H', async () => {
    const { histories, press } = setup();
    await press('ArrowRight');
    await press('h', { ctrlKey: true });
    expect(histories).toEqual([{ indicatorId: 'gdp', region: '吴兴' }]);
  });

  it('refuses edits when the workspace is read-only', async () => {
    const { editor, press, cellText, notices } = setup(true);
    await press('5');
    await press('Delete');
    expect(editor.classes()).not.toContain('is-editing');
    expect(cellText(0, 0)).toBe('100');
    expect(notices).toEqual(['工作区为只读，不能修改数据。', '工作区为只读，不能修改数据。']);
  });
});
