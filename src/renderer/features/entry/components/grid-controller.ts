import { computed, ref, shallowRef, triggerRef, type Ref } from 'vue';
import { blockTexts, fillEdits, planPaste } from '../grid/clipboard';
import { cellAt, positionOf, type CellRef, type GridLayout } from '../grid/layout';
import {
  clampPos,
  collapsed,
  commandForKey,
  isTypingKey,
  navigate,
  rectOf,
  type EditMode,
  type GridCommand,
  type GridPos,
  type Rect,
  type Selection,
} from '../grid/navigation';
import type { ApplyResult, EditInput, EntrySheet } from '../grid/sheet';
import { formatTsv, parseTsv } from '../../../shared/tsv';
import { validateEntry } from '../grid/validation';

export interface GridControllerHooks {
  commit(result: ApplyResult): void;
  history(cell: CellRef): void;
  notice(message: string): void;
  /** Brings a cell into view after the cursor moved. */
  reveal(pos: GridPos): void;
  pageRows(): number;
}

const READ_ONLY_NOTICE = '工作区为只读，不能修改数据。';

/**
 * The grid's behaviour: selection, the cell editor, keyboard commands and the clipboard, over the pure
 * grid modules. The component only renders and forwards DOM events here.
 */
export function useGridController(
  layout: Ref<GridLayout>,
  sheet: Ref<EntrySheet>,
  readOnly: Ref<boolean>,
  hooks: GridControllerHooks,
) {
  const sel = ref<Selection>(collapsed({ row: 0, col: 0 }));
  const editMode = ref<EditMode>('none');
  const editText = ref('');
  const composing = ref(false);
  /** Bumped when the sheet changes, so rendering re-reads cell texts. */
  const version = ref(0);
  /** Per data row, how often its cells changed; with `reloads` it tells each rendered row whether to redraw. */
  const rowChanges = shallowRef(new Map<number, number>());
  const reloads = ref(0);
  const unsubscribe = shallowRef<(() => void) | null>(null);

  function watchSheet(): void {
    unsubscribe.value?.();
    unsubscribe.value = sheet.value.subscribe((cells) => {
      version.value++;
      if (cells === 'all') {
        reloads.value++;
        return;
      }
      const map = rowChanges.value;
      for (const c of cells) {
        const pos = positionOf(layout.value, c);
        if (pos) map.set(pos.row, (map.get(pos.row) ?? 0) + 1);
      }
      triggerRef(rowChanges);
    });
    reloads.value++;
  }

  /** Grows whenever anything in the row changes (both parts only ever grow), so equal means unchanged. */
  function rowVersion(row: number): number {
    return reloads.value + (rowChanges.value.get(row) ?? 0);
  }

  const size = computed(() => ({ rows: layout.value.rows, cols: layout.value.cols }));
  const rect = computed<Rect>(() => rectOf(sel.value));
  const activeCell = computed<CellRef | null>(() => cellAt(layout.value, sel.value.active.row, sel.value.active.col));

  /** The reason the active cell (or the text being typed) is refused, for the bubble under it. */
  const activeError = computed<string | null>(() => {
    void version.value;
    const cell = activeCell.value;
    if (!cell) return null;
    // Pinyin being composed is not a value yet.
    if (composing.value) return null;
    if (editMode.value !== 'none') {
      const spec = sheet.value.spec(cell.indicatorId);
      const parsed = spec ? validateEntry(editText.value, spec) : null;
      return parsed && !parsed.ok ? parsed.message : null;
    }
    return sheet.value.state(cell)?.invalid?.message ?? null;
  });

  function setSelection(next: Selection, reveal: GridPos = next.active): void {
    sel.value = next;
    hooks.reveal(reveal);
  }

  function select(pos: GridPos, extend = false): void {
    const p = clampPos(pos, size.value);
    if (extend) setSelection({ anchor: sel.value.anchor, focus: p, active: sel.value.active }, p);
    else setSelection(collapsed(p));
  }

  function selectRect(r: Rect): void {
    setSelection({
      anchor: { row: r.top, col: r.left },
      focus: { row: r.bottom, col: r.right },
      active: { row: r.top, col: r.left },
    });
  }

  function apply(edits: EditInput[]): void {
    if (readOnly.value) {
      hooks.notice(READ_ONLY_NOTICE);
      return;
    }
    if (edits.length === 0) return;
    hooks.commit(sheet.value.apply(edits, { record: true }));
  }

  function startEdit(mode: Exclude<EditMode, 'none'>, text: string): void {
    if (readOnly.value) {
      hooks.notice(READ_ONLY_NOTICE);
      return;
    }
    if (!activeCell.value) return;
    editMode.value = mode;
    editText.value = text;
    hooks.reveal(sel.value.active);
  }

  function commitEdit(): void {
    if (editMode.value === 'none') return;
    const cell = activeCell.value;
    const raw = editText.value;
    editMode.value = 'none';
    editText.value = '';
    if (cell) apply([{ cell, raw }]);
  }

  function cancelEdit(): void {
    editMode.value = 'none';
    editText.value = '';
  }

  function undoRedo(kind: 'undo' | 'redo'): void {
    if (readOnly.value) return hooks.notice(READ_ONLY_NOTICE);
    const result = kind === 'undo' ? sheet.value.undo() : sheet.value.redo();
    if (!result) return hooks.notice(kind === 'undo' ? '没有可以撤销的操作' : '没有可以重做的操作');
    hooks.commit(result);
    const positions = result.cells.map((c) => positionOf(layout.value, c)).filter((p): p is GridPos => p !== null);
    if (positions.length) {
      const rows = positions.map((p) => p.row);
      const cols = positions.map((p) => p.col);
      selectRect({
        top: Math.min(...rows),
        left: Math.min(...cols),
        bottom: Math.max(...rows),
        right: Math.max(...cols),
      });
    }
  }

  function run(cmd: GridCommand): void {
    switch (cmd.type) {
      case 'editInPlace':
        if (activeCell.value) startEdit('inPlace', sheet.value.text(activeCell.value));
        return;
      case 'clear':
        return apply(fillEdits(layout.value, rect.value, ''));
      case 'clearAndEdit':
        return startEdit('typing', '');
      case 'undo':
      case 'redo':
        return undoRedo(cmd.type);
      case 'history':
        if (activeCell.value) hooks.history(activeCell.value);
        return;
      case 'cancelEdit':
        return cancelEdit();
      case 'commitAndAdvance':
      case 'commitAndMove':
        commitEdit();
        break;
    }
    const next = navigate(sel.value, cmd, size.value, hooks.pageRows());
    const extending = (cmd.type === 'move' || cmd.type === 'page' || cmd.type === 'lineEdge') && cmd.extend;
    setSelection(next, extending ? next.focus : next.active);
  }

  function onKeydown(e: KeyboardEvent): void {
    if (composing.value || e.isComposing) return;
    const cmd = commandForKey(e, editMode.value);
    if (cmd) {
      e.preventDefault();
      run(cmd);
      return;
    }
    if (editMode.value === 'none' && isTypingKey(e)) {
      e.preventDefault();
      startEdit('typing', e.key);
    }
  }

  /** Text arriving without a key we handled (an IME commits Chinese or full-width input): start typing. */
  function onInput(value: string): void {
    if (editMode.value === 'none' && value !== '') startEdit('typing', value);
    else editText.value = value;
  }

  function copyText(): string {
    return formatTsv(
      blockTexts(layout.value, rect.value, (r, c) => {
        const cell = cellAt(layout.value, r, c);
        return cell ? sheet.value.text(cell) : '';
      }),
    );
  }

  /** Ctrl+C / Ctrl+X outside an edit: the selected block as Excel-compatible TSV. Returns false to let the browser copy. */
  function onCopy(data: DataTransfer | null, cut: boolean): boolean {
    if (editMode.value !== 'none' || !data) return false;
    data.setData('text/plain', copyText());
    if (cut) apply(fillEdits(layout.value, rect.value, ''));
    return true;
  }

  function pasteText(text: string): void {
    if (readOnly.value) return hooks.notice(READ_ONLY_NOTICE);
    const block = parseTsv(text);
    if (block.length === 0) return hooks.notice('剪贴板中没有可粘贴的内容');
    const plan = planPaste(layout.value, block, rect.value);
    apply(plan.edits);
    selectRect(plan.target);
    if (plan.clipped > 0) hooks.notice(`粘贴内容超出表格范围，有 ${plan.clipped} 个单元格未粘贴`);
  }

  function onPaste(data: DataTransfer | null): boolean {
    if (editMode.value !== 'none' || !data) return false;
    pasteText(data.getData('text/plain'));
    return true;
  }

  return {
    cellText: (cell: CellRef) => sheet.value.text(cell),
    sel,
    rect,
    editMode,
    editText,
    composing,
    version,
    rowVersion,
    activeCell,
    activeError,
    size,
    watchSheet,
    dispose: () => unsubscribe.value?.(),
    select,
    selectRect,
    startEdit,
    /** An input method (pinyin) started composing: keys belong to it until it ends. */
    compositionStart: (): void => {
      composing.value = true;
      if (editMode.value === 'none') startEdit('typing', '');
    },
    compositionEnd: (text: string): void => {
      composing.value = false;
      editText.value = text;
    },
    commitEdit,
    cancelEdit,
    run,
    onKeydown,
    onInput,
    onCopy,
    onPaste,
    pasteText,
    copyText,
  };
}

export type GridController = ReturnType<typeof useGridController>;
