import { z } from 'zod';
import { DocumentKindSchema } from './document-kind';

/** workspace.json, format version 2 (docs/workspace-format.md). */
export const WORKSPACE_FORMAT_VERSION = 2;

export const FontSettingsSchema = z.strictObject({
  body: z.string().min(1).default('仿宋_GB2312'),
  title: z.string().min(1).default('方正小标宋简体'),
  heading1: z.string().min(1).default('黑体'),
  heading2: z.string().min(1).default('楷体_GB2312'),
  pageNumber: z.string().min(1).default('宋体'),
  latin: z.string().min(1).default('Times New Roman'),
});
export type FontSettings = z.infer<typeof FontSettingsSchema>;

export const DistributionSchema = z.strictObject({
  /** 报：superiors. */
  bao: z.array(z.string().min(1)).default([]),
  /** 送：peers and other bodies. */
  song: z.array(z.string().min(1)).default([]),
  /** 发：subordinates. */
  fa: z.array(z.string().min(1)).default([]),
});

export const IssueRecordSchema = z.strictObject({
  year: z.string().regex(/^\d{4}$/),
  number: z.number().int().positive(),
  total: z.number().int().positive().optional(),
  kind: DocumentKindSchema,
  period: z.string(),
  title: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
});
export type IssueRecord = z.infer<typeof IssueRecordSchema>;

const counters = z.record(z.string().regex(/^\d{4}$/), z.number().int().positive()).default({});

export const DocumentSettingsSchema = z.strictObject({
  briefingName: z.string().min(1),
  /** What the documents are about ("先进制造业集群培育工程"); derived from the briefing name when absent. */
  subject: z.string().min(1).optional(),
  /** 编印单位, printed left of the date under the masthead ("…办公室编" is added by the layout). */
  issuer: z.string().min(1),
  /** 发文机关标志 and 发文字号 prefix for 通报. */
  noticeIssuerMark: z.string().min(1),
  noticeNumberPrefix: z.string().min(1),
  distribution: DistributionSchema.default({ bao: [], song: [], fa: [] }),
  copies: z.number().int().min(1).max(100000).default(40),
  /**
   * The next number per year of each kind (src/shared/report/kinds.ts says which kind uses which): 简报 第N期,
   * 运行分析报告 第N期, 通报 文号 〔2026〕N号; and the 简报's next 总第N期. They move only when a document is marked
   * issued (签发), so drafting and exporting never burn a number.
   */
  issueCounters: counters,
  reportCounters: counters,
  noticeCounters: counters,
  totalIssueNext: z.number().int().positive().optional(),
  /** Issued documents as recorded before the register (issued/register.json) existed; read, no longer written. */
  /** 通报: 主送机关 (the bodies it is addressed to) and 抄送 (printed in the 版记). */
  noticeAddressees: z.array(z.string().min(1)).default([]),
  noticeCopyTo: z.array(z.string().min(1)).default([]),
  issued: z.array(IssueRecordSchema).default([]),
  paper: z.enum(['A4']).default('A4'),
  rankingPaper: z.enum(['A4', 'A3']).default('A4'),
  fonts: FontSettingsSchema.default(FontSettingsSchema.parse({})),
  /** Masthead name size in points (初号 = 42). */
  mastheadSizePt: z.number().min(20).max(72).default(42),
  /** Line pitch in twips; 579 fits 22 lines in the GB/T 9704 type area. */
  linePitchTwips: z.number().int().min(400).max(800).default(579),
  dataSource: z.string().default('各区县报送，市统计局核定'),
});
export type DocumentSettings = z.infer<typeof DocumentSettingsSchema>;

export const CompositeWeightSchema = z.strictObject({
  systemId: z.string(),
  indicatorId: z.string(),
  weight: z.number().positive().max(1000),
  basis: z.enum(['value', 'growth', 'completion']).optional(),
});

export const RankingSettingsSchema = z.strictObject({
  /** Indicators of the ranking table and the briefing, in order (system + indicator id). */
  keyIndicators: z.array(z.strictObject({ systemId: z.string(), indicatorId: z.string() })).default([]),
  composite: z
    .strictObject({
      title: z.string().default('赛马比拼综合得分'),
      rule: z.enum(['rankPoints', 'normalized']).default('rankPoints'),
      weights: z.array(CompositeWeightSchema).default([]),
    })
    .optional(),
  orderBy: z.enum(['official', 'rank']).default('official'),
  /** Decimals per indicator that override the system's (key "systemId/indicatorId"). */
  decimalsOverride: z.record(z.string(), z.number().int().min(0).max(4)).default({}),
});
export type RankingSettings = z.infer<typeof RankingSettingsSchema>;

export const WorkspaceFileSchema = z.strictObject({
  formatVersion: z.literal(WORKSPACE_FORMAT_VERSION),
  id: z.string().min(8),
  name: z.string().min(1).max(100),
  city: z.string().min(1),
  /** Short region names in official order (全市 is implied). */
  regions: z.array(z.string().min(1)).min(1),
  /**
   * Names a district had before it was renamed (current name → earlier names, latest first). Figures
   * stored under an earlier name stay where they are and are read as the district's.
   */
  regionFormerNames: z.record(z.string().min(1), z.array(z.string().min(1))).default({}),
  systems: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/)),
  /** True for the generated sample: every screen and document says 示例数据. */
  sample: z.boolean().default(false),
  createdAt: z.string(),
  documents: DocumentSettingsSchema,
  ranking: RankingSettingsSchema.default(RankingSettingsSchema.parse({})),
});
export type WorkspaceFile = z.infer<typeof WorkspaceFileSchema>;

/**
 * workspace.json format N → N + 1. Version 2 added `regionFormerNames` (district renames), which its
 * default fills in, and linked systems across years (the systems' own format 2).
 */
export const WORKSPACE_MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> =
  { 1: (doc) => doc };
export type WorkspaceFileInput = z.input<typeof WorkspaceFileSchema>;

/** Period keys: a month (2023-09), quarter (2023Q3), half (2023H1) or year (2023). */
export const PeriodKeySchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?$/, '期别格式应为 2023-09、2023Q3、2023H1 或 2023');
export type PeriodKey = z.infer<typeof PeriodKeySchema>;
