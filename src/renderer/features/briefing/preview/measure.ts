import { KEEP_WHOLE_ROWS } from '../../../../shared/report/layout-text';
import type { FlowItem } from './flow';
import { keepsWithNext, startsPage } from './flow';
import type { Measure } from './paginate';

/** 225 mm of type area at 96 dpi. */
export const TYPE_AREA_HEIGHT_PX = (225 * 96) / 25.4;

/** A line pitch in twips as CSS pixels (96 dpi). */
export function pitchPx(linePitchTwips: number): number {
  return linePitchTwips / 15;
}

function height(el: Element | null | undefined): number {
  return el ? el.getBoundingClientRect().height : 0;
}

/**
 * Reads the heights the pagination needs from a block laid out whole in the hidden measuring column:
 * a paragraph's lines, a table's caption / header / rows / notes, any other block's height. The 版记 brings
 * the blank line the writer puts before it.
 */
export function measureItem(item: FlowItem, el: HTMLElement | undefined, pitch: number): Measure {
  if (!el) return { type: 'block', height: 0 };
  if (item.kind === 'paragraph') {
    const p = el.querySelector('.doc-p');
    const space = height(el.querySelector('.p-space'));
    const lines = Math.round(height(p) / pitch);
    return { type: 'lines', lines, pitch, spaceBefore: space, ...(item.keepWithNext ? { keepWithNext: true } : {}) };
  }
  if (item.kind === 'table') {
    const box = el.getBoundingClientRect();
    const scroll = el.querySelector('.rt-scroll');
    const scrollBox = scroll?.getBoundingClientRect();
    if (!scroll || !scrollBox) return { type: 'block', height: box.height };
    const rows = [...scroll.querySelectorAll('tbody > tr')].map((tr) => height(tr));
    return {
      type: 'table',
      caption: Math.max(0, scrollBox.top - box.top),
      head: height(scroll.querySelector('thead')),
      rows,
      notes: Math.max(0, box.bottom - scrollBox.bottom),
      keepWhole: rows.length <= KEEP_WHOLE_ROWS,
    };
  }
  const h = height(el);
  if (item.kind === 'endBlock') return { type: 'block', height: h + pitch };
  return { type: 'block', height: h, keepWithNext: keepsWithNext(item), breakBefore: startsPage(item) };
}
