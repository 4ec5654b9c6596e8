import { computed, ref, shallowRef } from 'vue';
import { applyBriefingEdits, LIST_SECTIONS, type ListSectionId } from '../../../shared/report/edits';
import {
  paragraphText,
  staleFacts,
  type DocumentKind,
  type ParagraphBlock,
  type ReportModel,
} from '../../../shared/report/model';
import type { BriefingEdits } from '../../../shared/schemas/briefing';
import { useApi } from '../../api/client';
import { errorMessage } from '../../shared/labels';
import { SaveQueue, type SaveStatus } from '../../shared/save-queue';
import { draftedText } from './preview/paragraph-view';

interface PendingEdits {
  period: string;
  kind: DocumentKind;
  edits: BriefingEdits;
}

const EMPTY: BriefingEdits = { paragraphs: {} };

/**
 * A plain copy of edits held in Vue state: the desktop bridge structured-clones what it sends, and a
 * reactive proxy cannot be cloned.
 */
export function plainEdits(edits: BriefingEdits): BriefingEdits {
  return JSON.parse(JSON.stringify(edits)) as BriefingEdits;
}

/**
 * The document being prepared: main's draft without edits (the pure draft) and the clerk's edits, put
 * together here with the same shared function main uses, so every keystroke shows at once. Edits are
 * autosaved through briefing.saveEdits (one file per period and kind; the newest unsent version wins).
 */
export function useBriefingDraft() {
  const draft = shallowRef<ReportModel | null>(null);
  const edits = ref<BriefingEdits>(EMPTY);
  const mainWarnings = ref<string[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const status = ref<SaveStatus>({ kind: 'idle' });
  let current: { period: string; kind: DocumentKind } | null = null;
  let loadSeq = 0;

  const queue = new SaveQueue<PendingEdits>({
    keyOf: (c) => `${c.period}/${c.kind}`,
    delayMs: 700,
    onStatus: (s) => (status.value = s),
    send: async (batch) => {
      try {
        for (const c of batch) await useApi().call('briefing.saveEdits', c);
        return { ok: true };
      } catch (err) {
        return { ok: false, message: errorMessage(err) };
      }
    },
  });

  const view = computed(() => (draft.value ? applyBriefingEdits(draft.value, edits.value) : null));
  const titleEdited = computed(() => edits.value.title !== undefined);

  /** The warnings main would print for this edit state (the same wording as the export's). */
  const staleWarnings = computed(() =>
    (view.value?.sections ?? []).flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.type === 'paragraph'
          ? staleFacts(b).map(
              (f) => `修改过的段落“${paragraphText(b).slice(0, 24)}…”中应为 ${f.text}，与当前数据不符，请核对。`,
            )
          : [],
      ),
    ),
  );

  async function fetchDraft(period: string, kind: DocumentKind): Promise<{ model: ReportModel; warnings: string[] }> {
    return useApi().call('report.preview', { period, kind, edits: { paragraphs: {} } });
  }

  async function load(period: string, kind: DocumentKind): Promise<void> {
    const seq = ++loadSeq;
    current = { period, kind };
    loading.value = true;
    error.value = null;
    try {
      const [saved, preview] = await Promise.all([
        useApi().call('briefing.getEdits', { period, kind }),
        fetchDraft(period, kind),
      ]);
      if (seq !== loadSeq) return;
      edits.value = saved ?? EMPTY;
      draft.value = preview.model;
      mainWarnings.value = preview.warnings;
      status.value = { kind: 'idle' };
    } catch (err) {
      if (seq !== loadSeq) return;
      draft.value = null;
      error.value = errorMessage(err);
    } finally {
      if (seq === loadSeq) loading.value = false;
    }
  }

  /** Re-drafts from main (new figures, a new issue number) keeping the clerk's edits. */
  async function redraft(): Promise<void> {
    if (!current) return;
    const { period, kind } = current;
    const seq = ++loadSeq;
    try {
      const preview = await fetchDraft(period, kind);
      if (seq !== loadSeq) return;
      draft.value = preview.model;
      mainWarnings.value = preview.warnings;
    } catch (err) {
      if (seq === loadSeq) error.value = errorMessage(err);
    }
  }

  function update(change: (e: BriefingEdits) => BriefingEdits): void {
    if (!current) return;
    const next = change(plainEdits(edits.value));
    edits.value = next;
    queue.enqueue([{ ...current, edits: plainEdits(next) }]);
  }

  function drafted(id: string): ParagraphBlock | undefined {
    for (const s of draft.value?.sections ?? [])
      for (const b of s.blocks) if (b.type === 'paragraph' && b.id === id) return b;
    return undefined;
  }

  /** The clerk's text for a paragraph; the drafted text itself (or `undefined`) restores the draft. */
  function setParagraph(id: string, text: string | undefined): void {
    const original = drafted(id);
    update((e) => {
      if (text === undefined || (original && text === draftedText(original))) delete e.paragraphs[id];
      else e.paragraphs[id] = text;
      return e;
    });
  }

  function setTitle(text: string | undefined): void {
    const t = text?.trim();
    update((e) => {
      delete e.title;
      if (t && t !== draft.value?.title) e.title = t;
      return e;
    });
  }

  function setEditorNote(text: string): void {
    update((e) => {
      delete e.editorNote;
      if (text.trim()) e.editorNote = text;
      return e;
    });
  }

  /** 存在问题 / 下步工作 as the clerk's list, or back to the draft (`undefined`). */
  function setList(sectionId: ListSectionId, texts: string[] | undefined): void {
    const field = LIST_SECTIONS[sectionId];
    update((e) => {
      if (texts === undefined) delete e[field];
      else e[field] = texts;
      return e;
    });
  }

  function replaceEdits(next: BriefingEdits): void {
    update(() => next);
  }

  /** Sends what is not saved yet; the Chinese reason when main refused it. */
  async function flush(): Promise<string | null> {
    await queue.flush();
    return status.value.kind === 'failed' ? status.value.message : null;
  }

  return {
    draft,
    edits,
    view,
    titleEdited,
    mainWarnings,
    staleWarnings,
    loading,
    error,
    status,
    load,
    redraft,
    setParagraph,
    setTitle,
    setEditorNote,
    setList,
    replaceEdits,
    flush,
    retry: () => void queue.flush(),
    busy: () => queue.busy,
  };
}
