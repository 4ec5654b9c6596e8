import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import type { WorkspaceFiles } from './workspace-files';

/**
 * The secret that signs the hidden _meta sheet of this workspace's fill-in forms (docs/workspace-format.md).
 * It lives only in the workspace folder and never goes into a form, so a district can neither re-sign
 * an edited meta nor have its form imported into another workspace.
 */
export const FORM_KEY_FILE = 'keys/form-signing.json';

const FormKeyFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  createdAt: z.string(),
});

export interface FormSigningKey {
  /** Names the key in each form, so a form signed by another key is told apart from an edited one. */
  keyId: string;
  key: Buffer;
}

export async function readFormKey(files: WorkspaceFiles): Promise<FormSigningKey | null> {
  const text = await files.readText(FORM_KEY_FILE, 64 * 1024);
  if (text === null) return null;
  let parsed;
  try {
    parsed = FormKeyFileSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success)
    throw new AppError(
      'INVALID_FILE',
      `${FORM_KEY_FILE} 已损坏，无法核对填报表的签名。请从备份中找回该文件；找不回时，删除它后重新生成并下发填报表（已下发的旧表将不能导入）。`,
    );
  return { keyId: parsed.data.keyId, key: Buffer.from(parsed.data.key, 'base64') };
}

/** Creates the workspace's key (once: an existing file is never replaced). */
export async function createFormKey(files: WorkspaceFiles, now: Date): Promise<FormSigningKey> {
  const key: FormSigningKey = { keyId: randomBytes(8).toString('hex'), key: randomBytes(32) };
  const created = await files.createExclusive(
    FORM_KEY_FILE,
    JSON.stringify(
      { formatVersion: 1, keyId: key.keyId, key: key.key.toString('base64'), createdAt: now.toISOString() },
      null,
      2,
    ) + '\n',
  );
  if (!created) {
    // Another process created it first: theirs is the key.
    const existing = await readFormKey(files);
    if (existing) return existing;
  }
  return key;
}
