import { z } from 'zod';

const regionName = z
  .string()
  .trim()
  .min(1, '区县名称不能为空')
  .max(20, '区县名称最多 20 个字')
  .regex(/^[^\s]+$/, '区县名称不能含空格');

/** Changes to the workspace's districts (workspace.json `regions`, `regionFormerNames`). */
export const RegionEditSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), name: regionName, after: z.string().min(1).optional() }),
  z.strictObject({ op: z.literal('rename'), from: z.string().min(1), to: regionName }),
  z.strictObject({ op: z.literal('order'), regions: z.array(z.string().min(1)).min(1).max(100) }),
]);
export type RegionEdit = z.infer<typeof RegionEditSchema>;
