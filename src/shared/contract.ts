import { z } from 'zod';
import { call, type CallSpec, type Envelope } from './contract-kit';
import type {
  AppInfo,
  ChartImage,
  ExportedFile,
  ExportResult,
  FontCheckItem,
  Provenance,
  RankingView,
  AuditItem,
  CellHistoryItem,
  PeriodView,
  RecentWorkspace,
  IssueResult,
  IssuedList,
  IssuedStatus,
  RevisionInfo,
  ReviewReport,
  SaveResult,
  SystemHistoryItem,
  SystemSummary,
  WorkspaceInfo,
} from './api-types';
import type { ApplyResult, FormsGenerateResult, ImportPreview, RegionReturn } from './import-types';
import { CalendarDateSchema } from './schemas/calendar-date';
import { FigureChangeInputSchema } from './schemas/figures';
import { IndicatorPatchSchema } from './schemas/indicator-patch';
import { YearKeySchema, type IndicatorSystem } from './schemas/indicator-system';
import { RegionEditSchema } from './schemas/region-edit';
import { SystemEditSchema } from './schemas/system-edit';
import type { SystemChange } from './systems/diff';
import { BriefingEditsSchema, DocumentKindSchema, type BriefingEdits } from './schemas/briefing';
import { ReturnStatusSchema } from './schemas/returns';
import { ReviewNoteSchema } from './schemas/review';
import { SettingsPatchSchema } from './schemas/settings-patch';
import { UserNameSchema } from './schemas/user';
import { PeriodKeySchema, type WorkspaceFile } from './schemas/workspace';
import type { ReportModel } from './report/model';
import { FiguresReadOptionsSchema } from './table-import/figures-table';
import { TableReadOptionsSchema } from './table-import/schemas';
import { MAX_PASTE_CHARS } from './table-import/tsv';
import type { FiguresImportPreview, FiguresImportResult, SystemImportPreview } from './table-import/types';

/**
 * THE api between the renderer and main. Every call the renderer can make is declared here once,
 * with its input schema (parsed in main before any handler runs) and its output type.
 * IPC channels, HTTP paths and the preload bridge are all derived from these names.
 */
const systemId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '体系编号格式不对');
const indicatorId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '指标编号格式不对');
const region = z.string().min(1).max(50);
const empty = z.strictObject({});
const reviewKey = z.string().min(1).max(500);
const previewId = z.string().regex(/^[0-9a-f-]{36}$/, '预览编号格式不对');
/**
 * A returned workbook as base64. The cap is above the importer's 20 MB per file, so a file somewhat over
 * the limit is refused by name (without being decoded) rather than failing the whole request.
 */
const MAX_UPLOAD_BASE64_CHARS = Math.ceil((32 * 1024 * 1024) / 3) * 4;
/** A target or figures table: an .xlsx as base64, or text pasted from Excel, WPS or Word. */
const tableSource = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('file'),
    name: z.string().trim().min(1).max(255),
    base64: z
      .string()
      .refine((b) => b.length <= MAX_UPLOAD_BASE64_CHARS, '文件远超 20 MB 上限，不像是一张目标表或数据表，未读取'),
  }),
  z.strictObject({
    kind: z.literal('text'),
    text: z.string().max(MAX_PASTE_CHARS, '粘贴的内容过长，不像是一张表格。请只复制表格部分'),
  }),
]);
const systemTable = z.strictObject({ source: tableSource, options: TableReadOptionsSchema.default({}) });
const figuresTable = z.strictObject({ source: tableSource, options: FiguresReadOptionsSchema.default({}) });

export const calls = {
  'app.info': call<AppInfo>()(empty),
  /** 设置 → 我的姓名: kept for this PC's user, outside the workspace; every later change is recorded under it. */
  'app.setUserName': call<AppInfo>()(z.strictObject({ name: UserNameSchema })),
  'templates.list': call<SystemSummary[]>()(empty),
  'templates.get': call<IndicatorSystem>()(z.strictObject({ id: systemId })),

  'workspace.recent': call<RecentWorkspace[]>()(empty),
  'workspace.openRecent': call<WorkspaceInfo>()(z.strictObject({ key: z.string().regex(/^[0-9a-f]{16}$/) })),
  'workspace.openSample': call<WorkspaceInfo>()(empty),
  /** Desktop only: a folder dialog in main; the renderer never sends a path. */
  'workspace.chooseAndOpen': call<WorkspaceInfo | null>()(empty),
  'workspace.create': call<WorkspaceInfo>()(
    z.strictObject({
      name: z.string().trim().min(1, '请填写工作区名称').max(60, '工作区名称最多 60 个字'),
      city: z.string().min(1),
      systemIds: z.array(systemId).min(1, '请至少选择一个指标体系'),
      chooseFolder: z.boolean().default(false),
    }),
  ),
  'workspace.info': call<WorkspaceInfo>()(empty),
  /** Takes over the write lock another program holds: only the exact lock the clerk confirmed (its id). */
  'workspace.takeOver': call<WorkspaceInfo>()(z.strictObject({ lockId: z.string().min(1).max(200) })),
  /** The open workspace, or null when none is open (a normal state for the start page, not an error). */
  'workspace.current': call<WorkspaceInfo | null>()(empty),
  'workspace.close': call<null>()(empty),

  /** The workspace's own copies of its systems (edits go there, never to the templates). */
  'systems.get': call<IndicatorSystem>()(z.strictObject({ id: systemId })),
  'systems.updateIndicator': call<IndicatorSystem>()(
    z.strictObject({ systemId, indicatorId, patch: IndicatorPatchSchema }),
  ),
  /** One edit of a system (add, archive, move, targets, milestones…); audited with its old → new changes. */
  'systems.edit': call<{ system: IndicatorSystem; summary: string; archived?: boolean; changes: SystemChange[] }>()(
    z.strictObject({ systemId, edit: SystemEditSchema }),
  ),
  'systems.history': call<SystemHistoryItem[]>()(z.strictObject({ systemId })),
  /** Brings back the version a change replaced; the restore is itself a change in the history. */
  'systems.restore': call<IndicatorSystem>()(
    z.strictObject({ systemId, historyFile: z.string().regex(/^[A-Za-z0-9-]+\.json$/, '历史版本文件名格式不对') }),
  ),
  /** 新建下一年度: a linked copy for the year given, indicators, districts and milestones kept. */
  'systems.rollover': call<{ system: IndicatorSystem; info: WorkspaceInfo }>()(
    z.strictObject({ systemId, toYear: YearKeySchema }),
  ),
  /** Adds a shipped template, or a system file exported from another workspace (its text, never a path). */
  'systems.add': call<{ system: IndicatorSystem; renamedFrom?: string; info: WorkspaceInfo }>()(
    z.union([
      z.strictObject({ templateId: systemId }),
      z.strictObject({
        file: z.strictObject({
          name: z.string().trim().min(1).max(255),
          text: z.string().max(3 * 1024 * 1024, '文件远超 2 MB，不像是指标体系文件，未读取'),
        }),
      }),
    ]),
  ),
  /** The workspace's districts: add, rename (figures kept under the old name, read as the new), order. */
  'regions.edit': call<WorkspaceInfo>()(z.strictObject({ edit: RegionEditSchema })),

  /** 从表格新建: what a target table would become; nothing is written. */
  'systems.importPreview': call<SystemImportPreview>()(systemTable),
  /** Reads the table again with the clerk's choices and adds the system; refused while errors remain. */
  'systems.importApply': call<{ system: SystemSummary }>()(systemTable),
  /** A system as an .xlsx in the shape 从表格新建 reads, written to the workspace's exports/systems/. */
  'systems.exportXlsx': call<ExportedFile>()(z.strictObject({ id: systemId })),
  /** 导入历史数据: figures of a plain sheet compared with what is stored; nothing is written. */
  'figures.importPreview': call<FiguresImportPreview>()(figuresTable),
  /** Writes a previewed table's changed figures, refused when the table or a period changed since. */
  'figures.importApply': call<FiguresImportResult>()(
    z.strictObject({
      source: tableSource,
      options: FiguresReadOptionsSchema.default({}),
      digest: z.string().regex(/^[0-9a-f]{64}$/, '预览编号格式不对'),
      basis: z.record(PeriodKeySchema, z.number().int().nonnegative()),
    }),
  ),

  'figures.get': call<PeriodView>()(z.strictObject({ period: PeriodKeySchema })),
  'figures.set': call<SaveResult>()(
    z.strictObject({ period: PeriodKeySchema, changes: z.array(FigureChangeInputSchema).min(1).max(50_000) }),
  ),
  'figures.history': call<RevisionInfo[]>()(z.strictObject({ period: PeriodKeySchema })),
  'figures.cellHistory': call<CellHistoryItem[]>()(
    z.strictObject({ period: PeriodKeySchema, systemId, indicatorId, region }),
  ),
  'figures.restore': call<SaveResult>()(
    z.strictObject({ period: PeriodKeySchema, revision: z.number().int().nonnegative() }),
  ),
  'report.preview': call<{ model: ReportModel; warnings: string[] }>()(
    z.strictObject({ period: PeriodKeySchema, kind: DocumentKindSchema, edits: BriefingEditsSchema.optional() }),
  ),
  'report.rankings': call<RankingView>()(z.strictObject({ period: PeriodKeySchema })),
  /** A chart of the rankings page as the PNG the briefing prints (for 复制图片 / 另存为 PNG into WPS or Word). */
  'report.chartImage': call<ChartImage>()(
    z.strictObject({ period: PeriodKeySchema, chartId: z.string().min(1).max(200) }),
  ),
  'briefing.getEdits': call<BriefingEdits | null>()(
    z.strictObject({ period: PeriodKeySchema, kind: DocumentKindSchema }),
  ),
  'briefing.saveEdits': call<null>()(
    z.strictObject({ period: PeriodKeySchema, kind: DocumentKindSchema, edits: BriefingEditsSchema }),
  ),
  /**
   * 签发: freezes the .docx and .xlsx as issued into the workspace (issued/…, with SHA-256) and moves the kind's
   * counter; the only call that does. A period and kind is issued once; after that only a 更正 with a reason.
   */
  'briefing.issue': call<IssueResult>()(
    z.strictObject({
      period: PeriodKeySchema,
      kind: DocumentKindSchema,
      date: CalendarDateSchema.optional(),
      correct: z
        .strictObject({ reason: z.string().trim().min(2, '请写明更正的原因（至少 2 个字）').max(300) })
        .optional(),
    }),
  ),
  'figures.provenance': call<Provenance>()(z.strictObject({ ref: z.string().min(5).max(300) })),
  'settings.get': call<WorkspaceFile>()(empty),
  'settings.update': call<WorkspaceFile>()(z.strictObject({ patch: SettingsPatchSchema })),
  'fonts.check': call<FontCheckItem[]>()(empty),
  /** Starts writing the .docx and/or .xlsx of a period as a job; progress arrives as 'job.progress'. */
  'documents.export': call<{ jobId: string }>()(
    z.strictObject({
      period: PeriodKeySchema,
      kind: DocumentKindSchema,
      parts: z
        .array(z.enum(['docx', 'xlsx']))
        .min(1)
        .max(2),
      /** Keep the earlier export of the same name (this one gets "（2）"); by default it is replaced. */
      asCopy: z.boolean().default(false),
    }),
  ),
  /** Waits for an export job and returns what it wrote and the format checker's findings. */
  'documents.result': call<ExportResult>()(z.strictObject({ jobId: z.string().uuid() })),
  /** Desktop only: shows an exported file in the system file manager. */
  'documents.reveal': call<null>()(z.strictObject({ relativePath: z.string().min(1).max(500) })),
  /**
   * Desktop only: prints the current page (the preview, laid out by its print CSS), or saves it as PDF
   * into the workspace's exports/<period>/ folder. The browser host prints with window.print() instead.
   */
  'app.print': call<{ printed: boolean; pdf?: { relativePath: string } }>()(
    z.strictObject({
      mode: z.enum(['print', 'pdf']),
      period: PeriodKeySchema,
      fileName: z
        .string()
        .trim()
        .min(1)
        .max(120)
        .regex(/^[^\\/:*?"<>|]+$/, '文件名不能含 \\ / : * ? " < > |'),
      landscape: z.boolean().default(false),
    }),
  ),
  'jobs.cancel': call<boolean>()(z.strictObject({ jobId: z.string().uuid() })),
  'audit.list': call<AuditItem[]>()(
    z.strictObject({ period: PeriodKeySchema.optional(), limit: z.number().int().positive().max(10_000).optional() }),
  ),

  // Fill-in workbooks and import
  /** One 填报表 per region; desktop: written to a folder chosen in a dialog; browser: download ids. */
  'forms.generate': call<FormsGenerateResult>()(
    z.strictObject({ period: PeriodKeySchema, regions: z.array(region).min(1).max(100).optional() }),
  ),
  /** Returned workbooks as bytes (never paths); nothing is written until import.apply. */
  'import.preview': call<ImportPreview>()(
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            name: z.string().trim().min(1).max(255),
            base64: z
              .string()
              .refine((b) => b.length <= MAX_UPLOAD_BASE64_CHARS, '文件远超 20 MB 上限，不像是填报表，未读取'),
          }),
        )
        .min(1)
        .max(200),
      period: PeriodKeySchema.optional(),
      anomalies: z
        .strictObject({
          levelJumpRatio: z.number().positive().max(100).optional(),
          rateJumpPoints: z.number().positive().max(1000).optional(),
        })
        .optional(),
    }),
  ),
  /**
   * Writes a preview's changes. A large batch previewed in several requests is applied as one import:
   * its other previews go in morePreviewIds and all are checked before anything is written.
   */
  'import.apply': call<ApplyResult>()(
    z.strictObject({
      previewId,
      morePreviewIds: z.array(previewId).max(50).optional(),
      /** Rows the clerk unticked in the preview: not written, and not counted as returned. */
      exclude: z
        .array(z.strictObject({ file: z.string().min(1).max(255), ref: z.string().min(1).max(60) }))
        .max(50_000)
        .optional(),
    }),
  ),
  /** The 催报 list: which regions have returned the period's figures. */
  'import.missing': call<RegionReturn[]>()(z.strictObject({ period: PeriodKeySchema })),
  // 已签发
  /** The register of issued documents, each frozen file checked against its SHA-256. */
  'issued.list': call<IssuedList>()(empty),
  /** The issued document in force for a period and kind (the latest 更正, else the original), or null. */
  'issued.status': call<IssuedStatus | null>()(z.strictObject({ period: PeriodKeySchema, kind: DocumentKindSchema })),
  /** A frozen file as issued: browser host, a download id; desktop, shown in its folder. Refused if altered. */
  'issued.download': call<{ downloadId?: string; path?: string }>()(
    z.strictObject({ id: z.string().min(1).max(120), name: z.string().min(1).max(255) }),
  ),

  /**
   * Where a district's return of a period stands: 退回 (the reason goes into the 催报 text), 通过 (only
   * when 已报齐), or 已报 / 待报. Returns the 报送情况 of the period again.
   */
  'returns.set': call<RegionReturn[]>()(
    z.strictObject({
      period: PeriodKeySchema,
      region,
      status: ReturnStatusSchema,
      reason: z.string().max(200).optional(),
    }),
  ),

  // 审核
  /** The 审核 of a reporting period: every rule on the figures its documents use, with the confirmations. */
  'review.run': call<ReviewReport>()(z.strictObject({ period: PeriodKeySchema })),
  /** Confirms a finding with a 说明 (kept with the figure, audited); returns the 审核 again. */
  'review.confirm': call<ReviewReport>()(
    z.strictObject({ period: PeriodKeySchema, key: reviewKey, note: ReviewNoteSchema }),
  ),
  /** Writes the value a finding offers (全市 as the districts' sum, a twin's figure), recorded as computed. */
  'review.fix': call<ReviewReport>()(z.strictObject({ period: PeriodKeySchema, key: reviewKey })),
} as const satisfies Record<string, CallSpec<z.ZodType, unknown>>;

/** Push events from main to the renderer, with their payload schemas. */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    label: z.string(),
    done: z.number(),
    total: z.number(),
    state: z.enum(['running', 'done', 'failed', 'cancelled']),
    message: z.string().optional(),
  }),
  /** Figures of a period changed (saved, imported, restored): views showing it reload. */
  'figures.changed': z.object({ period: z.string(), revision: z.number() }),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallParsedInput<K extends CallName> = z.output<Calls[K]['input']>;
export type CallOutput<K extends CallName> = NonNullable<Calls[K]['output']>[0];
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

/** The only place transport names are made. */
export const transport = {
  ipcChannel: (name: CallName): string => `api:${name}`,
  eventChannel: (name: EventName): string => `event:${name}`,
  httpPath: (name: CallName): string => `/api/${name}`,
  httpEventsPath: '/api-events',
  httpTokenHeader: 'x-api-token',
} as const;

/** The shape preload exposes as window.api and the HTTP client implements. */
export interface ApiBridge {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<Envelope<CallOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
