import { mount, type VueWrapper } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import FileDetail from '../../../src/renderer/features/import/components/FileDetail.vue';
import PreviewSummary from '../../../src/renderer/features/import/components/PreviewSummary.vue';
import { applySummary, mergePreviews } from '../../../src/renderer/features/import/import-view';
import { localRefusal } from '../../../src/renderer/features/import/uploads';
import { preview, refusedFile, wuxingFile } from './fixtures';

let wrapper: VueWrapper | null = null;
afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
});

/** Cell texts without whitespace: the template's line breaks between inline parts are not content. */
const cellsOf = (row: { findAll(s: string): { text(): string }[] }) =>
  row.findAll('td').map((td) => td.text().replace(/\s+/g, ''));
const squeezed = (rows: string[][]) => rows.map((r) => r.map((t) => t.replace(/\s+/g, '')));

describe('FileDetail: one accepted file', () => {
  it('lists each change as 导入, 区县, 指标, 原值 → 新值, 单元格, with notes, remarks and the storage period', () => {
    wrapper = mount(FileDetail, { props: { file: wuxingFile }, global: { plugins: [ElementPlus] } });
    const rows = wrapper.findAll('[data-testid="change-row"]').map(cellsOf);
    expect(rows).toEqual(
      squeezed([
        ['', '吴兴', '规上工业增加值增长（%） 备注：（无） → 含新投产企业', '4.1→5.2', 'D7'],
        [
          '',
          '吴兴',
          '制造业投资增长（%） ⚠ 变动大：较上期（2023年1—11月）变动 -15.5 个百分点，超过 10 个百分点的提示线，请核实 ⚠ 正负相反：与上期（2023年1—11月）正负相反，请核实',
          '12.5→-3',
          'D8',
        ],
        ['', '吴兴', '工业技改投资增长（%）', '（空）→/（不适用）', 'D10'],
        ['', '吴兴', '低效用地整治腾出土地（亩） 记入 2023年第四季度', '980→1234.5', 'D15'],
      ]),
    );
    expect(wrapper.get('[data-testid="changes-table"] caption').text()).toBe('将写入的数（4 个）');
    expect(
      wrapper
        .findAll('thead th')
        .slice(0, 5)
        .map((th) => th.text()),
    ).toEqual(['导入', '区县', '指标', '原值 → 新值', '单元格']);
    // Every row is imported unless the clerk unticks it.
    expect(wrapper.findAll('[data-testid="change-row"] .el-checkbox.is-checked')).toHaveLength(4);
  });

  it('shows a row left out (不导入) unticked and greyed, and reports the untick', async () => {
    wrapper = mount(FileDetail, { props: { file: wuxingFile }, global: { plugins: [ElementPlus] } });
    const second = wrapper.findAll('[data-testid="change-row"]')[1]!;
    await second.get('[data-testid="change-include"] input').setValue(false);
    const emitted = wrapper.emitted('exclude') as [string, boolean][] | undefined;
    expect(emitted).toHaveLength(1);
    const [rowKey, exclude] = emitted![0]!;
    expect(exclude).toBe(true);
    await wrapper.setProps({ excluded: new Set([`${wuxingFile.file}\u0000${rowKey}`]) });
    const classes = wrapper.findAll('[data-testid="change-row"]').map((r) => r.classes().includes('is-excluded'));
    expect(classes).toEqual([false, true, false, false]);
  });

  it('highlights only the rows with anomalies', () => {
    wrapper = mount(FileDetail, { props: { file: wuxingFile } });
    const flagged = wrapper.findAll('[data-testid="change-row"]').map((r) => r.classes().includes('is-anomaly'));
    expect(flagged).toEqual([false, true, false, false]);
    expect(wrapper.findAll('[data-testid="anomaly"]')).toHaveLength(2);
  });

  it('lists rejections by their own cell (the note column for a note) with the reason without the cell prefix', () => {
    wrapper = mount(FileDetail, { props: { file: wuxingFile } });
    const rows = wrapper.findAll('[data-testid="rejection-row"]').map(cellsOf);
    expect(rows).toEqual(
      squeezed([
        ['D9', '数字经济核心产业制造业增加值增速', 'abc', '“abc”不是数字。请填数字（如 12.5）、“/”表示不适用，或留空'],
        ['D16', '整治提升低效企业（2023年第四季度）', '12.5', '整治提升低效企业应为整数（单位：家），“12.5”有小数'],
        ['E17', '规上工业亩均税收', '31.2', '备注有 612 字，超过 500 字上限，该项未导入'],
      ]),
    );
    expect(wrapper.text()).toContain('填报人：张三 0572-1234567');
  });

  it('says so when a file brings nothing new', () => {
    const same = {
      ...wuxingFile,
      cells: wuxingFile.cells.filter((c) => c.status === 'unchanged' || c.status === 'blank'),
      counts: { unchanged: 1, changed: 0, rejected: 0, blank: 1, anomalies: 0 },
    };
    wrapper = mount(FileDetail, { props: { file: same } });
    expect(wrapper.find('[data-testid="changes-table"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="no-changes"]').text()).toBe(
      '这份表没有需要写入的数：已填的 1 项与工作区中的数相同，1 项未填。',
    );
  });
});

describe('PreviewSummary: every file with its outcome, and the totals', () => {
  it("shows accepted files with counts and refused files with main's reason, including files refused before sending", () => {
    const view = mergePreviews(
      [preview('p1', [wuxingFile, refusedFile])],
      [localRefusal('录像.mp4', '“录像.mp4”大小为 35.0 MB，超过 20 MB 上限，不像是填报表，未读取。')],
    );
    wrapper = mount(PreviewSummary, { props: { view }, global: { plugins: [ElementPlus] } });
    const rows = wrapper.findAll('[data-testid="file-summary-row"]').map(cellsOf);
    expect(rows).toEqual(
      squeezed([
        [
          '2023年1—12月_吴兴_填报表.xlsx',
          '吴兴',
          '2023年1—12月',
          '已接受',
          '将写入 4 个数，与已有数相同 1 个，未通过检查 3 格，未填 1 项，异常提示 2 处',
        ],
        ['说明.txt', '—', '—', '已拒绝', refusedFile.message ?? ''],
        ['录像.mp4', '—', '—', '已拒绝', '“录像.mp4”大小为 35.0 MB，超过 20 MB 上限，不像是填报表，未读取。'],
      ]),
    );
    expect(wrapper.get('[data-testid="preview-totals"]').text().replace(/\s+/g, '')).toBe(
      '共3个文件：接受1个，拒绝2个；将写入4个数，与已有数相同1个，未通过检查3格，未填1项；异常提示2处，请核实。',
    );
  });
});

describe('merging the previews of several requests', () => {
  const nanxun = { ...wuxingFile, file: '南浔.xlsx', region: '南浔', counts: { ...wuxingFile.counts, anomalies: 0 } };

  it('adds up the totals, keeps every id for apply and the earliest expiry', () => {
    const view = mergePreviews([
      preview('p1', [wuxingFile], '2023-12-08T02:40:00.000Z'),
      preview('p2', [nanxun, refusedFile], '2023-12-08T02:30:00.000Z'),
    ]);
    expect(view.previewIds).toEqual(['p1', 'p2']);
    expect(view.totals).toEqual({
      files: 3,
      refusedFiles: 1,
      unchanged: 2,
      changed: 8,
      rejected: 6,
      blank: 2,
      anomalies: 2,
    });
    expect(view.expiresAt).toBe('2023-12-08T02:30:00.000Z');
    expect(view.conflicts).toEqual([]);
    expect(applySummary(view)).toBe(
      '将把 吴兴、南浔 共 2 个区县的 8 个数写入工作区（2023年1—12月）。未通过检查的 6 格不写入。被拒绝的 1 个文件不导入。有 2 处异常提示，请确认已经核实。写入后可在“数据填报”的修改记录中查看和恢复。确定导入吗？',
    );
  });

  it('names two files of one region and period that came in different requests', () => {
    const again = { ...wuxingFile, file: '吴兴（更正）.xlsx' };
    const view = mergePreviews([preview('p1', [wuxingFile]), preview('p2', [again])]);
    expect(view.conflicts).toEqual([
      '“2023年1—12月_吴兴_填报表.xlsx”和“吴兴（更正）.xlsx”都是吴兴2023年1—12月的填报表',
    ]);
  });
});
