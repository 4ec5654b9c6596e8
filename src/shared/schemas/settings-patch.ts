import { z } from 'zod';
import { DistributionSchema, FontSettingsSchema, RankingSettingsSchema } from './workspace';

/** What the 设置 page may change in workspace.json; the whole file is re-validated after applying it. */
const counters = z.record(z.string().regex(/^\d{4}$/), z.number().int().positive());

export const SettingsPatchSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  documents: z
    .strictObject({
      briefingName: z.string().trim().min(1, '简报名称不能为空').max(60).optional(),
      subject: z.string().trim().min(1).max(60).optional(),
      issuer: z.string().trim().min(1, '编印单位不能为空').max(60).optional(),
      noticeIssuerMark: z.string().trim().min(1).max(60).optional(),
      noticeNumberPrefix: z.string().trim().min(1).max(20).optional(),
      distribution: DistributionSchema.optional(),
      copies: z.number().int().min(1, '印数至少为 1 份').max(100000).optional(),
      rankingPaper: z.enum(['A4', 'A3']).optional(),
      fonts: FontSettingsSchema.partial().optional(),
      mastheadSizePt: z.number().min(20).max(72).optional(),
      linePitchTwips: z.number().int().min(400).max(800).optional(),
      dataSource: z.string().trim().max(200).optional(),
      issueCounters: counters.optional(),
      reportCounters: counters.optional(),
      noticeCounters: counters.optional(),
      noticeAddressees: z.array(z.string().trim().min(1)).max(50).optional(),
      noticeCopyTo: z.array(z.string().trim().min(1)).max(50).optional(),
      totalIssueNext: z.number().int().positive().optional(),
    })
    .optional(),
  ranking: RankingSettingsSchema.partial().optional(),
  /**
   * Confirms moving a counter back to a number already issued (作废重发): without it such a change is
   * refused, since two documents would carry one number.
   */
  confirmCounterRewind: z.literal(true).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
