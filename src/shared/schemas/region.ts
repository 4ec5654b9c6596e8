import { z } from 'zod';

/** The districts/counties of one city, in official order (templates/regions/<cityId>.json). */
export const RegionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  short: z.string().min(1),
  /** A region named only by some plans (湖州 长合区): kept out of default ranking sets. */
  optional: z.boolean().default(false),
  note: z.string().optional(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionRegistrySchema = z.strictObject({
  formatVersion: z.literal(1),
  cityId: z.string().regex(/^[a-z0-9-]+$/),
  city: z.string().min(1),
  /** Name of the whole-city row as printed in tables. */
  totalName: z.string().min(1).default('全市'),
  regions: z.array(RegionSchema).min(1),
});
export type RegionRegistry = z.infer<typeof RegionRegistrySchema>;

export const TOTAL_REGION = '全市';
