import { z } from 'zod';
import { FigureValueSchema } from './figure';
import { PeriodKeySchema } from './workspace';

/** Where the current value of a figure came from: typed in, imported (file and cell), restored, or the CLI. */
export const FigureOriginSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('entry') }),
  z.strictObject({ kind: z.literal('cli') }),
  z.strictObject({ kind: z.literal('sample') }),
  z.strictObject({
    kind: z.literal('import'),
    file: z.string(),
    sheet: z.string().optional(),
    cell: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('restore'), revision: z.number().int().nonnegative() }),
  /** Written by a 审核 rule at the clerk's click: 全市 as the districts' sum, or a twin indicator's figure. */
  z.strictObject({ kind: z.literal('computed'), rule: z.string().min(1).max(40), detail: z.string().max(1000) }),
]);
export type FigureOrigin = z.infer<typeof FigureOriginSchema>;

/** One stored figure. `note` and `source` (数据来源) are the clerk's; the rest is recorded by the app. */
export const FigureRecordSchema = z.strictObject({
  v: FigureValueSchema,
  note: z.string().max(500).optional(),
  source: z.string().max(200).optional(),
  at: z.string(),
  by: z.string(),
  origin: FigureOriginSchema,
});
export type FigureRecord = z.infer<typeof FigureRecordSchema>;

/** figures[systemId][indicatorId][region] */
export const FigureTableSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), FigureRecordSchema)));
export type FigureTable = z.infer<typeof FigureTableSchema>;

export const PERIOD_FORMAT_VERSION = 1;

/** data/<year>/<period>.json: the figures of one period as of `revision`. */
export const PeriodSnapshotSchema = z.strictObject({
  formatVersion: z.literal(PERIOD_FORMAT_VERSION),
  period: PeriodKeySchema,
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  figures: FigureTableSchema,
});
export type PeriodSnapshot = z.infer<typeof PeriodSnapshotSchema>;

export const FigureChangeRecordSchema = z.strictObject({
  s: z.string(),
  i: z.string(),
  r: z.string(),
  old: FigureValueSchema,
  new: FigureValueSchema,
  note: z.string().max(500).optional(),
  source: z.string().max(200).optional(),
  /** Where this one change came from, when it differs per change (an imported file's cell); else the entry's origin. */
  origin: FigureOriginSchema.optional(),
});
export type FigureChangeRecord = z.infer<typeof FigureChangeRecordSchema>;

/** One line of data/<year>/<period>.log: a batch of changes saved together, with who, when and from where. */
export const JournalEntrySchema = z.strictObject({
  rev: z.number().int().positive(),
  at: z.string(),
  by: z.string(),
  origin: FigureOriginSchema,
  changes: z.array(FigureChangeRecordSchema).min(1),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** A change requested by a caller; `value` may be raw text ("5.2%", "１２３", "/") parsed per indicator. */
export const FigureChangeInputSchema = z.strictObject({
  systemId: z.string().min(1).max(100),
  indicatorId: z.string().min(1).max(100),
  region: z.string().min(1).max(50),
  value: z.union([z.number(), z.string().max(100), z.null()]),
  note: z.string().max(500).nullable().optional(),
  source: z.string().max(200).nullable().optional(),
});
export type FigureChangeInput = z.infer<typeof FigureChangeInputSchema>;

/** workspace-level events kept in audit/<year>.jsonl (figure changes live in the period journals). */
export const AuditEventSchema = z.strictObject({
  at: z.string(),
  by: z.string(),
  action: z.enum([
    'workspace.create',
    'settings.update',
    'system.update',
    'system.add',
    'system.restore',
    'regions.update',
    'period.restore',
    'period.recover',
    'briefing.issue',
    'review.confirm',
    'returns.update',
    'register.issue',
    'register.correct',
    'counter.rewind',
    'lock.takeover',
  ]),
  summary: z.string(),
  detail: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
