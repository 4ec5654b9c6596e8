import { z } from 'zod';
import type { Frequency, IndicatorKind } from '../schemas/indicator-system';
import { PeriodKeySchema } from '../schemas/workspace';
import type { FigureValue } from '../schemas/figure';
import type { SheetChoice, TableMessage } from './types';
import type { RegionDirectory } from './vocabulary';

/** Rows read from one sheet of past figures: 12 months × 100 indicators × 10 regions in long form fit. */
export const MAX_FIGURE_TABLE_ROWS = 50_000;

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const FiguresReadOptionsSchema = z.strictObject({
  /** Only this sheet; every visible sheet by default. */
  sheet: z.string().min(1).max(100).optional(),
  /** The period of sheets and blocks that name none. */
  period: PeriodKeySchema.optional(),
  /** Match names against this system only. */
  systemId: slug.optional(),
  /** The clerk's matches for names the app could not match (null: leave the name out). */
  names: z
    .record(z.string().min(1).max(200), z.union([z.strictObject({ systemId: slug, indicatorId: slug }), z.null()]))
    .optional(),
});
export type FiguresReadOptions = z.infer<typeof FiguresReadOptionsSchema>;

export interface FigureIndicator {
  systemId: string;
  systemTitle: string;
  indicatorId: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  decimals: number;
  frequency: Frequency;
}

export interface FiguresReadContext {
  regions: RegionDirectory;
  /** Regions figures may be stored for (the workspace's); 全市 and 全省 are always allowed. */
  workspaceRegions: string[];
  indicators: FigureIndicator[];
  options: FiguresReadOptions;
}

/** One figure the sheet holds, before it is compared with what is stored. */
export interface FigureCandidate {
  sheet: string;
  cell: string;
  /** The period as printed (or chosen). */
  periodText: string;
  /** Storage period key ("2025-09", "2025Q3"); absent when the cell is refused for its period. */
  period?: string;
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  region: string;
  raw: string;
  /** The parsed value (null: a blank cell, which is never written); absent when refused. */
  value?: FigureValue;
  /** Why the cell is refused, naming the sheet and cell. */
  message?: string;
}

export interface FiguresBlock {
  sheet: string;
  layout: 'wide' | 'long';
  headerRow: number;
  lastRow: number;
  /** "2025年1—9月" for a wide block; a long block's periods are per row. */
  periodTitle?: string;
  periodReason: string;
}

export interface IndicatorRef {
  systemId: string;
  indicatorId: string;
  systemTitle: string;
  name: string;
}

export interface NameMatch {
  /** The name as printed. */
  name: string;
  cells: string[];
  targets: IndicatorRef[];
  chosen?: boolean;
}

export interface UnmatchedName {
  name: string;
  cells: string[];
  suggestions: IndicatorRef[];
}

export interface FiguresRead {
  sheets: SheetChoice[];
  blocks: FiguresBlock[];
  candidates: FigureCandidate[];
  matched: NameMatch[];
  unmatched: UnmatchedName[];
  messages: TableMessage[];
}
