import { z } from 'zod';

/** The name of the person using the app (设置 → 我的姓名), recorded with every change. */
export const UserNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(20, '姓名最多 20 个字')
  .regex(/^[^\\/:*?"<>|\x00-\x1f]+$/, '姓名中不能有 \\ / : * ? " < > | 等符号');
