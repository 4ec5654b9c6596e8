import { nextTick, onBeforeUnmount, onMounted, type Ref } from 'vue';
import { cellAtPoint, type GridGeometry } from '../grid/geometry';
import type { CellRef, GridLayout } from '../grid/layout';
import { inRect, type GridPos } from '../grid/navigation';
import type { GridController } from './grid-controller';

type Hit =
  { kind: 'cell'; pos: GridPos } | { kind: 'row'; row: number } | { kind: 'col'; col: number } | { kind: 'corner' };

interface MouseDeps {
  scroller: Ref<HTMLDivElement | null>;
  editor: Ref<HTMLInputElement | null>;
  layout: Ref<GridLayout>;
  geometry: Ref<GridGeometry>;
  viewport(): { width: number; height: number };
  ctl: GridController;
  focus(): void;
  history(cell: CellRef): void;
}

/**
 * Mouse behaviour of the grid: click to select, Shift+click and drag to extend, a row or column head
 * selects the line, the corner selects all, double-click edits in place, right-click shows the history.
 */
export function useGridMouse(d: MouseDeps) {
  let dragging = false;

  /** Where a mouse event falls; the frozen heads are found in viewport coordinates, the cells in canvas ones. */
  function hit(e: MouseEvent): Hit | null {
    const el = d.scroller.value;
    if (!el) return null;
    const g = d.geometry.value;
    const layout = d.layout.value;
    const r = el.getBoundingClientRect();
    const vx = e.clientX - r.left - el.clientLeft;
    const vy = e.clientY - r.top - el.clientTop;
    const view = d.viewport();
    // Beyond the client area: the scrollbars.
    if (vx < 0 || vy < 0 || vx >= (el.clientWidth || view.width) || vy >= (el.clientHeight || view.height)) return null;
    const inHead = vy < g.headHeight;
    const inRowHead = vx < g.rowHeadWidth;
    if (inHead && inRowHead) return { kind: 'corner' };
    if (inHead) {
      const col = Math.floor((vx + el.scrollLeft - g.rowHeadWidth) / g.colWidth);
      return col >= 0 && col < layout.cols ? { kind: 'col', col } : null;
    }
    if (inRowHead) {
      const entry = layout.displayRows[Math.floor((vy + el.scrollTop - g.headHeight) / g.rowHeight)];
      return entry?.kind === 'data' ? { kind: 'row', row: entry.dataRow } : null;
    }
    const pos = cellAtPoint(layout, g, vx + el.scrollLeft, vy + el.scrollTop);
    return pos ? { kind: 'cell', pos } : null;
  }

  function onMouseDown(e: MouseEvent): void {
    const { ctl } = d;
    // A click inside the open editor moves the caret in the text.
    if (e.target === d.editor.value && ctl.editMode.value !== 'none') return;
    const h = hit(e);
    if (!h) return;
    e.preventDefault();
    ctl.commitEdit();
    d.focus();
    const lastRow = d.layout.value.rows - 1;
    const lastCol = d.layout.value.cols - 1;
    if (h.kind === 'corner') return ctl.run({ type: 'selectAll' });
    if (h.kind === 'row') return ctl.selectRect({ top: h.row, bottom: h.row, left: 0, right: lastCol });
    if (h.kind === 'col') return ctl.selectRect({ top: 0, bottom: lastRow, left: h.col, right: h.col });
    // Right-click inside the selection keeps it (the history is for the active cell).
    if (e.button === 2 && inRect(h.pos, ctl.rect.value)) return;
    ctl.select(h.pos, e.shiftKey && e.button === 0);
    dragging = e.button === 0;
  }

  function onMouseMove(e: MouseEvent): void {
    if (!dragging) return;
    if ((e.buttons & 1) === 0) {
      dragging = false;
      return;
    }
    const h = hit(e);
    if (h?.kind === 'cell') d.ctl.select(h.pos, true);
  }

  function onDoubleClick(e: MouseEvent): void {
    const cell = d.ctl.activeCell.value;
    if (hit(e)?.kind === 'cell' && cell) d.ctl.startEdit('inPlace', d.ctl.cellText(cell));
    void nextTick(d.focus);
  }

  function onContextMenu(e: MouseEvent): void {
    if (hit(e)?.kind !== 'cell') return;
    e.preventDefault();
    const cell = d.ctl.activeCell.value;
    if (cell) d.history(cell);
  }

  const stopDrag = () => (dragging = false);
  onMounted(() => {
    window.addEventListener('mouseup', stopDrag);
    window.addEventListener('mousemove', onMouseMove);
  });
  onBeforeUnmount(() => {
    window.removeEventListener('mouseup', stopDrag);
    window.removeEventListener('mousemove', onMouseMove);
  });

  return { onMouseDown, onDoubleClick, onContextMenu };
}
