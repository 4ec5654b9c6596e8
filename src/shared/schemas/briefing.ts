import { z } from 'zod';
import { DocumentKindSchema } from './document-kind';
import { PeriodKeySchema } from './workspace';

export { DocumentKindSchema } from './document-kind';

/**
 * The clerk's edits to a drafted document, kept per period and kind (briefings/<period>/<kind>.json):
 * they replace drafted text by paragraph id, so a re-draft from new figures keeps them.
 */
export const BriefingEditsSchema = z.strictObject({
  title: z.string().trim().min(1).max(120).optional(),
  editorNote: z.string().max(2000).optional(),
  paragraphs: z.record(z.string().max(200), z.string().max(5000)).default({}),
  /** Replace the drafted 存在问题 / 下步工作 paragraphs entirely, one string per paragraph. */
  problems: z.array(z.string().max(5000)).max(20).optional(),
  nextSteps: z.array(z.string().max(5000)).max(20).optional(),
});
export type BriefingEdits = z.infer<typeof BriefingEditsSchema>;

export const BriefingDraftFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  period: PeriodKeySchema,
  kind: DocumentKindSchema,
  edits: BriefingEditsSchema,
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type BriefingDraftFile = z.infer<typeof BriefingDraftFileSchema>;
