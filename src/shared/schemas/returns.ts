import { z } from 'zod';
import { PeriodKeySchema } from './workspace';

/**
 * returns/<year>/<period>.json, format version 1 (docs/workspace-format.md): per district, where its
 * return of a period's 填报表 stands (已报 / 退回 / 通过; 待报 when absent), every import of its form with
 * the 填报人 and 联系电话 printed on it, and the cells of the last one that were not taken.
 */
export const RETURNS_FORMAT_VERSION = 1;

export const ReturnStatusSchema = z.enum(['待报', '已报', '退回', '通过']);
export type ReturnStatus = z.infer<typeof ReturnStatusSchema>;

export const ReturnReasonSchema = z
  .string()
  .trim()
  .min(2, '请写明退回的原因（至少 2 个字），它会写进催报文字')
  .max(200, '退回原因最多 200 字');

/** A cell of a returned form that was not written: refused by the checks, or left out by the clerk. */
export const NotTakenCellSchema = z.strictObject({
  systemId: z.string(),
  indicatorId: z.string(),
  period: PeriodKeySchema,
  /** "填报表!D7" */
  ref: z.string(),
  name: z.string(),
  why: z.enum(['rejected', 'excluded']),
  message: z.string().max(1000).optional(),
});
export type NotTakenCell = z.infer<typeof NotTakenCellSchema>;

export const ReturnImportSchema = z.strictObject({
  file: z.string(),
  at: z.string(),
  by: z.string(),
  /** 填报人 and 联系电话 as written on the form. */
  reporter: z.strictObject({ name: z.string().max(100), phone: z.string().max(100) }).optional(),
  written: z.number().int().nonnegative(),
  notTaken: z.array(NotTakenCellSchema),
});
export type ReturnImport = z.infer<typeof ReturnImportSchema>;

export const ReturnEventSchema = z.strictObject({
  at: z.string(),
  by: z.string(),
  status: ReturnStatusSchema,
  reason: z.string().max(200).optional(),
  file: z.string().optional(),
});

export const RegionReturnRecordSchema = z.strictObject({
  status: ReturnStatusSchema,
  reason: z.string().max(200).optional(),
  at: z.string(),
  by: z.string(),
  imports: z.array(ReturnImportSchema),
  history: z.array(ReturnEventSchema),
});
export type RegionReturnRecord = z.infer<typeof RegionReturnRecordSchema>;

export const ReturnsFileSchema = z.strictObject({
  formatVersion: z.literal(RETURNS_FORMAT_VERSION),
  period: PeriodKeySchema,
  regions: z.record(z.string().min(1).max(50), RegionReturnRecordSchema),
});
export type ReturnsFile = z.infer<typeof ReturnsFileSchema>;
