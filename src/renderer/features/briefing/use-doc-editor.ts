import { nextTick, ref, type Ref } from 'vue';
import type { BriefingEdits } from '../../../shared/schemas/briefing';
import { isListSection, LIST_SECTIONS, type ListSectionId } from '../../../shared/report/edits';
import type { ProvenanceRequest } from '../../components/provenance';
import type { DocEditor } from './preview/editor-context';
import { listTexts, type FlowItem } from './preview/flow';
import { plainEdits, type useBriefingDraft } from './use-briefing-draft';

type Draft = ReturnType<typeof useBriefingDraft>;

/**
 * In-place editing of the preview: one block at a time; every keystroke goes into the draft's edits
 * (and so into the autosave); Esc puts back the edits as they were when the block was opened.
 */
export function useDocEditor(draft: Draft, editable: Ref<boolean>, openProvenance: (r: ProvenanceRequest) => void) {
  const editingKey = ref<string | null>(null);
  /** True while the clerk writes a first 按语 (the block exists only while it has text otherwise). */
  const writingNote = ref(false);
  const listDialog = ref<{ sectionId: ListSectionId; title: string; texts: string[] } | null>(null);
  let before: BriefingEdits | null = null;

  function focusBlock(key: string): void {
    void nextTick(() => {
      const el = document.querySelector<HTMLElement>(`.doc-pages [data-flow="${CSS.escape(key)}"] [tabindex="0"]`);
      el?.focus();
    });
  }

  function start(item: FlowItem): void {
    if (!editable.value) return;
    if (editingKey.value === item.key) return;
    before = plainEdits(draft.edits.value);
    editingKey.value = item.key;
  }

  function stop(): void {
    const key = editingKey.value;
    editingKey.value = null;
    writingNote.value = false;
    before = null;
    if (key) focusBlock(key);
  }

  function input(item: FlowItem, text: string): void {
    const model = draft.view.value;
    if (!model) return;
    switch (item.kind) {
      case 'paragraph':
        if (item.listIndex !== null && isListSection(item.sectionId)) {
          const texts = listTexts(model, item.sectionId);
          texts[item.listIndex] = text;
          draft.setList(item.sectionId, texts);
        } else {
          draft.setParagraph(item.block.id, text);
        }
        break;
      case 'title':
        draft.setTitle(text);
        break;
      case 'editorNote':
        draft.setEditorNote(text);
        break;
      default:
        break;
    }
  }

  function cancel(): void {
    if (before) draft.replaceEdits(before);
    stop();
  }

  function restore(item: FlowItem): void {
    if (item.kind === 'paragraph') draft.setParagraph(item.block.id, undefined);
    else if (item.kind === 'title') draft.setTitle(undefined);
    else if (item.kind === 'editorNote') draft.setEditorNote('');
    stop();
  }

  function writeNote(): void {
    if (!editable.value) return;
    writingNote.value = true;
    before = plainEdits(draft.edits.value);
    editingKey.value = 'editor-note';
  }

  const editor: DocEditor = {
    editable,
    editingKey,
    start,
    input,
    finish: stop,
    cancel,
    restore,
    isListEdited: (sectionId) => isListSection(sectionId) && draft.edits.value[LIST_SECTIONS[sectionId]] !== undefined,
    editList: (sectionId) => {
      const model = draft.view.value;
      if (!model || !isListSection(sectionId)) return;
      const title =
        model.sections.find((s) => s.id === sectionId)?.heading?.replace(/^[一二三四五六七八九十]+、/, '') ?? '';
      listDialog.value = { sectionId, title, texts: listTexts(model, sectionId) };
    },
    restoreList: (sectionId) => {
      if (isListSection(sectionId)) draft.setList(sectionId, undefined);
    },
    provenance: openProvenance,
  };

  function saveList(texts: string[]): void {
    const dialog = listDialog.value;
    if (dialog) draft.setList(dialog.sectionId, texts);
    listDialog.value = null;
  }

  return { editor, editingKey, writingNote, writeNote, listDialog, saveList };
}
