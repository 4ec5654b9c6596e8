import { z } from 'zod';

/**
 * Indicator system file format, version 2 (documented in docs/indicator-system-format.md).
 * One file per indicator table or quantified target list of a plan document, or one a clerk made.
 *
 * Read targets, district targets and milestones through src/shared/systems/accessors.ts, never from these
 * fields directly, so the stored shape can change again without touching the calculations.
 */
export const SYSTEM_FORMAT_VERSION = 2;

/** A target as printed: a plain number, or the verbatim text ("2个以上", "增长6%左右", "/"). */
export const TargetValueSchema = z.union([z.number(), z.string().trim().min(1)]);
export type TargetValue = z.infer<typeof TargetValueSchema>;

export const YearKeySchema = z.string().regex(/^\d{4}$/, '年份应为四位数字，如 "2023"');
const yearKey = YearKeySchema;
export const SlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能用小写字母、数字和连字符');
const slug = SlugSchema;
/** A district as printed in the tables (吴兴, 南太湖新区); 全市 is not a district. */
const regionName = z.string().trim().min(1).max(50);

export const IndicatorKindSchema = z.enum(['level', 'growth', 'share', 'count', 'perUnit']);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const DirectionSchema = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof DirectionSchema>;

export const FrequencySchema = z.enum(['monthly', 'quarterly', 'annual']);
export type Frequency = z.infer<typeof FrequencySchema>;

export const RankBySchema = z.enum(['value', 'growth', 'completion']);
export type RankBy = z.infer<typeof RankBySchema>;

export const MarkerSchema = z.enum(['※', '★', '☆']);
export type Marker = z.infer<typeof MarkerSchema>;

/** Where a row was read from: the seed file and 1-based line numbers holding its cells. */
export const SourceRefSchema = z.strictObject({
  file: z.string().min(1),
  lines: z.array(z.number().int().positive()).min(1),
});
export type SourceRef = z.infer<typeof SourceRefSchema>;

/** A growth target stated over a period: 年均 (annual average) or [ ] (five-year cumulative). */
export const GrowthTargetSchema = z.strictObject({
  basis: z.enum(['annualAverage', 'cumulative']),
  value: TargetValueSchema,
});

export const MilestonePeriodSchema = z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2']);
export type MilestonePeriod = z.infer<typeof MilestonePeriodSchema>;

export const MilestoneSchema = z.strictObject({
  period: MilestonePeriodSchema,
  /** Share of the annual target due by the end of the period, in percent. */
  percent: z.number().min(0).max(1000),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/** Per year: the district targets (区县分解目标), keyed by district; 全市 lives in `targets`. */
const RegionTargetsByYearSchema = z.record(yearKey, z.record(regionName, TargetValueSchema));
/** Per year: the milestones (节点) of the year. */
const MilestonesByYearSchema = z.record(yearKey, z.array(MilestoneSchema));
/** Per year and district: milestones that replace the year's milestones for that district. */
const RegionMilestonesByYearSchema = z.record(yearKey, z.record(regionName, z.array(MilestoneSchema)));

/**
 * A declaration that an indicator holds the same quantity as an indicator of another system (two tables
 * of one plan, or two plans, asking for the same figure). The 审核 checks both hold the same value.
 * Declaring it on one side is enough.
 */
export const SameAsSchema = z.strictObject({
  systemId: slug,
  indicatorId: slug,
  /** Why the two are one quantity, citing the seed lines for shipped templates. */
  note: z.string().trim().min(1).max(300).optional(),
});
export type SameAs = z.infer<typeof SameAsSchema>;

/** An indicator taken out of use: kept in the file with its figures, shown nowhere, restorable. */
export const ArchivedSchema = z.strictObject({
  at: z.string().min(1),
  by: z.string().min(1),
  reason: z.string().trim().min(1).max(200).optional(),
});

export const IndicatorSchema = z.strictObject({
  id: slug,
  /** 序号 as printed, when the table numbers its rows. */
  seq: z.string().optional(),
  /** Name without markers and without the unit in parentheses. */
  name: z.string().trim().min(1),
  unit: z.string(),
  category: slug.optional(),
  markers: z.array(MarkerSchema).default([]),
  responsible: z.array(z.string().min(1)).default([]),
  kind: IndicatorKindSchema,
  direction: DirectionSchema,
  decimals: z.number().int().min(0).max(4),
  /** True when 全市 equals the sum of the regions (levels and counts over a partition of the city). */
  cityIsSumOfRegions: z.boolean().default(false),
  frequency: FrequencySchema,
  /** True when monthly figures are year-to-date (1—N月累计). */
  ytd: z.boolean(),
  rankBy: RankBySchema.optional(),
  nature: z.enum(['预期性', '约束性']).optional(),
  /** Parent indicator id for "其中" rows. */
  parent: slug.optional(),
  /** The target of each year for the whole system (全市). */
  targets: z.record(yearKey, TargetValueSchema).default({}),
  /** 区县分解目标 of each year. */
  regionTargets: RegionTargetsByYearSchema.default({}),
  /** 节点 of each year (Q1 30 %, Q2 65 % …), the time progress for the year. */
  milestones: MilestonesByYearSchema.default({}),
  /** Per-district milestones of a year, replacing that year's milestones for the district. */
  regionMilestones: RegionMilestonesByYearSchema.default({}),
  base: z.strictObject({ year: yearKey, value: TargetValueSchema }).optional(),
  actuals: z.record(yearKey, TargetValueSchema).optional(),
  growthTarget: GrowthTargetSchema.optional(),
  actualGrowth: GrowthTargetSchema.optional(),
  /** Reading choices made while transcribing, and other remarks on this row. */
  notes: z.array(z.string().min(1)).default([]),
  /** Seed file and lines, for rows transcribed from a plan; indicators a clerk adds have none. */
  source: SourceRefSchema.optional(),
  archived: ArchivedSchema.optional(),
  /** The indicator's id in the previous-year system (`previous`), when it differs from `id`. */
  previousId: slug.optional(),
  /** Indicators of other systems holding the same quantity (同一数据), checked against this one. */
  sameAs: z.array(SameAsSchema).max(20).optional(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;
export type IndicatorInput = z.input<typeof IndicatorSchema>;

export const CategorySchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1),
});
export type Category = z.infer<typeof CategorySchema>;

export const DocumentRefSchema = z.strictObject({
  title: z.string().trim().min(1),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  /** The seed text the shipped templates were transcribed from; absent for systems a clerk made. */
  seedFile: z.string().min(1).optional(),
});

export const IndicatorSystemSchema = z.strictObject({
  formatVersion: z.literal(SYSTEM_FORMAT_VERSION),
  id: slug,
  title: z.string().trim().min(1),
  document: DocumentRefSchema,
  city: z.string().min(1),
  /**
   * The year the system is kept for (工作年度), set by 新建下一年度: periods of that year use it, and an
   * earlier year's periods use the system it links to (`previous`). Without it the system serves every year.
   */
  year: yearKey.optional(),
  /** The system of the previous year (新建下一年度), for 同比, trends and last year's figures. */
  previous: z.strictObject({ systemId: slug }).optional(),
  /** The years holding a target, district target or milestone, plus `year`: derived, kept for readers. */
  years: z.array(yearKey).default([]),
  markerLegend: z.record(MarkerSchema, z.string()).optional(),
  /** Short region names (as printed in the seed tables), in official order; 全市 excluded. */
  regions: z.array(regionName),
  categories: z.array(CategorySchema).default([]),
  indicators: z.array(IndicatorSchema).min(1),
  footnotes: z.array(z.strictObject({ text: z.string().min(1), source: SourceRefSchema.optional() })).default([]),
  /** Marks files generated for demos and tests; shipped templates leave it out. */
  sample: z.boolean().optional(),
});
export type IndicatorSystem = z.infer<typeof IndicatorSystemSchema>;
export type IndicatorSystemInput = z.input<typeof IndicatorSystemSchema>;
