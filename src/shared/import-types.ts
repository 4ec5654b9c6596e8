import type { ReviewItem } from './api-types';
import type { ReturnStatus } from './schemas/returns';
import type { FigureValue } from './schemas/figure';

/** Output types of the fill-in workbook (填报表) and import calls. Plain data: they cross IPC and HTTP. */

export interface GeneratedFormInfo {
  region: string;
  fileName: string;
  /** Indicator rows in the form. */
  rows: number;
  /** Desktop: where main wrote the file (in the folder the clerk chose). */
  path?: string;
  /** Browser host: fetch /downloads/<id> (with the session cookie) before it expires. */
  downloadId?: string;
  downloadUrl?: string;
}

export interface FormsGenerateResult {
  period: string;
  periodTitle: string;
  sample: boolean;
  /** Desktop: the folder chosen in the dialog. */
  folder?: string;
  /** Browser host: when the download ids stop working (ISO time). */
  expiresAt?: string;
  files: GeneratedFormInfo[];
  /** Browser host, two or more forms: all of them in one .zip, one click instead of one per district. */
  zip?: { fileName: string; downloadId: string; downloadUrl: string };
}

export type AnomalyKind = 'jump' | 'signFlip' | 'ytdDecrease' | 'growthRange';

/** A figure that passed every check but looks unusual: shown for the clerk to confirm, never blocking. */
export interface ImportAnomaly {
  kind: AnomalyKind;
  message: string;
}

/**
 * unchanged: the same value (and note) as stored; changed: will be saved (old → new);
 * rejected: cannot be read or fails the indicator's checks, skipped; blank: not filled in, skipped
 * (a blank cell never clears a stored figure).
 */
export type ImportCellStatus = 'unchanged' | 'changed' | 'rejected' | 'blank';

export interface ImportCellReport {
  /** Where it was read, e.g. "填报表!D7". */
  ref: string;
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  region: string;
  /** Storage period key of this cell (2023-09, 2023Q3, 2023). */
  period: string;
  /** What the cell held, as text (formulas as "=B7*2 → 14.4"). */
  raw: string;
  status: ImportCellStatus;
  old: FigureValue;
  new: FigureValue;
  oldNote?: string;
  newNote?: string;
  /** Rejection reason, or a remark on an accepted cell (a rounded formula result). */
  message?: string;
  anomalies: ImportAnomaly[];
}

export interface ImportFileCounts {
  unchanged: number;
  changed: number;
  rejected: number;
  blank: number;
  anomalies: number;
}

export interface ImportFileReport {
  file: string;
  /** refused: the whole file is not imported (wrong workspace, tampered, unreadable…), see message. */
  status: 'accepted' | 'refused';
  message?: string;
  region?: string;
  /** The form's period key and title ("2023-09", "2023年1—9月"). */
  period?: string;
  periodTitle?: string;
  reporter?: { name: string; phone: string };
  cells: ImportCellReport[];
  counts: ImportFileCounts;
}

export interface ImportPreview {
  id: string;
  workspaceId: string;
  sample: boolean;
  createdAt: string;
  expiresAt: string;
  files: ImportFileReport[];
  /** Revision of each period to be written, as read for this preview: apply refuses if one moved since. */
  basis: Record<string, number>;
  /**
   * The 审核 across cells (全市 against the districts, 同一数据) of the figures as they would be after this
   * import, limited to findings touching its cells; per-figure checks are each cell's `anomalies`.
   */
  review: ReviewItem[];
  totals: ImportFileCounts & { files: number; refusedFiles: number };
}

export interface AppliedFile {
  file: string;
  region: string;
  /** One journal entry per period written from this file. */
  periods: { period: string; revision: number; changed: number }[];
}

export interface ApplyResult {
  previewId: string;
  applied: AppliedFile[];
  changed: number;
  /** Cells reported as rejected in the preview, not saved. */
  skippedCells: number;
  /** Cells the clerk left out in the preview (不导入), not saved. */
  excludedCells: number;
  refusedFiles: number;
}

export type RegionReturnStatus = 'returned' | 'missing' | 'partial';

/** One line of the 催报 list. */
export interface RegionReturn {
  region: string;
  status: RegionReturnStatus;
  /** Names of the indicators due and not yet stored, with their period when it is not the form's. */
  missingIndicators: string[];
  dueCount: number;
  /** The last import that brought figures of this region for the period. */
  lastImport?: { file: string; at: string; by: string };
  /** Where the district's return stands (待报 / 已报 / 退回 / 通过). */
  workflow?: ReturnStatus;
  /** Why it was sent back (退回); it goes into the 催报 text. */
  reason?: string;
  /** Who set the status, and when. */
  decided?: { at: string; by: string };
  /** 填报人 and 联系电话 on the district's last returned form. */
  reporter?: { name: string; phone: string };
  /**
   * Cells of the last returned form that were not taken (refused by the checks, or left out) and not
   * entered since, as "制造业投资增长（D7未通过检查）": the district has not 报齐 while any remains.
   */
  notAccepted?: string[];
}
