import type { Guessed } from '../domain/indicator-guess';
import type {
  Direction,
  Frequency,
  IndicatorKind,
  IndicatorSystem,
  Milestone,
  RankBy,
  TargetValue,
} from '../schemas/indicator-system';
import type { FigureValue } from '../schemas/figure';
import type { FiguresBlock, NameMatch, UnmatchedName } from './figures-types';
import type { ColumnRole } from './schemas';

export type Marker = '※' | '★' | '☆';

/** error: the row (or table) cannot be stored until it is fixed; warning: stored, but check it; info: how it was read. */
export type Severity = 'error' | 'warning' | 'info';

/** One message of a preview, in Chinese, naming the sheet and cell ("工作表“目标体系表”D7：…"). */
export interface TableMessage {
  severity: Severity;
  text: string;
  /** "D7", when the message is about one cell. */
  cell?: string;
  /** 1-based sheet row, when it is about one row. */
  row?: number;
}

export interface ColumnMapping {
  col: number;
  letter: string;
  /** The header as printed (rows of a multi-row header joined with " / "). */
  header: string;
  role: ColumnRole;
  /** Why this role was chosen ("表头“2023年目标”", "由用户指定"). */
  reason: string;
  /** True when the clerk chose the role. */
  chosen?: boolean;
}

/** A target cell as it will be stored, and the comparator the app reads from it. */
export interface TargetRead {
  value: TargetValue;
  cell: string;
  /** "不低于7%": the comparator read from the target. */
  meaning?: string;
  /** Why the app cannot judge it by itself ("完成省下达任务" waits for the province's number). */
  manual?: string;
}

/** A guessed field the clerk may have overridden: value, why, and whether it was edited. */
export type RowField<T> = Guessed<T> & { edited?: boolean };

/** One indicator row of the table as it will be stored. */
export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  include: boolean;
  /** Why the row is left out (a hidden row), when it is. */
  excludedReason?: string;
  id?: string;
  seq?: string;
  name: string;
  /** The name cell ("C7"). */
  nameCell: string;
  unit: string;
  unitReason: string;
  category?: string;
  markers: Marker[];
  responsible: string[];
  /** Sheet row of the parent for a 其中 row. */
  parentRow?: number;
  kind: RowField<IndicatorKind>;
  direction: RowField<Direction>;
  decimals: RowField<number>;
  frequency: RowField<Frequency>;
  ytd: RowField<boolean>;
  rankBy: RowField<RankBy>;
  cityIsSumOfRegions: RowField<boolean>;
  /** The whole city's targets by year. */
  targets: Record<string, TargetRead>;
  /** District targets by year, then by region short name (全市 included). */
  regionTargets: Record<string, Record<string, TargetRead>>;
  base?: { year: string; value: TargetValue };
  growthTarget?: { basis: 'annualAverage' | 'cumulative'; value: TargetValue };
  nature?: '预期性' | '约束性';
  /** Milestones by year (a table's 一季度/二季度… columns belong to the table's year). */
  milestones: Record<string, Milestone[]>;
  notes: string[];
  messages: TableMessage[];
}

/** A target table read from one sheet (or pasted text). */
export interface TableRead {
  sheet: string;
  /** The title printed above the header, or ''. */
  title: string;
  /** First and last header row (1-based); 0 when no header was found. */
  headerRows: [number, number];
  /** Year given to target columns whose header names none. */
  year: string;
  yearReason: string;
  /** Whether some target column takes `year` (its header names none): the preview offers to change it. */
  yearUsed: boolean;
  columns: ColumnMapping[];
  rows: TableRow[];
  /** Messages about the table as a whole (header, limits, legend). */
  messages: TableMessage[];
  footnotes: { text: string; row: number }[];
  markerLegend: Partial<Record<Marker, string>>;
  /** The row of the marker legend ("※是承接省指标；★…"), also kept among the footnotes. */
  markerLegendRow?: number;
  /** Regions with a column, in table order (全市 excluded). */
  regions: string[];
  /** Every year with a target. */
  years: string[];
}

export interface SheetChoice {
  name: string;
  rows: number;
  /** Whether the sheet looks like a target table (a header was found). */
  table: boolean;
}

/** What "从表格新建" would store: nothing is written until the clerk confirms. */
export interface SystemImportPreview {
  /** The file name, or 粘贴的表格. */
  source: string;
  sheets: SheetChoice[];
  table: TableRead;
  /** The new system's name: the clerk's, the table's title, or the file name. */
  title: string;
  /** The system exactly as it will be stored; null while errors remain. */
  system: IndicatorSystem | null;
  counts: { rows: number; included: number; errors: number; warnings: number };
  /** Regions of the table that the workspace does not list yet (their targets are kept). */
  regionsNotInWorkspace: string[];
}

/** One figure of a past-figures sheet compared with what is stored. */
export interface FigureCellReport {
  sheet: string;
  cell: string;
  periodText: string;
  period?: string;
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  region: string;
  raw: string;
  /** changed: will be written (old → new); unchanged: already stored; duplicate: the same figure twice. */
  status: 'changed' | 'unchanged' | 'rejected' | 'duplicate';
  old: FigureValue;
  new?: FigureValue;
  message?: string;
}

export interface FiguresPeriodReport {
  period: string;
  title: string;
  /** The period's revision the preview was made at: apply refuses when it moved. */
  revision: number;
  changed: number;
  unchanged: number;
  rejected: number;
}

/** What "导入历史数据" would write. Nothing is written until the clerk applies it. */
export interface FiguresImportPreview {
  source: string;
  /** sha256 of the file (or pasted text): apply checks it is the same table. */
  digest: string;
  sample: boolean;
  sheets: SheetChoice[];
  blocks: FiguresBlock[];
  matched: NameMatch[];
  unmatched: UnmatchedName[];
  messages: TableMessage[];
  /** The cells, refused ones first; at most MAX_PREVIEW_CELLS (the totals count them all). */
  cells: FigureCellReport[];
  /** Cells left out of `cells` to keep the preview small (they are written all the same). */
  omittedCells: number;
  periods: FiguresPeriodReport[];
  basis: Record<string, number>;
  totals: { changed: number; unchanged: number; rejected: number; duplicate: number };
}

export interface FiguresImportResult {
  periods: { period: string; revision: number; changed: number }[];
  changed: number;
  rejected: number;
}
