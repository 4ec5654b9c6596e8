import { z } from 'zod';
import { PeriodKeySchema } from './workspace';

/** review/<year>/<period>.json, format version 1 (docs/workspace-format.md): the clerk's 审核 confirmations. */
export const REVIEW_FORMAT_VERSION = 1;

export const ReviewCellSchema = z.strictObject({
  period: PeriodKeySchema,
  systemId: z.string().min(1).max(100),
  indicatorId: z.string().min(1).max(100),
  region: z.string().min(1).max(50),
});

/** A 说明 is a sentence a reader of the figures can check, not a tick. */
export const ReviewNoteSchema = z
  .string()
  .trim()
  .min(2, '请填写说明（至少 2 个字），写明核实的结果或原因')
  .max(300, '说明最多 300 字');

export const ReviewConfirmationSchema = z.strictObject({
  key: z.string().min(1).max(500),
  ruleId: z.string().min(1).max(40),
  code: z.string().max(10),
  level: z.enum(['错误', '提示']),
  cell: ReviewCellSchema,
  /** The values confirmed; the confirmation lapses when they change. */
  fingerprint: z.string().max(4000),
  /** The finding as it read when confirmed. */
  message: z.string().max(2000),
  note: ReviewNoteSchema,
  at: z.string(),
  by: z.string(),
});
export type ReviewConfirmation = z.infer<typeof ReviewConfirmationSchema>;

export const ReviewFileSchema = z.strictObject({
  formatVersion: z.literal(REVIEW_FORMAT_VERSION),
  period: PeriodKeySchema,
  confirmations: z.array(ReviewConfirmationSchema),
});
export type ReviewFile = z.infer<typeof ReviewFileSchema>;
