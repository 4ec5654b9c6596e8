import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { UserNameSchema } from '../../shared/schemas/user';
import { writeFileAtomic } from './storage/atomic-file';

const ProfileFileSchema = z.object({ formatVersion: z.literal(1), userName: UserNameSchema });

/**
 * Who is working at this PC: the name the clerk gave in 设置 → 我的姓名 (asked at first start), kept per
 * user in the app data folder, not in the workspace (several people may share one workspace folder).
 * Every saved change, confirmation, return decision and 签发 records it. The OS account ("root",
 * "Administrator") is only a stand-in until the clerk has given a name.
 */
export class UserProfile {
  private stored: string | null;

  constructor(
    private readonly appDataDir: string,
    /** A name fixed by the caller (tests, a command line that names its user); then nothing is asked. */
    private readonly fixed: string | undefined,
    private readonly fallback: () => string,
  ) {
    this.stored = fixed === undefined ? readProfile(this.path) : null;
  }

  private get path(): string {
    return join(this.appDataDir, 'profile.json');
  }

  get name(): string {
    return this.fixed ?? this.stored ?? this.fallback();
  }

  /** Whether the clerk has given a name (or one was fixed); false means 设置 should ask. */
  get isSet(): boolean {
    return this.fixed !== undefined || this.stored !== null;
  }

  async setName(input: string): Promise<void> {
    const parsed = UserNameSchema.safeParse(input);
    if (!parsed.success) throw new AppError('BAD_INPUT', parsed.error.issues[0]?.message ?? '姓名格式不对');
    if (this.fixed !== undefined)
      throw new AppError('BAD_INPUT', `本次运行的使用人已由启动参数指定为“${this.fixed}”，不能在此修改。`);
    await writeFileAtomic(this.path, JSON.stringify({ formatVersion: 1, userName: parsed.data }, null, 2) + '\n');
    this.stored = parsed.data;
  }
}

function readProfile(path: string): string | null {
  try {
    const parsed = ProfileFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data.userName : null;
  } catch {
    // Missing or unreadable: the name is asked again, which is the safe outcome.
    return null;
  }
}
