import { z } from 'zod';
import { IndicatorPatchSchema } from './indicator-patch';
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
 * The edits a clerk can make to a workspace's system, one call each. Main applies the edit to its copy
 * (src/shared/systems/edits.ts), validates the whole result and stores it with the old → new changes in
 * the audit trail; anything inconsistent is refused with a Chinese message and nothing is written.
 */

const name = z.string().trim().min(1, '名称不能为空').max(100, '名称最多 100 个字');
/** 全市 or a district, as printed. */
const regionKey = z.string().trim().min(1).max(50);

export const NewIndicatorSchema = z.strictObject({
  name,
  unit: z.string().trim().max(20, '单位最多 20 个字'),
  kind: IndicatorKindSchema,
  direction: DirectionSchema,
  decimals: z.number().int().min(0).max(4),
  frequency: FrequencySchema,
  ytd: z.boolean(),
  category: SlugSchema.optional(),
  /** Makes the new indicator a 其中 row of this one. */
  parent: SlugSchema.optional(),
  responsible: z.array(z.string().trim().min(1)).max(20).default([]),
  markers: z.array(MarkerSchema).default([]),
  rankBy: RankBySchema.optional(),
  cityIsSumOfRegions: z.boolean().default(false),
  seq: z.string().trim().max(10).optional(),
});
export type NewIndicator = z.infer<typeof NewIndicatorSchema>;

/** A cell of a target grid: a year's target for 全市 or a district; null clears it. */
export const TargetCellSchema = z.strictObject({
  indicatorId: SlugSchema,
  region: regionKey,
  value: TargetValueSchema.nullable(),
});
export type TargetCell = z.infer<typeof TargetCellSchema>;

export const SystemEditSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('addIndicator'),
    indicator: NewIndicatorSchema,
    /** Placed after this indicator (and its 其中 rows); default: last of its category or parent. */
    after: SlugSchema.optional(),
  }),
  z.strictObject({ op: z.literal('updateIndicator'), indicatorId: SlugSchema, patch: IndicatorPatchSchema }),
  /** Deletes an indicator never given a figure; one with figures is archived (kept, restorable) instead. */
  z.strictObject({
    op: z.literal('removeIndicator'),
    indicatorId: SlugSchema,
    reason: z.string().trim().max(200).optional(),
  }),
  z.strictObject({ op: z.literal('restoreIndicator'), indicatorId: SlugSchema }),
  /** One place up or down among its siblings (same category, or the same parent's 其中 rows). */
  z.strictObject({
    op: z.literal('moveIndicator'),
    indicatorId: SlugSchema,
    offset: z.union([z.literal(-1), z.literal(1)]),
  }),
  /** The categories in their new order; a new one has no id; one left out must have no indicators. */
  z.strictObject({
    op: z.literal('setCategories'),
    categories: z
      .array(z.strictObject({ id: SlugSchema.optional(), name: z.string().trim().min(1, '类别名称不能为空').max(50) }))
      .max(100),
  }),
  /** Targets of one year, for 全市 and districts, several indicators at once (a pasted grid). */
  z.strictObject({
    op: z.literal('setTargets'),
    year: YearKeySchema,
    cells: z.array(TargetCellSchema).min(1).max(20_000),
  }),
  /** A year's milestones of an indicator, or one district's own (null: the district follows the year's). */
  z.strictObject({
    op: z.literal('setMilestones'),
    indicatorId: SlugSchema,
    year: YearKeySchema,
    region: regionKey.optional(),
    milestones: z.array(MilestoneSchema).max(6).nullable(),
  }),
  z.strictObject({
    op: z.literal('setInfo'),
    title: name.optional(),
    documentTitle: name.optional(),
    docNumber: z.string().trim().max(60).optional(),
  }),
]);
export type SystemEdit = z.infer<typeof SystemEditSchema>;
export type SystemEditInput = z.input<typeof SystemEditSchema>;

/** What an edit did: the summary for the audit trail, and whether a removal became an archive. */
export interface SystemEditOutcome {
  summary: string;
  archived?: boolean;
}
