import type { InjectionKey, Ref } from 'vue';
import type { GridGeometry } from '../grid/geometry';
import type { GridLayout } from '../grid/layout';
import type { EntrySheet } from '../grid/sheet';

/** What every rendered row of the grid reads; provided once by EntryGrid so rows take only numbers as props. */
export interface GridContext {
  layout: Ref<GridLayout>;
  sheet: Ref<EntrySheet>;
  geometry: Ref<GridGeometry>;
}

export const GRID_CONTEXT: InjectionKey<GridContext> = Symbol('entry-grid');
