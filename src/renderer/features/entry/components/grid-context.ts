import type { InjectionKey, Ref } from 'vue';
import type { GridGeometry } from '../grid/geometry';
import type { GridLayout } from '../grid/layout';
import type { EntrySheet } from '../grid/sheet';

/** A 审核 finding on a cell: an open 错误 or 提示, or one the clerk confirmed with a 说明. */
export interface CellMark {
  level: '错误' | '提示';
  open: boolean;
  /** The findings' messages, for the cell's tooltip. */
  text: string;
}

/** What every rendered row of the grid reads; provided once by EntryGrid so rows take only numbers as props. */
export interface GridContext {
  layout: Ref<GridLayout>;
  sheet: Ref<EntrySheet>;
  geometry: Ref<GridGeometry>;
  /** 审核 marks by cellKey. */
  marks: Ref<ReadonlyMap<string, CellMark>>;
}

export const GRID_CONTEXT: InjectionKey<GridContext> = Symbol('entry-grid');
