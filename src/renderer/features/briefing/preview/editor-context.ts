import type { InjectionKey, Ref } from 'vue';
import type { ProvenanceRequest } from '../../../components/provenance';
import type { FlowItem } from './flow';

/**
 * What the preview's blocks need from the page to be edited in place: one block at a time is being
 * edited; its text goes to the draft on every keystroke (autosaved), Esc puts back the text it had.
 */
export interface DocEditor {
  editable: Ref<boolean>;
  editingKey: Ref<string | null>;
  start(item: FlowItem): void;
  input(item: FlowItem, text: string): void;
  finish(): void;
  cancel(): void;
  /** Back to the drafted text (a paragraph, the title) or no 按语. */
  restore(item: FlowItem): void;
  /** 存在问题 / 下步工作 as the clerk's own list, and back to the draft. */
  isListEdited(sectionId: string): boolean;
  editList(sectionId: string): void;
  restoreList(sectionId: string): void;
  provenance(request: ProvenanceRequest): void;
}

export const DOC_EDITOR: InjectionKey<DocEditor> = Symbol('doc-editor');
