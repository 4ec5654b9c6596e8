import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, provide, ref, type Ref } from 'vue';
import type { ProvenanceRequest } from '../../src/renderer/components/provenance';
import EditableParagraph from '../../src/renderer/features/briefing/preview/EditableParagraph.vue';
import { DOC_EDITOR, type DocEditor } from '../../src/renderer/features/briefing/preview/editor-context';
import type { FlowItem } from '../../src/renderer/features/briefing/preview/flow';
import { displayRuns, staleMessages } from '../../src/renderer/features/briefing/preview/paragraph-view';
import { RunBuilder } from '../../src/shared/report/runs';
import type { ParagraphBlock } from '../../src/shared/report/model';

const ID = 'overall/hz/industrial-value-added-growth';
const drafted = new RunBuilder()
  .text('1—9月，全市规上工业增加值同比增长')
  .number(8.4, 1, 'fig:2023-09/hz/industrial-value-added-growth/全市')
  .text('%，高于全省平均')
  .number(0.3, 1, 'fig:2023-09/hz/industrial-value-added-growth/全省')
  .text('个百分点。')
  .build(ID);
const DRAFT_TEXT = '1—9月，全市规上工业增加值同比增长8.4%，高于全省平均0.3个百分点。';

type ParagraphItem = Extract<FlowItem, { kind: 'paragraph' }>;

/** The paragraph inside a page that keeps the clerk's text the way the briefing page does (edit, Esc, restore). */
function harness(initial?: string) {
  const block: Ref<ParagraphBlock> = ref(initial === undefined ? drafted : { ...drafted, editedText: initial });
  const editingKey = ref<string | null>(null);
  const opened: ProvenanceRequest[] = [];
  let before: ParagraphBlock = block.value;
  const set = (text: string | undefined) => {
    block.value = text === undefined || text === DRAFT_TEXT ? { ...drafted } : { ...drafted, editedText: text };
  };
  const editor: DocEditor = {
    editable: ref(true),
    editingKey,
    start: (item) => {
      before = block.value;
      editingKey.value = item.key;
    },
    input: (_item, text) => set(text),
    finish: () => (editingKey.value = null),
    cancel: () => {
      block.value = before;
      editingKey.value = null;
    },
    restore: () => {
      set(undefined);
      editingKey.value = null;
    },
    isListEdited: () => false,
    editList: () => {},
    restoreList: () => {},
    provenance: (r) => opened.push(r),
  };
  const Host = defineComponent({
    setup() {
      provide(DOC_EDITOR, editor);
      return () =>
        h(EditableParagraph, {
          item: {
            kind: 'paragraph',
            key: `p/${ID}`,
            block: block.value,
            sectionId: 'overall',
            listIndex: null,
          } satisfies ParagraphItem,
        });
    },
  });
  const wrapper = mount(Host, { global: { plugins: [ElementPlus] }, attachTo: document.body });
  return { wrapper, block, editingKey, opened };
}

let mounted: ReturnType<typeof harness>['wrapper'] | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('the paragraph editor of the briefing preview', () => {
  it('links the drafted numbers to their source and has no warning', async () => {
    const { wrapper, opened } = harness();
    mounted = wrapper;
    const facts = wrapper.findAll('button.fact');
    expect(facts.map((f) => f.text())).toEqual(['8.4', '0.3']);
    await facts[0]!.trigger('click');
    expect(opened).toEqual([
      { ref: 'fig:2023-09/hz/industrial-value-added-growth/全市', text: '8.4', label: '文稿中的数字' },
    ]);
    expect(wrapper.find('[data-testid="stale-warning"]').exists()).toBe(false);
  });

  it('warns on the paragraph when an edit changes a number, and the warning goes on 恢复为自动起草', async () => {
    const { wrapper, block } = harness();
    mounted = wrapper;
    await wrapper.get('p.doc-p').trigger('click');
    const area = wrapper.get('textarea');
    expect((area.element as HTMLTextAreaElement).value).toBe(DRAFT_TEXT);
    await area.setValue('1—9月，全市规上工业增加值同比增长8.6%，高于全省平均0.3个百分点。');
    await area.trigger('keydown', { key: 'Enter', ctrlKey: true });
    await flushPromises();
    expect(wrapper.find('textarea').exists()).toBe(false);
    expect(wrapper.findAll('[data-testid="stale-warning"]').map((w) => w.text())).toEqual([
      '段落中应为 8.4，与当前数据不符',
    ]);
    expect(wrapper.get('p.doc-p').classes()).toEqual(expect.arrayContaining(['is-edited', 'is-stale']));
    // The number still stated (0.3) stays linked; the changed one is plain text.
    expect(wrapper.findAll('button.fact').map((f) => f.text())).toEqual(['0.3']);
    await wrapper.get('[data-testid="restore-paragraph"]').trigger('click');
    await flushPromises();
    expect(block.value.editedText).toBeUndefined();
    expect(wrapper.find('[data-testid="stale-warning"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="paragraph-rail"]').exists()).toBe(false);
    expect(wrapper.get('p.doc-p').text()).toBe(DRAFT_TEXT);
  });

  it('Esc puts back the text the paragraph had before this edit', async () => {
    const { wrapper, block } = harness('1—9月，全市规上工业增加值增长8.4%，高于全省平均0.3个百分点，态势良好。');
    mounted = wrapper;
    expect(wrapper.find('[data-testid="stale-warning"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="paragraph-rail"]').text()).toContain('已修改');
    await wrapper.get('p.doc-p').trigger('keydown', { key: 'Enter' });
    const area = wrapper.get('textarea');
    await area.setValue('全市增长9.9%。');
    expect(block.value.editedText).toBe('全市增长9.9%。');
    await area.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(block.value.editedText).toBe('1—9月，全市规上工业增加值增长8.4%，高于全省平均0.3个百分点，态势良好。');
    expect(wrapper.find('[data-testid="stale-warning"]').exists()).toBe(false);
  });

  it('shows one warning per number no longer stated, in the words of the rail', () => {
    const edited = { ...drafted, editedText: '全市增长较快。' };
    expect(staleMessages(edited)).toEqual(['段落中应为 8.4，与当前数据不符', '段落中应为 0.3，与当前数据不符']);
    expect(
      displayRuns({ ...drafted, editedText: '高于全省0.3个百分点，增长8.4%。' })
        .map((r) => ('fact' in r ? `[${r.text}]` : r.text))
        .join(''),
    ).toBe('高于全省[0.3]个百分点，增长[8.4]%。');
  });
});
