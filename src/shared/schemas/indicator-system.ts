import { z } from 'zod';

/**
 * Indicator system file format, version 1 (documented in docs/indicator-system-format.md).
 * One file per indicator table or quantified target list of a plan document.
 */
export const SYSTEM_FORMAT_VERSION = 1;

/** A target as printed: a plain number, or the verbatim text ("2个以上", "增长6%左右", "/"). */
export const TargetValueSchema = z.union([z.number(), z.string().trim().min(1)]);
export type TargetValue = z.infer<typeof TargetValueSchema>;

const yearKey = z.string().regex(/^\d{4}$/, '年份应为四位数字，如 "2023"');
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '编号只能用小写字母、数字和连字符');

export const IndicatorKindSchema = z.enum(['level', 'growth', 'share', 'count', 'perUnit']);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const DirectionSchema = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof DirectionSchema>;

export const FrequencySchema = z.enum(['monthly', 'quarterly', 'annual']);
export type Frequency = z.infer<typeof FrequencySchema>;

export const RankBySchema = z.enum(['value', 'growth', 'completion']);
export type RankBy = z.infer<typeof RankBySchema>;

export const MarkerSchema = z.enum(['※', '★', '☆']);

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

export const MilestoneSchema = z.strictObject({
  period: z.enum(['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2']),
  /** Share of the annual target due by the end of the period, in percent. */
  percent: z.number().min(0).max(1000),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

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
  targets: z.record(yearKey, TargetValueSchema).default({}),
  base: z.strictObject({ year: yearKey, value: TargetValueSchema }).optional(),
  actuals: z.record(yearKey, TargetValueSchema).optional(),
  growthTarget: GrowthTargetSchema.optional(),
  actualGrowth: GrowthTargetSchema.optional(),
  /** Per-region targets for the system's regionTargetYear, keyed by short region name as printed. */
  byRegion: z.record(z.string().min(1), TargetValueSchema).optional(),
  milestones: z.array(MilestoneSchema).optional(),
  /** Reading choices made while transcribing, and other remarks on this row. */
  notes: z.array(z.string().min(1)).default([]),
  source: SourceRefSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const CategorySchema = z.strictObject({
  id: slug,
  name: z.string().trim().min(1),
});
export type Category = z.infer<typeof CategorySchema>;

export const DocumentRefSchema = z.strictObject({
  title: z.string().min(1),
  docNumber: z.string().optional(),
  issuer: z.string().optional(),
  date: z.string().optional(),
  seedFile: z.string().min(1),
});

export const IndicatorSystemSchema = z.strictObject({
  formatVersion: z.literal(SYSTEM_FORMAT_VERSION),
  id: slug,
  title: z.string().trim().min(1),
  document: DocumentRefSchema,
  city: z.string().min(1),
  years: z.array(yearKey).min(1),
  markerLegend: z.record(MarkerSchema, z.string()).optional(),
  /** Short region names (as printed in the seed tables), in official order; 全市 excluded. */
  regions: z.array(z.string().min(1)),
  regionTargetYear: yearKey.optional(),
  categories: z.array(CategorySchema).default([]),
  indicators: z.array(IndicatorSchema).min(1),
  footnotes: z.array(z.strictObject({ text: z.string().min(1), source: SourceRefSchema })).default([]),
  /** Marks files generated for demos and tests; shipped templates leave it out. */
  sample: z.boolean().optional(),
});
export type IndicatorSystem = z.infer<typeof IndicatorSystemSchema>;
export type IndicatorSystemInput = z.input<typeof IndicatorSystemSchema>;
