import { z } from 'zod';
import {
  DirectionSchema,
  FrequencySchema,
  IndicatorKindSchema,
  MarkerSchema,
  MilestoneSchema,
  RankBySchema,
  SlugSchema,
  TargetValueSchema,
  YearKeySchema,
} from './indicator-system';

/**
 * The fields of an indicator a clerk may edit in the app; the whole system is re-validated after. An
 * optional field set to null is removed (no category, no parent: a top-level row, default ranking).
 */
export const IndicatorPatchSchema = z.strictObject({
  name: z.string().trim().min(1, '名称不能为空').max(100).optional(),
  unit: z.string().max(20).optional(),
  kind: IndicatorKindSchema.optional(),
  direction: DirectionSchema.optional(),
  decimals: z.number().int().min(0).max(4).optional(),
  frequency: FrequencySchema.optional(),
  ytd: z.boolean().optional(),
  rankBy: RankBySchema.nullable().optional(),
  responsible: z.array(z.string().trim().min(1)).max(20).optional(),
  category: SlugSchema.nullable().optional(),
  /** Makes the indicator a 其中 row of another (null: a row of its own). */
  parent: SlugSchema.nullable().optional(),
  markers: z.array(MarkerSchema).max(3).optional(),
  seq: z.string().trim().max(10).nullable().optional(),
  cityIsSumOfRegions: z.boolean().optional(),
  nature: z.enum(['预期性', '约束性']).nullable().optional(),
  /** Whole records replace the stored ones: every year the indicator keeps, after the edit. */
  targets: z.record(YearKeySchema, TargetValueSchema).optional(),
  regionTargets: z.record(YearKeySchema, z.record(z.string().min(1), TargetValueSchema)).optional(),
  milestones: z.record(YearKeySchema, z.array(MilestoneSchema)).optional(),
  regionMilestones: z.record(YearKeySchema, z.record(z.string().min(1), z.array(MilestoneSchema))).optional(),
  notes: z.array(z.string().min(1)).optional(),
});
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>;
