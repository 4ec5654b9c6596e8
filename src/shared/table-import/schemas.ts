import { z } from 'zod';
import {
  DirectionSchema,
  FrequencySchema,
  IndicatorKindSchema,
  MilestonePeriodSchema,
  RankBySchema,
} from '../schemas/indicator-system';

const yearKey = z.string().regex(/^\d{4}$/, '年份应为四位数字，如 "2026"');
const columnLetters = z.string().regex(/^[A-Z]{1,3}$/, '列号应为字母，如 C');

/**
 * What a column of a target table holds. Detected from the header and content; the clerk may change any
 * of them in the preview, and the preview is read again with the change.
 */
export const ColumnRoleSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('ignore') }),
  /** 指标编号 (written by the app's own export, so a system comes back with the same ids). */
  z.strictObject({ role: z.literal('id') }),
  z.strictObject({ role: z.literal('seq') }),
  z.strictObject({ role: z.literal('category') }),
  z.strictObject({ role: z.literal('name') }),
  z.strictObject({ role: z.literal('unit') }),
  z.strictObject({ role: z.literal('responsible') }),
  /** The whole city's target of a year (目标值, 2023年, "2025年目标"). */
  z.strictObject({ role: z.literal('target'), year: yearKey }),
  /** One district's target (or 全市's) of a year: a column of a 区县任务分解表. */
  z.strictObject({ role: z.literal('regionTarget'), region: z.string().min(1).max(30), year: yearKey }),
  /** A base-year figure (十四五 table's "2020年" beside "2025年目标"). */
  z.strictObject({ role: z.literal('base'), year: yearKey }),
  /** 年均/累计增长 ("[5.1]" is a five-year cumulative figure). */
  z.strictObject({ role: z.literal('growth') }),
  z.strictObject({ role: z.literal('nature') }),
  /** A quarterly node (一季度 30%), the share of the annual target due by the end of the period. */
  z.strictObject({ role: z.literal('milestone'), period: MilestonePeriodSchema, year: yearKey }),
  z.strictObject({ role: z.literal('notes') }),
  z.strictObject({ role: z.literal('kind') }),
  z.strictObject({ role: z.literal('direction') }),
  z.strictObject({ role: z.literal('decimals') }),
  z.strictObject({ role: z.literal('frequency') }),
  z.strictObject({ role: z.literal('ytd') }),
  z.strictObject({ role: z.literal('rankBy') }),
  z.strictObject({ role: z.literal('citySum') }),
]);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;
export type ColumnRoleName = ColumnRole['role'];

/** The clerk's changes to one row of the preview. */
export const RowEditSchema = z.strictObject({
  row: z.number().int().positive(),
  include: z.boolean().optional(),
  name: z.string().trim().min(1, '指标名称不能为空').max(200).optional(),
  unit: z.string().trim().max(20).optional(),
  kind: IndicatorKindSchema.optional(),
  direction: DirectionSchema.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  frequency: FrequencySchema.optional(),
  ytd: z.boolean().optional(),
  rankBy: RankBySchema.optional(),
  cityIsSumOfRegions: z.boolean().optional(),
});
export type RowEdit = z.infer<typeof RowEditSchema>;

/** How to read a target table: everything optional, detection fills the rest. */
export const TableReadOptionsSchema = z.strictObject({
  sheet: z.string().min(1).max(100).optional(),
  /** First header row (1-based), when detection picked the wrong one. */
  headerRow: z.number().int().positive().max(100).optional(),
  /** Year of target columns whose header and title name none (a 分解表 printed without a year). */
  year: yearKey.optional(),
  columns: z.record(columnLetters, ColumnRoleSchema).optional(),
  rows: z.array(RowEditSchema).max(2000).optional(),
  /** Name of the new system; the table's title by default. */
  title: z.string().trim().min(1).max(100).optional(),
});
export type TableReadOptions = z.infer<typeof TableReadOptionsSchema>;
