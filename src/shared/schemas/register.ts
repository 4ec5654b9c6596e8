import { z } from 'zod';
import { CalendarDateSchema } from './calendar-date';
import { DocumentKindSchema } from './briefing';
import { PeriodKeySchema } from './workspace';

/**
 * issued/register.json, format version 1 (docs/workspace-format.md): every document issued (签发), with the
 * exact files frozen at that moment under issued/<year>/<id>/ and their SHA-256.
 */
export const REGISTER_FORMAT_VERSION = 1;

export const IssuedFileSchema = z.strictObject({
  name: z.string().min(1).max(255),
  /** Inside the workspace, forward slashes: issued/2023/简报-2023-8/….docx */
  path: z.string().regex(/^issued\/\d{4}\/[^/\\]+\/[^/\\]+$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** What the file is: the document, the ranking table, the edits it was drafted with. */
  role: z.enum(['docx', 'xlsx', 'edits']),
});
export type IssuedFile = z.infer<typeof IssuedFileSchema>;

export const IssuedDocumentSchema = z.strictObject({
  /** The folder name under issued/<year>/: "简报-2023-8", "简报-2023-8-更正1". */
  id: z.string().regex(/^[^/\\.][^/\\]*$/),
  kind: DocumentKindSchema,
  /** The year the number belongs to (the counters restart each year). */
  year: z.string().regex(/^\d{4}$/),
  number: z.number().int().positive(),
  total: z.number().int().positive().optional(),
  /** As printed: "第8期（总第31期）" or "湖制造专班〔2026〕8号", with "（更正）" for a corrected issue. */
  label: z.string().min(1),
  period: PeriodKeySchema,
  periodTitle: z.string(),
  title: z.string(),
  /** 成文日期 printed on the document. */
  issueDate: CalendarDateSchema,
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** A corrected issue: which document it corrects, its place among the corrections, and why. */
  correction: z
    .strictObject({ of: z.string(), seq: z.number().int().positive(), reason: z.string().min(1).max(300) })
    .optional(),
  /** The data the document was made from: each period file's revision. */
  data: z.record(PeriodKeySchema, z.number().int().nonnegative()),
  files: z.array(IssuedFileSchema).min(1),
  sample: z.boolean(),
});
export type IssuedDocument = z.infer<typeof IssuedDocumentSchema>;

export const RegisterFileSchema = z.strictObject({
  formatVersion: z.literal(REGISTER_FORMAT_VERSION),
  documents: z.array(IssuedDocumentSchema),
});
export type RegisterFile = z.infer<typeof RegisterFileSchema>;
