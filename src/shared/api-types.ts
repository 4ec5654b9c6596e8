import type { FigureValue } from './schemas/figure';
import type { FigureOrigin, FigureRecord, FigureTable } from './schemas/figures';
import type { ChartBlock, TableBlock } from './report/model';
import type { ReviewFinding } from './review/engine';
import type { IssuedDocument } from './schemas/register';
import type { ReviewRule } from './review/rules';

/** Output types of contract calls that are not plain schema types. */

export interface AppInfo {
  appName: string;
  version: string;
  host: 'electron' | 'http';
  /** Who is working: 设置 → 我的姓名, recorded with every change. */
  userName: string;
  /** False until the clerk has given a name: the app asks for it (the OS account is only a stand-in). */
  userNameSet: boolean;
  platform: string;
  templatesCount: number;
  /** Problems found in shipped templates, in Chinese, so a broken install is visible at once. */
  templateProblems: string[];
}

export interface SystemSummary {
  id: string;
  title: string;
  city: string;
  document: string;
  docNumber?: string;
  years: string[];
  /** 工作年度 (新建下一年度), and the system of the previous year it links to. */
  year?: string;
  previousId?: string;
  /** Indicators in use (archived ones not counted). */
  indicatorCount: number;
  archivedCount: number;
  regionCount: number;
}

/** One change of a system in its history: who, when, what (old → new), and the version it replaced. */
export interface SystemHistoryItem {
  at: string;
  by: string;
  action: string;
  summary: string;
  /** history/systems/<file>: the version before this change, which 恢复 brings back. */
  historyFile?: string;
  changes: { what: string; old: string | null; new: string | null }[];
}

/** An opened workspace as the renderer and CLI see it. */
export interface WorkspaceInfo {
  id: string;
  name: string;
  dir: string;
  city: string;
  regions: string[];
  /** Earlier names of renamed districts (current → earlier, latest first). */
  regionFormerNames: Record<string, string[]>;
  systems: SystemSummary[];
  sample: boolean;
  readOnly: boolean;
  /** Why the workspace is read-only (who holds the lock), in Chinese. */
  readOnlyReason?: string;
  /** Set when another program holds the write lock: who and since when, for the takeover dialog. */
  lockHolder?: LockHolderInfo;
  periods: string[];
  /** Problems in the workspace's own files (a system file that failed to load), in Chinese. */
  problems: string[];
}

/** Who holds a workspace's write lock, as found on disk. */
export interface LockHolderInfo {
  /** Names the exact lock the clerk saw: a takeover of a lock that changed since is refused. */
  lockId: string;
  /** False when the lock file cannot be read (then user, host, app and since are empty). */
  readable: boolean;
  user: string;
  host: string;
  app: string;
  /** When they opened the workspace ("10月8日 09:00", their clock). */
  since: string;
  /** Minutes since the lock was last refreshed, on the folder's clock. */
  minutesSinceSeen: number;
}

export interface RecentWorkspace {
  /** Opaque id the renderer sends back to reopen it (never the path). */
  key: string;
  dir: string;
  name: string;
  openedAt: string;
  sample: boolean;
}

/**
 * A period whose files cannot be used as they are: damaged or missing (restorable to the last good
 * version), written by a newer program, or a link (neither can be restored here; the message says why).
 */
export interface PeriodDamageInfo {
  file: string;
  kind: 'damaged' | 'missing' | 'newer' | 'link';
  message: string;
  lastGoodRevision: number;
  restorable: boolean;
}

export interface PeriodView {
  period: string;
  revision: number;
  /** figures[systemId][indicatorId][region] */
  figures: FigureTable;
  damage?: PeriodDamageInfo;
}

export interface SaveResult {
  period: string;
  revision: number;
  changed: number;
  unchanged: number;
}

export interface FigureRejection {
  index: number;
  systemId: string;
  indicatorId: string;
  region: string;
  value: unknown;
  message: string;
}

export interface RevisionInfo {
  revision: number;
  at: string;
  by: string;
  origin: FigureOrigin;
  changeCount: number;
  /** A short Chinese description, e.g. "导入 吴兴.xlsx，12 项". */
  summary: string;
}

export interface CellHistoryItem {
  revision: number;
  at: string;
  by: string;
  origin: FigureOrigin;
  old: FigureValue;
  new: FigureValue;
  note?: string;
}

export interface AuditItem {
  at: string;
  by: string;
  action: string;
  period?: string;
  summary: string;
  changes?: {
    systemId: string;
    indicatorId: string;
    region: string;
    old: FigureValue;
    new: FigureValue;
    /** Set when this change has its own origin (an imported file's cell). */
    origin?: FigureOrigin;
  }[];
  origin?: FigureOrigin;
}

export interface FontCheckItem {
  family: string;
  /** What the font is used for in the documents (正文, 标题…). */
  role: string;
  installed: boolean;
  /** What will be used instead when it is missing. */
  substitute?: string;
}

/**
 * One item of the checker's report on a .docx: what was checked (label), what was found (measured), what is
 * required (expected), as structured data so the wording can be adapted for the reader. `group` says whether it
 * is about the official layout (格式) or about what the text says (内容: unfilled places, stale numbers, a missing
 * 版记 or 主送机关).
 */
export interface CheckItem {
  id: string;
  label: string;
  pass: boolean;
  measured: string;
  expected: string;
  group?: '格式' | '内容';
  /** The requirement in a clerk's words ("正文：三号字"); measured and expected keep the technical values. */
  plain?: string;
}

export interface ExportedFile {
  name: string;
  /** Where it was written, inside the workspace (exports/…). */
  relativePath: string;
  bytes: number;
  /** Browser host: an id for /downloads/<id>. */
  downloadId?: string;
}

export interface ExportResult {
  files: ExportedFile[];
  /** The format checker's findings on the exported .docx. */
  checks: CheckItem[];
  /** Warnings the clerk must see (damaged periods, stale edited numbers, missing fonts). */
  warnings: string[];
}

/** Where a number in a table or a sentence came from, for the 排名亮晒 page's "click a number". */
export interface Provenance {
  ref: string;
  period: string;
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  region: string;
  /** What the number is: the figure itself, or a value computed from it (完成率, 同比, 位次…). */
  what: string;
  record: FigureRecord | null;
  history: CellHistoryItem[];
  /** 审核 findings about this figure that the clerk confirmed, with their 说明 (newest first). */
  review: ProvenanceReviewNote[];
  /** For an imported figure: the 填报人 and 联系电话 written on the returned form. */
  reporter?: { name: string; phone: string; file: string };
}

export interface ProvenanceReviewNote {
  code: string;
  level: '错误' | '提示';
  ruleName: string;
  /** The finding as it read when confirmed. */
  message: string;
  note: string;
  at: string;
  by: string;
  /** False when the figures changed after the confirmation: the 说明 was given for other values. */
  current: boolean;
}

/** What the 排名亮晒 page shows: the same tables as the .xlsx, and a chart per key indicator. */
export interface RankingView {
  period: string;
  periodTitle: string;
  sample: boolean;
  ranking: TableBlock;
  composite: TableBlock | null;
  charts: ChartBlock[];
  /** Time progress in percent (unrounded) and how it was set. */
  timeProgress: { percent: number; note: string } | null;
  warnings: string[];
}

/** One 审核 finding with the clerk's confirmation, if it still holds for the values as they are. */
export interface ReviewItem extends ReviewFinding {
  confirmation?: { note: string; at: string; by: string };
  /** A 说明 given for other values of this cell: the figures changed since, so it no longer covers them. */
  lapsed?: { note: string; at: string; by: string };
}

/** The 审核 of a reporting period, as the 审核 panel, the entry grid and the command line show it. */
export interface ReviewReport {
  period: string;
  periodTitle: string;
  sample: boolean;
  rules: ReviewRule[];
  items: ReviewItem[];
  counts: { errors: number; openErrors: number; hints: number; openHints: number };
  /** Figures looked at. */
  checkedCells: number;
  /** Period files that could not be read: their figures were not reviewed. */
  damaged: { period: string; message: string }[];
}

/** 签发 done: the register entry of the frozen document, and what the clerk should know about it. */
export interface IssueResult {
  document: IssuedDocument;
  warnings: string[];
}

/** One line of the 已签发 page: the document and each frozen file checked against its SHA-256. */
export interface IssuedEntry extends IssuedDocument {
  checks: { name: string; problem: string | null }[];
}

export interface IssuedList {
  /** Newest first. */
  documents: IssuedEntry[];
  /** Frozen files changed or missing since 签发, in Chinese with their checksums. */
  problems: string[];
}

/** Whether a period's document of a kind has been issued: the original, and the 更正 in force if any. */
export interface IssuedStatus {
  original: IssuedDocument;
  current: IssuedDocument;
  corrections: number;
}

/** A chart rendered by main exactly as in the .docx: a PNG at print resolution, base64. */
export interface ChartImage {
  fileName: string;
  base64: string;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}
